using EpochLens.Telemetry;
using EpochLens.Torch.Data;
using EpochLens.Torch.Training;

namespace EpochLens.Torch.Experiments;

/// <summary>
/// Trains runs in this process, one at a time. Not side by side: TorchSharp 0.107 passes temporary Scalar handles
/// (Adam's step makes several per parameter) to native calls without keeping the Scalar alive, so a garbage
/// collection that another training thread triggers can finalize one while libtorch reads it (seen here as
/// "Expected false to be true" from c10::Scalar::toFloat in addcmul_). Runs side by side need one process each.
/// </summary>
public sealed class InProcessLauncher : IRunLauncher
{
    private readonly ImageDataSplit _data;

    public InProcessLauncher(ImageDataSplit data) => _data = data;

    public bool CanRunSideBySide => false;

    public long Train(PlannedRun run, IProgress<TrainingProgress>? progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(run);
        Directory.CreateDirectory(run.Folder);
        var trainer = new Trainer(run.Options, _data);
        trainer.Describe().Write(run.Folder);
        using var writer = new TelemetryWriter(run.Folder, TelemetryFormat.Csv);
        return trainer.Run(writer, progress, cancellation).Steps;
    }
}
