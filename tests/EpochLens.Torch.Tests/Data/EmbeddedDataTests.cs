using EpochLens.Torch.Data;

namespace EpochLens.Torch.Tests.Data;

public sealed class EmbeddedDataTests
{
    private static readonly ImageDataSplit Split = EmbeddedData.Load();

    [Fact]
    public void Has_5039_training_and_1000_held_out_images_of_28_by_28()
    {
        Assert.Equal(5039, Split.Train.Count);
        Assert.Equal(1000, Split.HeldOut.Count);
        foreach (var set in new[] { Split.Train, Split.HeldOut })
        {
            Assert.Equal((28, 28), (set.Rows, set.Columns));
            Assert.Equal(set.Count * 28 * 28, set.Pixels.Length);
        }
    }

    [Fact]
    public void Is_class_balanced_as_data_readme_says()
    {
        // 5039 = 10 x 503 + 9: classes 0 to 8 get one image more than class 9.
        int[] trainCounts = [504, 504, 504, 504, 504, 504, 504, 504, 504, 503];
        Assert.Equal(trainCounts, Split.Train.CountPerClass());
        Assert.Equal(Enumerable.Repeat(100, 10), Split.HeldOut.CountPerClass());
        Assert.All(Split.Train.Labels, label => Assert.InRange(label, 0, 9));
    }

    [Fact]
    public void Holds_real_images_not_blank_ones()
    {
        // Fashion-MNIST images are dark backgrounds with a bright item: a blank or constant image means broken data.
        for (var i = 0; i < Split.Train.Count; i += 97)
        {
            var image = Split.Train.Pixels.AsSpan(i * 784, 784);
            Assert.True(image.IndexOfAnyExcept((byte)0) >= 0, $"training image {i} is blank");
            Assert.True(image.ToArray().Max() > 100, $"training image {i} has no bright pixel");
        }
    }

    [Fact]
    public void Returns_fresh_arrays_on_every_load()
    {
        var again = EmbeddedData.Load();

        Assert.NotSame(Split.Train.Pixels, again.Train.Pixels);
        Assert.Equal(Split.Train.Pixels, again.Train.Pixels);
        Assert.Contains("Fashion-MNIST", again.Description);
    }
}
