namespace EpochLens.Synthetic;

/// <summary>
/// What the generated log holds. Real logs usually have the loss alone, so every other series is off by default;
/// <see cref="Telemetry"/> switches on what EpochLens's own telemetry records.
/// </summary>
public sealed record LoggingOptions
{
    /// <summary>Log every k-th step (1: every step); the logged step is the last of each interval of k.</summary>
    public int Every { get; init; } = 1;

    /// <summary>With <see cref="Every"/> above 1: the interval's last value or its mean.</summary>
    public SparseValue SparseValue { get; init; } = SparseValue.Last;

    /// <summary>The number of the first step: 0 (PyTorch) or 1 (Keras).</summary>
    public long FirstStep { get; init; }

    /// <summary>An epoch column (<see cref="Logs.SeriesRole.Epoch"/>), 0-based, at every logged step.</summary>
    public bool EpochColumn { get; init; }

    /// <summary>An <see cref="Logs.EpochHint"/> with the steps per epoch and the epoch starts.</summary>
    public bool EpochHint { get; init; }

    /// <summary>The learning rate at every logged step.</summary>
    public bool LearningRate { get; init; }

    /// <summary>The optimizer's own step counter at every logged step.</summary>
    public bool OptimizerStep { get; init; }

    /// <summary>The size of the parameter change at every logged step, in arbitrary units (0 when the optimizer did not step).</summary>
    public bool UpdateNorm { get; init; }

    /// <summary>The held-out loss at the last step of every epoch.</summary>
    public bool HeldOutLoss { get; init; }

    /// <summary>The sample ids of every step's batch.</summary>
    public bool StepSamples { get; init; }

    /// <summary>Store the logged values as float32, as TensorBoard event files do.</summary>
    public bool SinglePrecision { get; init; }

    /// <summary>
    /// Print the logged values as a Keras progress bar does: values of 0.001 and above to this many decimals
    /// (Keras: 4), smaller ones to as many significant digits; null keeps every digit. Rounding makes a running
    /// mean hard to de-average late in a long epoch, as it is in real console logs.
    /// </summary>
    public int? Decimals { get; init; }

    /// <summary>Say in the loss series how its values were averaged, as a few readers can; most logs do not.</summary>
    public bool DeclareAveraging { get; init; }

    /// <summary>The loss at every step and nothing else: the usual real log.</summary>
    public static LoggingOptions LossOnly { get; } = new();

    /// <summary>Everything EpochLens telemetry records, at every step.</summary>
    public static LoggingOptions Telemetry { get; } = new()
    {
        EpochColumn = true,
        EpochHint = true,
        LearningRate = true,
        OptimizerStep = true,
        UpdateNorm = true,
        HeldOutLoss = true,
        StepSamples = true,
        DeclareAveraging = true,
    };
}
