using EpochLens.Torch.Data;

namespace EpochLens.Bench.TrainingSpeed;

/// <summary>
/// The images both sides train on, and a folder of IDX files holding exactly them for the Python side,
/// so "the first N training images" are the same images on both sides.
/// </summary>
internal sealed class BenchData : IDisposable
{
    private const string SystemDataset = "/usr/share/datasets/fashion-mnist";
    private static readonly string[] TrainFiles = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"];

    private readonly string? _extracted;

    private BenchData(ImageDataSplit split, string directory, string? extracted)
    {
        Split = split;
        Directory = directory;
        _extracted = extracted;
    }

    public ImageDataSplit Split { get; }

    /// <summary>An IDX folder with the same training files, for the Python side.</summary>
    public string Directory { get; }

    /// <summary>The given folder, else the embedded subset when this build has it, else the system's Fashion-MNIST.</summary>
    public static BenchData Load(string? directory)
    {
        if (directory is not null)
        {
            return new BenchData(IdxDirectory.Load(directory), directory, null);
        }

        var assembly = typeof(EmbeddedData).Assembly;
        var resources = assembly.GetManifestResourceNames();
        if (!TrainFiles.All(f => resources.Contains(EmbeddedData.ResourcePrefix + f)))
        {
            return new BenchData(IdxDirectory.Load(SystemDataset), SystemDataset, null);
        }

        // Python cannot read our resources: copy the embedded files out as they are.
        var folder = Path.Combine(Path.GetTempPath(), "epochlens-bench-data-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        foreach (var file in TrainFiles)
        {
            using var from = assembly.GetManifestResourceStream(EmbeddedData.ResourcePrefix + file)!;
            using var to = File.Create(Path.Combine(folder, file));
            from.CopyTo(to);
        }

        return new BenchData(EmbeddedData.Load(), folder, folder);
    }

    public void Dispose()
    {
        if (_extracted is not null)
        {
            System.IO.Directory.Delete(_extracted, recursive: true);
        }
    }
}
