using EpochLens.Reports;
using EpochLens.Torch.Experiments;

namespace EpochLens.Cli.Commands.Demo;

/// <summary>
/// <c>epochlens demo</c>: replays the question end to end: trains its set-up recording the raw loss and the running
/// mean it plotted, diagnoses both, and answers what causes the spikes and how bad they are.
/// </summary>
public sealed class DemoCommand(IAnsiConsole console) : ConsoleCommand<DemoSettings>(console)
{
    /// <summary>The diagnoses of both series, in the diagnosis JSON form, in the run folder.</summary>
    public const string DiagnosisFile = "diagnosis.json";

    /// <summary>The HTML report, in the run folder unless --html says otherwise.</summary>
    public const string ReportFile = "report.html";

    /// <summary>What each of the two curves is, as the console and the report head them.</summary>
    private static readonly string[] CurveLabels =
    [
        "1. The curve the question plotted: logged_loss, the running mean of the epoch so far",
        "2. The raw per-step loss of the same run: loss",
    ];

    public override int Execute(CommandContext context, DemoSettings settings, CancellationToken cancellationToken)
    {
        var data = TrainingData.Load();
        var folder = settings.ResolveOutFolder();
        var options = SeedDemo.Setup(settings.EpochCount);
        var writer = Output.Profile.Out.Writer;
        writer.WriteLine("The question: a CNN trained with Adam (lr 1e-5), batch size 1, 5039 samples per epoch reshuffled every epoch,");
        writer.WriteLine("shows a loss spike at the end of every epoch. What causes it, and how bad is it?");
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Training that set-up on {data.Description} for {options.Epochs} epochs ({(long)options.StepsPerEpoch * options.Epochs} steps), recording each step's loss and the running mean of the epoch that the question's code plotted."));

        var demo = new SeedDemo(data, EngineDefaults.CreateDiagnoser());
        var runs = new[] { ("training", (long)options.StepsPerEpoch * options.Epochs) };
        var outcome = RunProgressDisplay.Run(Messages, runs, settings.Quiet, progress =>
            demo.Run(options, folder, progress is null ? null : new SynchronousProgress<Torch.Training.TrainingProgress>(p => progress.Report(new RunProgress(0, "training", p))), cancellationToken));

        using (var json = File.Create(Path.Combine(folder, DiagnosisFile)))
        {
            JsonReport.Write(json, [outcome.Plotted, outcome.Raw], ToolVersion.Text);
        }

        string report = settings.HtmlFile ?? Path.Combine(folder, ReportFile);
        try
        {
            var lead = new ReportLead("The question, answered", [("What causes it", outcome.Answer), ("How bad it is", outcome.HowBad)], CurveLabels);
            HtmlReport.Write(report, [outcome.Plotted, outcome.Raw], ToolVersion.Text, lead);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Render(outcome, settings.Details, null);
            return Error($"the HTML report cannot be written to {report}: {e.Message}");
        }

        Render(outcome, settings.Details, report);
        return ExitCodes.Ok;
    }

    private void Render(DemoOutcome outcome, bool details, string? report)
    {
        var t = outcome.Training;
        Output.Profile.Out.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Trained {t.Steps} steps in {t.TrainingTime.TotalSeconds:0.0} s ({t.StepsPerSecond:0} steps/s); final held-out loss {t.FinalHeldOutLoss:F4}, accuracy {t.FinalHeldOutAccuracy:P1}."));
        Output.WriteLine();
        ConsoleHeading.Write(Output, ConsoleText.Safe(CurveLabels[0]));
        ConsoleReport.Render(Output, outcome.Plotted, details);
        Output.WriteLine();
        ConsoleHeading.Write(Output, ConsoleText.Safe(CurveLabels[1]));
        ConsoleReport.Render(Output, outcome.Raw, details);
        Output.WriteLine();
        ConsoleHeading.Write(Output, "The answer");
        Output.MarkupLine($"[bold]What causes it:[/] {ConsoleText.Safe(outcome.Answer)}");
        Output.MarkupLine($"[bold]How bad it is:[/] {ConsoleText.Safe(outcome.HowBad)}");
        Output.MarkupLine(ConsoleText.Markup($"Telemetry and {DiagnosisFile} (both diagnoses): {outcome.RunFolder}"));
        if (report is not null)
            Output.MarkupLine(ConsoleText.Markup($"HTML report with both curves side by side: {report}"));
    }
}
