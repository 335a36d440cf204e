using System.Reflection;
using EpochLens.Cli.Commands;
using EpochLens.Cli.Commands.Analyze;
using EpochLens.Settings;

namespace EpochLens.Cli.CommandLine;

/// <summary>
/// The command line's flag for each setting Core's messages point to, read from the option that declares it: a flag
/// is written once, in its option's attribute, and a message names the flag that exists.
/// </summary>
internal static class SettingFlags
{
    private static readonly Dictionary<Setting, string> Flags = new()
    {
        [Setting.StepsPerEpoch] = Declared(typeof(AnalyzeSettings), nameof(AnalyzeSettings.StepsPerEpoch)),
        [Setting.Metric] = Declared(typeof(AnalyzeSettings), nameof(AnalyzeSettings.Metric)),
        [Setting.StepColumn] = Declared(typeof(ReadingSettings), nameof(ReadingSettings.StepColumn)),
        [Setting.DecimalComma] = Declared(typeof(ReadingSettings), nameof(ReadingSettings.DecimalComma)),
        [Setting.MemoryBudget] = Declared(typeof(ReadingSettings), nameof(ReadingSettings.MemoryBudget)),
    };

    /// <summary>A hint as the command line says it: the flag, then the value to give it.</summary>
    public static SettingSpelling Spell { get; } = hint => hint.Value is null ? Flag(hint.Setting) : $"{Flag(hint.Setting)} {hint.Value}";

    public static string Flag(Setting setting) => Flags[setting];

    /// <summary>The first long name of the option <paramref name="property"/> of <paramref name="settings"/>, e.g. "--metric".</summary>
    private static string Declared(Type settings, string property) =>
        "--" + settings.GetProperty(property)!.GetCustomAttribute<CommandOptionAttribute>()!.LongNames[0];
}
