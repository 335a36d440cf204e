namespace EpochLens.Diagnosis;

/// <summary>
/// The answer for one run: how its epochs were known, what was measured, the findings ranked with their
/// evidence and severity, what was ruled out, and spikes outside the epoch pattern. Every report renders this;
/// its JSON form is versioned by <see cref="SchemaVersion"/>.
/// </summary>
public sealed class RunDiagnosis
{
    /// <summary>Version of the JSON form; raised whenever a field changes meaning or goes away.</summary>
    public const int SchemaVersion = 1;

    public required string Source { get; init; }

    public required string Format { get; init; }

    /// <summary>The series diagnosed, as the log names it.</summary>
    public required string Metric { get; init; }

    public required int Points { get; init; }

    /// <summary>Points whose value was NaN or infinite (left out of the analysis, counted here).</summary>
    public required int NonFinitePoints { get; init; }

    public required DiagnosisOutcome Outcome { get; init; }

    /// <summary>The answer in one or two sentences.</summary>
    public required string Verdict { get; init; }

    /// <summary>How the epochs were known; its structure's starts are the log's own steps.</summary>
    public required EpochResolution Epochs { get; init; }

    /// <summary>
    /// The step the analysis counted from: 0, or the loss's first step for a log beyond ±2^53 (see
    /// <see cref="StepRebase"/>). <see cref="Analysis"/> and <see cref="Figures"/> hold steps less this;
    /// everything else holds the log's own steps.
    /// </summary>
    public long StepOrigin { get; init; }

    public IReadOnlyList<Measurement> Measurements { get; init; } = [];

    /// <summary>Findings, strongest first.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    public IReadOnlyList<RuledOut> RuledOut { get; init; } = [];

    /// <summary>The strongest points far off the trend, outside the epoch analysis.</summary>
    public IReadOnlyList<Spike> Spikes { get; init; } = [];

    public int SpikeCount { get; init; }

    /// <summary>Things the user should know that are not findings (a detector that failed, data left out).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The analysis behind it, for reports that plot it; null when no analysis could run. Not serialized.</summary>
    public EpochAnalysis? Analysis { get; init; }

    /// <summary>What reports draw beyond <see cref="Analysis"/> (a periodogram, a running mean's steadying). Not serialized.</summary>
    public FigureData Figures { get; init; } = FigureData.Empty;

    /// <summary>The first finding, or null.</summary>
    public Finding? Primary => Findings.Count > 0 ? Findings[0] : null;
}
