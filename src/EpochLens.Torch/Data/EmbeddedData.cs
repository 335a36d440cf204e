namespace EpochLens.Torch.Data;

/// <summary>
/// The Fashion-MNIST subset built into this assembly: 5039 training and 1000 held-out images
/// (see data/README.md for how they were chosen), so the harness trains with no download.
/// </summary>
public static class EmbeddedData
{
    /// <summary>The manifest-resource prefix the project file gives the files in data/fashion-mnist-5039.</summary>
    public const string ResourcePrefix = "EpochLens.Data.";

    // How data/README.md chose them: class-stratified from Fashion-MNIST's training and t10k sets.
    internal const string Description = "the embedded Fashion-MNIST subset (5039 training, 1000 held-out images)";

    /// <summary>Reads the embedded training and held-out sets; each call returns fresh arrays.</summary>
    /// <exception cref="InvalidOperationException">A resource is missing: the assembly was built without the data files.</exception>
    public static ImageDataSplit Load()
    {
        var train = LabeledImages.FromIdx(
            ReadResource("train-images-idx3-ubyte.gz"), ReadResource("train-labels-idx1-ubyte.gz"), "embedded training set");
        var heldOut = LabeledImages.FromIdx(
            ReadResource("t10k-images-idx3-ubyte.gz"), ReadResource("t10k-labels-idx1-ubyte.gz"), "embedded held-out set");
        return new ImageDataSplit(train, heldOut, Description);
    }

    private static IdxArray ReadResource(string fileName)
    {
        var assembly = typeof(EmbeddedData).Assembly;
        var name = ResourcePrefix + fileName;
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException(
                $"{assembly.GetName().Name} has no embedded resource {name}; it is built from data/fashion-mnist-5039/{fileName}, "
                + $"which was missing at build time. Resources present: {string.Join(", ", assembly.GetManifestResourceNames())}.");
        return IdxFile.Read(stream, name);
    }
}
