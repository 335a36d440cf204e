namespace EpochLens.Settings;

/// <summary>
/// How a message spells a setting it points to. Core does not know how its caller exposes the settings (the command
/// line has flags, a library caller has properties): the caller passes its spelling in the read and diagnosis
/// options, and messages take their words from it.
/// </summary>
public delegate string SettingSpelling(SettingHint hint);

/// <summary>The spellings Core has of its own.</summary>
public static class SettingSpellings
{
    /// <summary>Each setting's name, in kebab case like the cause ids.</summary>
    public static Naming.NameTable<Setting> Names { get; } = new(
        (Setting.StepsPerEpoch, "steps-per-epoch"),
        (Setting.Metric, "metric"),
        (Setting.StepColumn, "step-column"),
        (Setting.DecimalComma, "decimal-comma"),
        (Setting.MemoryBudget, "memory-budget"));

    /// <summary>The default: the setting named in words, e.g. "the steps-per-epoch setting 5039".</summary>
    public static SettingSpelling Words { get; } = hint =>
        hint.Value is null ? $"the {Names.Name(hint.Setting)} setting" : $"the {Names.Name(hint.Setting)} setting {hint.Value}";
}
