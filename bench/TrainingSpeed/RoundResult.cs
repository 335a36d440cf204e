namespace EpochLens.Bench.TrainingSpeed;

/// <summary>
/// One timed EpochLens round: wall-clock speed (what a user sees, compared with PyTorch) and the
/// process's CPU time per step, which the telemetry overhead is computed from: on a shared virtual
/// machine the wall clock also counts time the host took the core away, which CPU time does not.
/// The trainer also times its telemetry calls directly: <see cref="TelemetryPercent"/> is that time over
/// the rest of the training time, a measurement that does not depend on two noisy rounds agreeing.
/// </summary>
internal readonly record struct RoundResult(double StepsPerSecond, double CpuMicrosecondsPerStep, double TelemetryPercent);
