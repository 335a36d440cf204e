using EpochLens.Torch.Data;
using EpochLens.Torch.Native;
using EpochLens.Torch.Training;

namespace EpochLens.Torch.Tests.Training;

/// <summary>Short training runs on the embedded data, small enough for unit tests.</summary>
internal static class TrainingRuns
{
    private static readonly Lazy<ImageDataSplit> Data = new(() =>
    {
        TorchRuntime.EnsureLoaded();
        var full = EmbeddedData.Load();
        // 500 held-out images keep each evaluation quick and still measure the loss well.
        return full with { HeldOut = full.HeldOut.Subset(Enumerable.Range(0, 500).ToArray()) };
    });

    public static ImageDataSplit Embedded => Data.Value;

    /// <summary>A small, fast setup: 60 samples per epoch, 3 epochs, no evaluation.</summary>
    public static TrainOptions Small(CauseSwitches? causes = null) => new()
    {
        SamplesPerEpoch = 60,
        Epochs = 3,
        EvaluateEachEpoch = false,
        LearningRate = 1e-3,
        Causes = causes ?? new CauseSwitches(),
    };

    public static MemorySink Record(TrainOptions options)
    {
        var sink = new MemorySink();
        new Trainer(options, Embedded).Run(sink);
        return sink;
    }
}
