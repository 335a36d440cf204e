using EpochLens.Torch.Data;

namespace EpochLens.Torch.Tests.Data;

public sealed class LabeledImagesTests
{
    [Fact]
    public void Pairs_images_and_labels_from_idx()
    {
        var images = LabeledImages.FromIdx(IdxBytes.Random(1, 3, 2, 4), new IdxArray([3], [9, 0, 4]), "test set");

        Assert.Equal((3, 2, 4, 8), (images.Count, images.Rows, images.Columns, images.PixelsPerImage));
        Assert.Equal(new byte[] { 9, 0, 4 }, images.Labels);
        Assert.Equal(24, images.Pixels.Length);
    }

    [Fact]
    public void Rejects_counts_that_differ()
    {
        var error = Assert.Throws<IdxFormatException>(
            () => LabeledImages.FromIdx(IdxBytes.Random(1, 5039, 2, 2), IdxBytes.Random(2, 5000), "training set"));

        Assert.Equal("training set: 5039 images but 5000 labels", error.Message);
    }

    [Fact]
    public void Rejects_a_label_outside_the_ten_classes()
    {
        var error = Assert.Throws<IdxFormatException>(
            () => LabeledImages.FromIdx(IdxBytes.Random(1, 3, 2, 2), new IdxArray([3], [1, 10, 2]), "held-out set"));

        Assert.Equal("held-out set: label 10 at index 1 is outside 0..9", error.Message);
    }

    [Theory]
    [InlineData(false, "the images are 6 x 4; expected 3 dimensions")]
    [InlineData(true, "the labels are 6 x 1; expected 1 dimension")]
    public void Rejects_arrays_of_the_wrong_rank(bool badLabels, string problem)
    {
        var images = badLabels ? IdxBytes.Random(1, 6, 2, 2) : IdxBytes.Random(1, 6, 4);
        var labels = badLabels ? new IdxArray([6, 1], new byte[6]) : new IdxArray([6], new byte[6]);

        var error = Assert.Throws<IdxFormatException>(() => LabeledImages.FromIdx(images, labels, "set"));

        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Subset_copies_the_chosen_images_in_order()
    {
        var images = new LabeledImages(1, 2, [10, 11, 20, 21, 30, 31], [1, 2, 3]);

        var subset = images.Subset([2, 0, 2]);

        Assert.Equal(new byte[] { 30, 31, 10, 11, 30, 31 }, subset.Pixels);
        Assert.Equal(new byte[] { 3, 1, 3 }, subset.Labels);
        subset.Pixels[0] = 99;
        Assert.Equal(30, images.Pixels[4]);
    }

    [Fact]
    public void Subset_rejects_an_index_outside_the_set()
    {
        var images = new LabeledImages(1, 1, [5, 6], [0, 1]);

        Assert.Throws<ArgumentOutOfRangeException>(() => images.Subset([0, 2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => images.Subset([-1]));
    }

    [Fact]
    public void Counts_images_per_class()
    {
        var images = new LabeledImages(1, 1, new byte[5], [0, 9, 9, 3, 0]);

        int[] expected = [2, 0, 0, 1, 0, 0, 0, 0, 0, 2];
        Assert.Equal(expected, images.CountPerClass());
    }
}
