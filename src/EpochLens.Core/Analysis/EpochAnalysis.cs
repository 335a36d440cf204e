using EpochLens.Logs;

namespace EpochLens.Analysis;

/// <summary>Everything measured about one loss series and its epochs; what the cause detectors read.</summary>
public sealed class EpochAnalysis
{
    private readonly Dictionary<string, Measurement> _byId;

    private EpochAnalysis(TrainingLog log, MetricSeries series, PreparedSignal signal, PhaseProfile profile, List<Measurement> measurements, IReadOnlyList<Spike> spikes, int spikeCount)
    {
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
        var signal = SignalPreparation.Prepare(series, structure);
        var profile = PhaseProfile.Fold(signal);
        var measurements = new List<Measurement>();
        if (signal.ValidCount > 0)
        {
            measurements.AddRange(BoundaryEventStudy.Measure(signal, profile));
            measurements.AddRange(EdgeAnomalies.Measure(profile));
            Add(measurements, WithinEpochSlope.Measure(signal, profile));
            measurements.AddRange(PositionCorrelation.Measure(profile));
            measurements.AddRange(RunningMeanProbe.Measure(signal));
            Add(measurements, TransientShape.Measure(signal, profile));
            Add(measurements, SampleRecencyProbe.Measure(signal, log.Samples));
        }

        Add(measurements, SampleOrderProbe.Measure(log.Samples, structure));
        measurements.AddRange(TelemetryProbes.Measure(log, structure));
        Add(measurements, HeldOutProbe.Measure(log, series));
        var (spikes, count) = signal.ValidCount > 0 ? SpikeScan.Scan(signal) : ([], 0);
        return new EpochAnalysis(log, series, signal, profile, measurements, spikes, count);
    }

    private static void Add(List<Measurement> measurements, Measurement? measurement)
    {
        if (measurement is not null)
        {
            measurements.Add(measurement);
        }
    }
}
