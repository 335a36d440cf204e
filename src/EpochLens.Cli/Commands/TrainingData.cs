using EpochLens.Torch.Data;
using EpochLens.Torch.Native;

namespace EpochLens.Cli.Commands;

/// <summary>What train, demo and verify train on, made ready for training.</summary>
internal static class TrainingData
{
    /// <summary>The embedded Fashion-MNIST subset, or the IDX files in <paramref name="folder"/> (--data); libtorch is loaded after them.</summary>
    public static ImageDataSplit Load(string? folder = null)
    {
        var data = folder is null ? EmbeddedData.Load() : IdxDirectory.Load(folder);
        TorchRuntime.EnsureLoaded();
        return data;
    }
}
