namespace EpochLens.Sweeps;

/// <summary>
/// Reads and diagnoses the runs of a sweep on several cores at once. Each run has its own diagnoser and problem log,
/// results come back in the order of the runs whatever order they finish in, and a run that cannot be read or
/// diagnosed, or that meets a bug, becomes a skipped entry with the reason instead of stopping the sweep.
/// </summary>
/// <param name="readOptions">How to read each run (format, step and epoch columns).</param>
/// <param name="diagnosisOptions">What the user said about every run (steps per epoch, metric, inference).</param>
public sealed class SweepAnalyzer(ReadOptions readOptions, DiagnosisOptions diagnosisOptions)
{
    /// <summary>How many runs are read and diagnosed at once; all cores by default.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Analyses <paramref name="runs"/>; <paramref name="keep"/> turns each diagnosis into what is kept, so a run's series and analysis can be dropped as soon as it is done.</summary>
    /// <param name="finished">Called once per run as it finishes, from any thread.</param>
    public IReadOnlyList<SweepRunResult<T>> Analyze<T>(IReadOnlyList<SweepRun> runs, Func<RunDiagnosis, T> keep, Action<SweepRun>? finished = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(keep);
        var results = new SweepRunResult<T>[runs.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, MaxParallelism), CancellationToken = cancellationToken };
        Parallel.For(0, runs.Count, parallel, i =>
        {
            results[i] = AnalyzeOne(runs[i], keep);
            finished?.Invoke(runs[i]);
        });
        return results;
    }

    private SweepRunResult<T> AnalyzeOne<T>(SweepRun run, Func<RunDiagnosis, T> keep)
    {
        var problems = new ProblemLog();
        var kept = new List<T>();
        var skipped = new List<SkippedRun>();
        try
        {
            var logs = Read(run.Log, ref problems);
            var diagnoser = new Diagnoser();
            foreach (var log in logs)
            {
                try
                {
                    kept.Add(keep(diagnoser.Diagnose(log, diagnosisOptions)));
                }
                catch (DiagnosisException e)
                {
                    skipped.Add(new SkippedRun(log.Source, WithoutSource(e.Message, log.Source)));
                }
            }
        }
        catch (LogReadException e)
        {
            skipped.Add(new SkippedRun(run.Log.Name, $"not read: {e.Problem}"));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One run that trips a bug must not cost the other thousand their answers; the reason says it is a bug.
            skipped.Add(new SkippedRun(run.Log.Name, $"internal error (a bug in epochlens, please report it): {e.GetType().Name}: {e.Message}"));
        }

        return new SweepRunResult<T>(run, kept, skipped, problems);
    }

    /// <summary>
    /// Reads the run; with a metric that the first read does not show (a printed log whose training lines are chosen by
    /// their loss label), reads it again for the lines that show the metric, keeping only that read's problems.
    /// </summary>
    private IReadOnlyList<TrainingLog> Read(FoundLog log, ref ProblemLog problems)
    {
        IReadOnlyList<TrainingLog> logs;
        try
        {
            logs = log.Read(readOptions, problems);
        }
        catch (LogReadException) when (diagnosisOptions.Metric is not null)
        {
            logs = [];
        }

        if (diagnosisOptions.Metric is { } metric && !logs.Any(l => LossSeriesChooser.HasLoss(l, metric)))
        {
            problems = new ProblemLog();
            logs = log.Read(readOptions with { Metric = metric }, problems);
        }

        return logs;
    }

    /// <summary>A diagnosis refusal names its log first; the skipped entry names it already.</summary>
    private static string WithoutSource(string message, string source) =>
        message.StartsWith(source + ": ", StringComparison.Ordinal) ? message[(source.Length + 2)..] : message;
}
