namespace EpochLens.Torch.Telemetry;

/// <summary>
/// The steps at which <see cref="TelemetryRecorder"/> measures the gradient and update norms. Each norm
/// is a full pass over every parameter: on a small model at batch size 1 measuring both at every step
/// costs about a fifth of the step time, so the default measures every step near each epoch boundary
/// (where optimizer resets, reloads and accumulation leftovers show) and every 64th step elsewhere.
/// The loss, learning rate, optimizer step and sample ids are recorded at every step regardless.
/// </summary>
/// <param name="Every">Measure every this many global steps (0: only in the boundary windows).</param>
/// <param name="BoundaryWindow">Measure every step this close to the start or end of an epoch.</param>
public sealed record NormSchedule(int Every, int BoundaryWindow)
{
    /// <summary>Every step: exact norms throughout, at the measured cost (see the README's speed section).</summary>
    public static NormSchedule EveryStep { get; } = new(1, 0);

    /// <summary>Every step in the first and last 32 of each epoch, and every 64th step elsewhere.</summary>
    public static NormSchedule Sampled { get; } = new(64, 32);

    /// <summary>No norms: the cheapest telemetry.</summary>
    public static NormSchedule Never { get; } = new(0, 0);

    /// <summary>A sentence for run.json saying which steps have norms.</summary>
    public string Describe() => this switch
    {
        { Every: 1 } => "every step",
        { Every: 0, BoundaryWindow: 0 } => "none",
        { Every: 0 } => $"every step within {BoundaryWindow} of an epoch boundary",
        { BoundaryWindow: 0 } => $"every {Every}th step",
        _ => $"every step within {BoundaryWindow} of an epoch boundary, every {Every}th step elsewhere",
    };

    /// <summary>Whether the step at <paramref name="step"/> (at <paramref name="position"/> in its epoch) is measured.</summary>
    /// <param name="step">Global step.</param>
    /// <param name="position">Position in the epoch.</param>
    /// <param name="stepsPerEpoch">Steps per epoch when known; without it only the start-of-epoch window applies.</param>
    public bool Measures(long step, int position, int? stepsPerEpoch) =>
        (Every > 0 && step % Every == 0)
        || position < BoundaryWindow
        || (stepsPerEpoch is int length && position >= length - BoundaryWindow);
}
