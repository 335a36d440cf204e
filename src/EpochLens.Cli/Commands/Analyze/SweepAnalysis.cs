using System.Text.Json;
using EpochLens.Readers;
using EpochLens.Reports;
using EpochLens.Reports.Sweeps;
using EpochLens.Sweeps;

namespace EpochLens.Cli.Commands.Analyze;

/// <summary>
/// <c>analyze</c> on a folder of runs (or one shard of it): every run read and diagnosed in parallel, then the summary
/// first. Each diagnosis is kept in its JSON form, read back: memory stays at a few kilobytes a run, and the reports are
/// made from exactly what <c>--output jsonl</c> writes, so <c>summarize</c> over shards gives the same output.
/// </summary>
internal static class SweepAnalysis
{
    /// <summary>Whether to treat the path as a sweep: a folder with several runs, or any folder given a shard or JSON Lines.</summary>
    public static bool Applies(AnalyzeSettings settings, SweepPlan plan) =>
        plan.Found > 1 || settings.Shard is not null || settings.Report == ReportFormat.Jsonl;

    public static int Run(AnalyzeSettings settings, SweepPlan plan, ReadOptions readOptions, ProblemLog found, IAnsiConsole console, IAnsiConsole messages, CancellationToken cancellationToken)
    {
        var analyzer = new SweepAnalyzer(readOptions, settings.DiagnosisOptions) { MaxParallelism = settings.Jobs ?? Environment.ProcessorCount };
        int plotted = 0;
        Func<RunDiagnosis, RunDiagnosis> keep = KeptForm;
        if (settings.Plots is { } plots)
        {
            // Drawn while the run's analysis is still at hand: the kept form holds no series.
            Directory.CreateDirectory(plots);
            keep = diagnosis =>
            {
                Interlocked.Add(ref plotted, PlotExport.Write(plots, diagnosis, PlotPrefix(settings.Path, diagnosis.Source)).Count);
                return KeptForm(diagnosis);
            };
        }

        var results = SweepProgressDisplay.Run(messages, plan.Runs.Count, finished => analyzer.Analyze(plan.Runs, keep, _ => finished(), cancellationToken));
        if (settings.Plots is { } folder)
            messages.MarkupLine(ConsoleText.Markup($"Plots: {plotted} files in {Path.GetFullPath(folder)}"));

        ReadProblemsReport.Render(messages, [found, .. results.Select(r => r.Problems)]);
        var sweep = SweepReport.Create(results.SelectMany(r => r.Diagnoses), plan.Skipped.Concat(results.SelectMany(r => r.Skipped)));
        var shard = settings.SweepShard;
        if (shard.Count > 1)
            messages.MarkupLine(ConsoleText.Markup($"Shard {shard}: {plan.Runs.Count:N0} of the {plan.Found:N0} runs under {settings.Path}."));

        if (sweep.Runs.Count == 0 && shard.Count == 1)
        {
            foreach (var s in sweep.Skipped)
                messages.MarkupLine(ConsoleText.Markup($"  skipped {s.Source}: {s.Reason}"));

            messages.MarkupLine(ConsoleText.Markup($"[red]error:[/] {settings.Path}: none of the {plan.Found:N0} runs could be diagnosed (the reasons are above)"));
            return ExitCodes.UsageOrInputError;
        }

        return SweepOutput.Write(console, messages, sweep, new SweepOutputOptions(settings.Report, settings.Html, settings.Details, settings.FailOn));
    }

    /// <summary>"lr-0.1_metrics.csv-" for the run "sweep/lr-0.1/metrics.csv" of "sweep": a file name prefix that names the run.</summary>
    internal static string PlotPrefix(string folder, string source)
    {
        string trimmed = folder.TrimEnd('/', '\\');
        string inside = source.StartsWith(trimmed + "/", StringComparison.Ordinal) ? source[(trimmed.Length + 1)..] : Path.GetFileName(source);
        var invalid = Path.GetInvalidFileNameChars();
        var name = inside.Select(c => c is '/' or '\\' ? '_' : invalid.Contains(c) || char.IsControl(c) ? '-' : c).ToArray();
        return new string(name) + "-";
    }

    /// <summary>A diagnosis as its JSON form holds it: what a shard's JSON Lines give <c>summarize</c> back.</summary>
    private static RunDiagnosis KeptForm(RunDiagnosis diagnosis)
    {
        using var json = JsonDocument.Parse(JsonReport.RunLine(diagnosis));
        return DiagnosisJsonReader.ReadRun(json.RootElement);
    }
}
