namespace EpochLens.Torch.Telemetry;

/// <summary>How a <see cref="TelemetryRecorder"/> records.</summary>
public sealed record TelemetryOptions
{
    /// <summary>The steps whose gradient and update norms are measured.</summary>
    public NormSchedule Norms { get; init; } = NormSchedule.Sampled;

    /// <summary>
    /// Steps per epoch, when the loop knows it: lets the norm schedule cover the end of every epoch.
    /// Without it the recorder learns the length from the first epoch.
    /// </summary>
    public int? StepsPerEpoch { get; init; }

    /// <summary>
    /// Keep per-step values on the device and read them back in batches (null: on for any device but the
    /// CPU, where reading a value costs nothing).
    /// </summary>
    public bool? DeferReadback { get; init; }
}
