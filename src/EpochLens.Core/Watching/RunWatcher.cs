namespace EpochLens.Watching;

/// <summary>
/// Watches a run: each <see cref="Poll"/> reads what the run wrote since the last one and, when
/// <see cref="WatchCadence"/> says so, diagnoses everything read so far and reports how the verdict moved.
/// <see cref="Finish"/> gives the final diagnosis, the same as a diagnosis of the finished log.
/// </summary>
public sealed class RunWatcher
{
    /// <summary>
    /// How long a diagnosis waits for a partly written line to be finished before reading it as it stands: writers
    /// finish a line within milliseconds, but a JSON document may never end in a line break, nor a progress bar.
    /// </summary>
    private static readonly TimeSpan PartialLineWait = TimeSpan.FromSeconds(2);

    private readonly ILogFollower _follower;
    private readonly Diagnoser _diagnoser;
    private readonly DiagnosisOptions _options;
    private readonly WatchCadence _cadence;
    private readonly VerdictTracker _tracker = new();
    private readonly TimeProvider _clock;
    private bool _undiagnosed;
    private DateTimeOffset? _waitingSince;

    public RunWatcher(ILogFollower follower, Diagnoser diagnoser, DiagnosisOptions options, TimeSpan interval, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _follower = follower;
        _diagnoser = diagnoser;
        _options = options;
        _cadence = new WatchCadence(options.StepsPerEpoch, interval);
        _clock = clock ?? TimeProvider.System;
        LastNews = _clock.GetUtcNow();
    }

    /// <summary>The latest diagnoses, one per log with a loss.</summary>
    public IReadOnlyList<RunDiagnosis> Latest { get; private set; } = [];

    /// <summary>When something new was last read (or watching started).</summary>
    public DateTimeOffset LastNews { get; private set; }

    /// <summary>How many diagnoses were made.</summary>
    public int DiagnosisCount { get; private set; }

    public ILogFollower Follower => _follower;

    public WatchUpdate Poll(IProblemSink problems)
    {
        var now = _clock.GetUtcNow();
        bool read = _follower.Poll(problems);
        if (read)
        {
            LastNews = now;
            _undiagnosed = true;
        }

        if (!_undiagnosed || !_cadence.Due(_follower.LastStep, now)) return new WatchUpdate(read, [], [], []);

        if (_follower.PartialLinePending && now - (_waitingSince ??= now) < PartialLineWait)
            return new WatchUpdate(read, [], [], []);

        return Diagnose(read, problems, now);
    }

    /// <summary>Reads what is left and diagnoses once more if anything was read since the last diagnosis.</summary>
    public WatchUpdate Finish(IProblemSink problems)
    {
        var now = _clock.GetUtcNow();
        bool read = _follower.Poll(problems);
        _follower.ReportPartialTails(problems);
        return read || _undiagnosed ? Diagnose(read, problems, now) : new WatchUpdate(read, [], [], []);
    }

    private WatchUpdate Diagnose(bool read, IProblemSink problems, DateTimeOffset now)
    {
        _undiagnosed = false;
        _waitingSince = null;
        long? step = _follower.LastStep;
        var logs = _follower.Snapshot(problems);
        var diagnoses = new List<RunDiagnosis>();
        var failures = new List<string>();
        foreach (var log in logs)
        {
            if (logs.Count > 1 && !LossSeriesChooser.HasLoss(log, _options.Metric)) continue;

            try
            {
                diagnoses.Add(_diagnoser.Diagnose(log, _options));
            }
            catch (DiagnosisException e)
            {
                failures.Add(e.Message);
            }
        }

        var changes = diagnoses.SelectMany(_tracker.Compare).ToList();
        bool changed = changes.Any(c => c.Kind != VerdictChangeKind.StillNothing);
        _cadence.Diagnosed(step, diagnoses.FirstOrDefault()?.Epochs.Structure, changed, now, logs.FirstOrDefault(l => l.Epochs is not null)?.Epochs);
        if (diagnoses.Count > 0) Latest = diagnoses;

        DiagnosisCount++;
        return new WatchUpdate(read, diagnoses, failures, changes);
    }
}
