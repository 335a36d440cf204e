using EpochLens.Reports.Sweeps;
using EpochLens.Sweeps;

namespace EpochLens.Cli.Commands.Summarize;

/// <summary>
/// <c>epochlens summarize</c>: merges the JSON Lines that shards of a sweep wrote into the summary, JSON and HTML that
/// one <c>analyze</c> over the whole folder gives.
/// </summary>
public sealed class SummarizeCommand(IAnsiConsole console) : ConsoleCommand<SummarizeSettings>(console)
{
    public override int Execute(CommandContext context, SummarizeSettings settings, CancellationToken cancellationToken)
    {
        var runs = new List<RunDiagnosis>();
        var skipped = new List<SkippedRun>();
        foreach (var file in Expand(settings.Files))
        {
            if (!File.Exists(file)) return Error($"{file}: no such file");

            try
            {
                SweepJsonLines.Read(file, runs, skipped);
            }
            catch (InvalidDataException e)
            {
                return Error(e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Error($"{file}: cannot be read: {e.Message}");
            }
        }

        // A shard run twice (a retried job) writes its runs twice: each run counts once.
        var unique = runs.DistinctBy(r => (r.Source, r.Metric)).ToList();
        if (unique.Count < runs.Count)
            Messages.MarkupLine(ConsoleText.Markup($"[yellow]warning:[/] {runs.Count - unique.Count} run(s) appear in more than one file: each is counted once"));

        if (unique.Count == 0 && skipped.Count == 0)
            return Error("the files hold no run: give the shards' 'analyze --output jsonl' files");

        var sweep = SweepReport.Create(unique, skipped.Distinct());
        return SweepOutput.Write(Output, Messages, sweep, new SweepOutputOptions(settings.Report, settings.Html, settings.Details, settings.FailOn));
    }

    /// <summary>The files given, with a folder standing for its *.jsonl files (a shell without globbing, a job's output folder).</summary>
    private static IEnumerable<string> Expand(IEnumerable<string> paths) =>
        paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*.jsonl").Order(StringComparer.Ordinal) : Enumerable.Repeat(p, 1));
}
