using EpochLens.Logs;
using EpochLens.Readers;
using EpochLens.Reports;
using EpochLens.Sweeps;

namespace EpochLens.Cli.Commands.Analyze;

/// <summary><c>epochlens analyze</c>: reads a log, finds epoch-aligned structure, names its cause and weighs it.</summary>
public sealed class AnalyzeCommand(IAnsiConsole console) : ConsoleCommand<AnalyzeSettings>(console)
{
    public override int Execute(CommandContext context, AnalyzeSettings settings, CancellationToken cancellationToken)
    {
        var readStatus = new ReadStatus(settings.Path);
        // Every series is read, not only --metric's: the diagnosis also uses the learning rate, the optimizer's
        // step count, update norms and the held-out loss beside the chosen loss.
        var readOptions = settings.ReadOptionsFor(settings.InputFormat, progress: readStatus);
        var problems = new ProblemLog();
        if (Directory.Exists(settings.Path))
        {
            var plan = SweepDiscovery.Plan(DefaultLogReaders.Create(), settings.Path, readOptions, settings.SweepShard, problems);
            if (SweepAnalysis.Applies(settings, plan))
                return SweepAnalysis.Run(settings, plan, readOptions, problems, Output, Messages, cancellationToken);

            problems = new ProblemLog();
        }

        var diagnoses = new List<RunDiagnosis>();
        var failures = new List<string>();
        void Work(Action<string> stage)
        {
            stage($"Reading {settings.Path} ...");
            readStatus.ShowWith(stage);
            IReadOnlyList<TrainingLog> logs;
            try
            {
                logs = DefaultLogReaders.Create().Read(settings.Path, readOptions, problems);
            }
            catch (LogReadException) when (settings.Metric is not null)
            {
                // A printed log whose loss has another name ("cross-entropy=0.41") shows no training line until the
                // metric names it: the read below says why if that fails too.
                logs = [];
            }

            if (settings.Metric is { } metric && !logs.Any(log => LossSeriesChooser.HasLoss(log, metric)))
            {
                // A printed log's training lines are chosen by their loss label: read again for the lines that
                // show --metric (a sub-loss printed on lines of its own), with only that read's problems.
                problems = new ProblemLog();
                logs = DefaultLogReaders.Create().Read(settings.Path, readOptions with { Metric = metric }, problems);
            }

            var diagnoser = EngineDefaults.CreateDiagnoser();
            var options = settings.DiagnosisOptions;
            foreach (var log in logs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (logs.Count > 1 && !LossSeriesChooser.HasLoss(log, settings.Metric)) continue;

                stage($"Diagnosing {log.Source} ...");
                try
                {
                    diagnoses.Add(diagnoser.Diagnose(log, options));
                }
                catch (DiagnosisException e)
                {
                    failures.Add(e.Message);
                }
            }
        }

        var report = settings.Report;

        // A spinner on standard error says what is going on while large logs are read and analysed, on a terminal only.
        WithStatus(Work);

        ReadProblemsReport.Render(Messages, problems);
        foreach (var failure in failures) SayError(failure);

        if (diagnoses.Count == 0)
        {
            if (failures.Count == 0) SayError($"{settings.Path}: no log with a training loss found");

            return ExitCodes.UsageOrInputError;
        }

        switch (report)
        {
            case ReportFormat.Json:
                using (var stdout = Console.OpenStandardOutput())
                {
                    JsonReport.Write(stdout, diagnoses, ToolVersion.Text);
                    stdout.Flush();
                }

                break;
            case ReportFormat.Jsonl:
                Reports.Sweeps.SweepJsonLines.Write(Console.Out, diagnoses, []);
                Console.Out.Flush();
                break;
            case ReportFormat.Md:
                Console.Out.Write(MarkdownReport.Render(diagnoses, ToolVersion.Text));
                Console.Out.Flush();
                break;
            default:
                foreach (var diagnosis in diagnoses) ConsoleReport.Render(Output, diagnosis, settings.Details);

                break;
        }

        if (settings.Html is { } html)
        {
            HtmlReport.Write(html, diagnoses, ToolVersion.Text);
            Messages.MarkupLine(ConsoleText.Markup($"HTML report: {Path.GetFullPath(html)}"));
        }

        if (settings.Plots is { } plots)
        {
            var written = PlotExport.Write(plots, diagnoses);
            Messages.MarkupLine(ConsoleText.Markup($"Plots: {written.Count} files in {Path.GetFullPath(plots)}"));
        }

        return SeverityGate.Trips(diagnoses, settings.FailOn) ? FailOnReached(settings.FailOn) : ExitCodes.Ok;
    }
}
