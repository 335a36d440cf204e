namespace EpochLens.Analysis;

/// <summary>Everything measured about one loss series and its epochs; what the cause detectors read.</summary>
public sealed class EpochAnalysis
{
    private readonly Dictionary<string, Measurement> _byId;

    private EpochAnalysis(TrainingLog log, MetricSeries series, PreparedSignal signal, PhaseProfile profile, List<Measurement> measurements, IReadOnlyList<Spike> spikes, int spikeCount, IReadOnlyList<LearningRateStep> rateSteps)
    {
        RateSteps = rateSteps;
        Log = log;
        Series = series;
        Signal = signal;
        Profile = profile;
        Measurements = measurements;
        _byId = measurements.ToDictionary(m => m.Id);
        Spikes = spikes;
        SpikeCount = spikeCount;
    }

    public TrainingLog Log { get; }

    public MetricSeries Series { get; }

    public PreparedSignal Signal { get; }

    public PhaseProfile Profile { get; }

    public EpochStructure Structure => Signal.Structure;

    /// <summary>The steps of a step schedule in the logged learning rate, where the loss's trend may break.</summary>
    public IReadOnlyList<LearningRateStep> RateSteps { get; }

    public IReadOnlyList<Measurement> Measurements { get; }

    /// <summary>The strongest non-periodic spikes.</summary>
    public IReadOnlyList<Spike> Spikes { get; }

    public int SpikeCount { get; }

    /// <summary>The measurement with this id, or null when it could not be taken on this log.</summary>
    public Measurement? this[string id] => _byId.GetValueOrDefault(id);

    /// <summary>Runs every measurement over <paramref name="series"/> folded by <paramref name="structure"/>.</summary>
    public static EpochAnalysis Run(TrainingLog log, MetricSeries series, EpochStructure structure)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(structure);
        var rateSteps = log.Find(SeriesRole.LearningRate) is { } rate ? LearningRateSteps.Find(rate, structure) : [];
        var signal = SignalPreparation.Prepare(series, structure, [.. rateSteps.Select(s => s.Step)]);
        var profile = PhaseProfile.Fold(signal);
        var measurements = new List<Measurement>();
        // Independent measurements, in groups of similar cost run side by side; their order in the result is fixed.
        bool valid = signal.ValidCount > 0;
        var groups = new Func<IEnumerable<Measurement?>>[]
        {
            () => valid ? [.. BoundaryEventStudy.Measure(signal, profile), .. EdgeAnomalies.Measure(profile), WithinEpochSlope.Measure(signal, profile), .. PositionCorrelation.Measure(profile), ShortEpochRepeat.Measure(signal, profile), BoundaryNoiseChange.Measure(signal, profile)] : [],
            () => valid ? [.. RunningMeanProbe.Measure(signal), TransientShape.Measure(signal, profile), EpochStartStep.Measure(signal)] : [],
            () => valid ? [SampleRecencyProbe.Measure(signal, log.Samples)] : [],
            () => [SampleOrderProbe.Measure(log.Samples, structure), .. TelemetryProbes.Measure(log, structure), HeldOutProbe.Measure(log, series), LearningRateStepResponse.Measure(signal, rateSteps)],
        };
        var results = new List<Measurement?>[groups.Length];
        (IReadOnlyList<Spike> Strongest, int Count) spikes = ([], 0);
        Parallel.Invoke(
            [
                .. groups.Select((group, index) => (Action)(() => results[index] = group().ToList())),
                () => spikes = valid ? SpikeScan.Scan(signal) : ([], 0),
            ]);
        foreach (var group in results) measurements.AddRange(group.Where(m => m is not null)!);

        // Derived from two of the above: the one test of the shape memorisation gives.
        if (RiseAndDrop.Measure(measurements.Find(m => m.Id == MeasurementIds.WithinEpochSlope), measurements.Find(m => m.Id == MeasurementIds.EpochStartStep)) is { } riseAndDrop)
            measurements.Add(riseAndDrop);

        return new EpochAnalysis(log, series, signal, profile, measurements, spikes.Strongest, spikes.Count, rateSteps);
    }

}
