using EpochLens.Torch.Experiments;

namespace EpochLens.Cli.Commands.Demo;

/// <summary>The options of <c>epochlens demo</c>; their descriptions are its --help.</summary>
public sealed class DemoSettings : CommonSettings
{
    [CommandOption("--full")]
    [Description("The longer version: 10 epochs instead of 3 (about two minutes of training on one core instead of about 35 s).")]
    public bool Full { get; init; }

    [CommandOption("--epochs <N>")]
    [Description("Epochs to train, instead of 3 (or 10 with --full); at least 3.")]
    public int? Epochs { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("Run folder for the telemetry, the diagnoses (diagnosis.json) and the HTML report (report.html). Default: runs/demo-<date-time>.")]
    public string? OutFolder { get; init; }

    [CommandOption("--html <FILE>")]
    [Description("Where to write the HTML report with both curves side by side and their verdicts. Default: report.html in the run folder.")]
    public string? HtmlFile { get; init; }

    [CommandOption("--details")]
    [Description("Show each diagnosis in full: every measurement and why each other cause was ruled out.")]
    public bool Details { get; init; }

    [CommandOption("--quiet")]
    [Description("No progress bar.")]
    public bool Quiet { get; init; }

    public override ValidationResult Validate() => DiagnosableEpochs.Check(Epochs) ?? ValidationResult.Success();

    public int EpochCount => Epochs ?? (Full ? SeedDemo.FullEpochs : SeedDemo.ShortEpochs);

    public string ResolveOutFolder() =>
        OutFolder ?? RunFolderName.New("runs", "demo-");
}
