using EpochLens.Settings;

namespace EpochLens.Cli.CommandLine;

/// <summary>
/// The command line's flag for each setting Core's messages point to: the options declare themselves with these
/// names, and the same names spell the hints in messages, so that a message names the flag that exists.
/// </summary>
internal static class SettingFlags
{
    public const string StepsPerEpoch = "--steps-per-epoch";
    public const string Metric = "--metric";
    public const string StepColumn = "--step-column";
    public const string DecimalComma = "--decimal-comma";
    public const string MemoryBudget = "--memory-budget";

    /// <summary>A hint as the command line says it: the flag, then the value to give it.</summary>
    public static SettingSpelling Spell { get; } = hint => hint.Value is null ? Flag(hint.Setting) : $"{Flag(hint.Setting)} {hint.Value}";

    public static string Flag(Setting setting) => setting switch
    {
        Setting.StepsPerEpoch => StepsPerEpoch,
        Setting.Metric => Metric,
        Setting.StepColumn => StepColumn,
        Setting.DecimalComma => DecimalComma,
        Setting.MemoryBudget => MemoryBudget,
        _ => throw new ArgumentOutOfRangeException(nameof(setting), setting, null),
    };
}
