using EpochLens.Torch.Data;

namespace EpochLens.Torch.Tests.Data;

public sealed class IdxDirectoryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Loads_the_mnist_layout_with_gzip_plain_and_dotted_names_mixed()
    {
        var trainImages = IdxBytes.Random(1, 12, 28, 28);
        var trainLabels = new IdxArray([12], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
        var heldOutImages = IdxBytes.Random(2, 4, 28, 28);
        var heldOutLabels = new IdxArray([4], [9, 8, 7, 6]);
        IdxFile.Write(_temp.File("train-images-idx3-ubyte.gz"), trainImages, gzip: true);
        IdxFile.Write(_temp.File("train-labels-idx1-ubyte"), trainLabels, gzip: false);
        IdxFile.Write(_temp.File("t10k-images.idx3-ubyte"), heldOutImages, gzip: false);
        IdxFile.Write(_temp.File("t10k-labels.idx1-ubyte.gz"), heldOutLabels, gzip: true);

        var split = IdxDirectory.Load(_temp.Path);

        Assert.Equal(trainImages.Data, split.Train.Pixels);
        Assert.Equal(trainLabels.Data, split.Train.Labels);
        Assert.Equal(heldOutImages.Data, split.HeldOut.Pixels);
        Assert.Equal(heldOutLabels.Data, split.HeldOut.Labels);
        Assert.Equal((28, 28), (split.Train.Rows, split.Train.Columns));
        Assert.Contains(_temp.Path, split.Description);
    }

    [Fact]
    public void Prefers_the_plain_file_when_a_gzip_copy_sits_beside_it()
    {
        WriteAll();
        IdxFile.Write(_temp.File("t10k-labels-idx1-ubyte"), new IdxArray([2], [5, 5]), gzip: false);
        IdxFile.Write(_temp.File("t10k-labels-idx1-ubyte.gz"), new IdxArray([2], [6, 6]), gzip: true);

        var split = IdxDirectory.Load(_temp.Path);

        Assert.Equal(new byte[] { 5, 5 }, split.HeldOut.Labels);
    }

    [Fact]
    public void Names_every_missing_file()
    {
        IdxFile.Write(_temp.File("train-images-idx3-ubyte.gz"), IdxBytes.Random(1, 2, 28, 28), gzip: true);

        var error = Assert.Throws<FileNotFoundException>(() => IdxDirectory.Load(_temp.Path));

        Assert.Contains(_temp.Path, error.Message);
        Assert.Contains("train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]", error.Message);
        Assert.DoesNotContain("train-images-idx3-ubyte[", error.Message);
    }

    [Fact]
    public void Rejects_a_folder_that_does_not_exist()
    {
        var missing = _temp.File("no-such-folder");

        var error = Assert.Throws<DirectoryNotFoundException>(() => IdxDirectory.Load(missing));

        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void Names_the_file_when_one_is_corrupt()
    {
        WriteAll();
        File.WriteAllBytes(_temp.File("t10k-images-idx3-ubyte"), [0, 0, 8, 3, 0, 0]);

        var error = Assert.Throws<IdxFormatException>(() => IdxDirectory.Load(_temp.Path));

        Assert.Contains("t10k-images-idx3-ubyte: the header is truncated", error.Message);
    }

    private void WriteAll()
    {
        IdxFile.Write(_temp.File("train-images-idx3-ubyte"), IdxBytes.Random(1, 2, 3, 3), gzip: false);
        IdxFile.Write(_temp.File("train-labels-idx1-ubyte"), new IdxArray([2], [0, 1]), gzip: false);
        IdxFile.Write(_temp.File("t10k-images-idx3-ubyte"), IdxBytes.Random(2, 2, 3, 3), gzip: false);
        IdxFile.Write(_temp.File("t10k-labels-idx1-ubyte"), new IdxArray([2], [2, 3]), gzip: false);
    }
}
