using EpochLens.Cli.CommandLine;
using EpochLens.Readers;

namespace EpochLens.Cli.Commands;

/// <summary>
/// The log-reading options of the commands that read a log (analyze, inspect, watch): declared once, so each flag
/// means the same in every command, and turned into <see cref="ReadOptions"/> in one place.
/// </summary>
public abstract class ReadingSettings : CommonSettings
{
    [CommandOption("--step-column <NAME>")]
    [Description("The CSV column or JSON key that holds the step.")]
    public string? StepColumn { get; init; }

    [CommandOption("--epoch-column <NAME>")]
    [Description("The CSV column or JSON key that holds the epoch.")]
    public string? EpochColumn { get; init; }

    [CommandOption("--strict")]
    [Description("Fail on the first damaged record instead of skipping it and reporting it.")]
    public bool Strict { get; init; }

    [CommandOption("--memory-budget <SIZE>")]
    [Description("The memory the read may fill (e.g. 4G, 512M; default: half of this machine's memory). Points past it are dropped with a note, and compressed files expand to at most this much.")]
    public string? MemoryBudget { get; init; }

    [CommandOption("--decimal-comma")]
    [Description("Read CSV numbers written with a decimal comma ('1,5' as 1.5). Without it they are read where nothing else can be meant (cells split by ';' or tabs), with a note.")]
    public bool DecimalComma { get; init; }

    /// <summary>The budget asked for, or the machine's default; call after <see cref="ValidateMemoryBudget"/>.</summary>
    public long MemoryBudgetBytes => Readers.MemoryBudget.TryParse(MemoryBudget, out long bytes) ? bytes : Readers.MemoryBudget.DefaultBytes;

    /// <summary>
    /// How to read the log as these options say; <paramref name="format"/> and <paramref name="metric"/> come from the
    /// command (analyze's --format may name a report instead, and analyze reads every series whatever --metric says).
    /// </summary>
    public ReadOptions ReadOptionsFor(string? format, string? metric = null, IProgress<long>? progress = null) => new()
    {
        Format = format,
        Metric = metric,
        StepColumn = StepColumn,
        EpochColumn = EpochColumn,
        Strict = Strict,
        MemoryBudgetBytes = MemoryBudgetBytes,
        DecimalComma = DecimalComma,
        Progress = progress,
        Spell = SettingFlags.Spell,
    };

    /// <summary>The error for a budget that is not a size, or null.</summary>
    protected ValidationResult? ValidateMemoryBudget() =>
        MemoryBudget is { } text && !Readers.MemoryBudget.TryParse(text, out _)
            ? ValidationResult.Error($"--memory-budget takes a size from 1M to 1024T, such as 512M or 4G, not '{text}'")
            : null;
}
