namespace EpochLens.Torch.Data;

/// <summary>Loads a folder laid out like the MNIST and Fashion-MNIST downloads (train and t10k IDX files).</summary>
public static class IdxDirectory
{
    private static readonly string[] Roles =
    [
        "train-images-idx3-ubyte",
        "train-labels-idx1-ubyte",
        "t10k-images-idx3-ubyte",
        "t10k-labels-idx1-ubyte",
    ];

    /// <summary>Reads the training and the t10k (held-out) images and labels from <paramref name="directory"/>.</summary>
    /// <remarks>
    /// Each file may be plain or end in ".gz", and may use the dotted spelling some mirrors use
    /// ("train-images.idx3-ubyte"). Where a plain and a gzip copy both exist (torchvision keeps both)
    /// the plain one is read: it is the same data and needs no decompression.
    /// </remarks>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">One or more of the four files is missing; the message lists them.</exception>
    /// <exception cref="IdxFormatException">A file is corrupt or the files do not fit together.</exception>
    public static ImageDataSplit Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"The IDX data folder {directory} does not exist.");

        var paths = new string?[Roles.Length];
        var missing = new List<string>();
        for (var i = 0; i < Roles.Length; i++)
        {
            paths[i] = Find(directory, Roles[i]);
            if (paths[i] is null) missing.Add($"{Roles[i]}[.gz]");
        }

        if (missing.Count > 0)
        {
            throw new FileNotFoundException(
                $"The IDX data folder {directory} lacks {string.Join(", ", missing)} "
                + "(the dotted spelling, e.g. train-images.idx3-ubyte, is accepted too).");
        }

        var train = LabeledImages.FromIdx(
            IdxFile.Read(paths[0]!), IdxFile.Read(paths[1]!), $"training set in {directory}");
        var heldOut = LabeledImages.FromIdx(
            IdxFile.Read(paths[2]!), IdxFile.Read(paths[3]!), $"t10k set in {directory}");
        return new ImageDataSplit(train, heldOut, $"IDX files in {Path.GetFullPath(directory)}");
    }

    private static string? Find(string directory, string role)
    {
        // "train-images-idx3-ubyte" -> "train-images.idx3-ubyte": the last hyphen before "idx" becomes a dot.
        var dotted = role.Replace("-idx", ".idx", StringComparison.Ordinal);
        string[] candidates = [role, dotted, role + ".gz", dotted + ".gz"];
        foreach (var name in candidates)
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path)) return path;
        }

        return null;
    }
}
