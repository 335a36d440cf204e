namespace EpochLens.Torch.Data;

/// <summary>Grey-scale images of one size with a class label (0 to 9) each, stored as flat byte arrays.</summary>
/// <remarks>
/// The arrays are not copied on construction (the trainer reads them on every batch); treat them as
/// read-only. <see cref="Subset"/> copies, so a subset never shares storage with its source.
/// </remarks>
public sealed class LabeledImages
{
    /// <summary>The number of classes a label can name (Fashion-MNIST and MNIST both have 10).</summary>
    public const int ClassCount = 10;

    public LabeledImages(int rows, int columns, byte[] pixels, byte[] labels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        if ((long)labels.Length * rows * columns != pixels.Length)
        {
            throw new ArgumentException(
                $"{labels.Length} images of {rows} x {columns} need {(long)labels.Length * rows * columns} pixels, not {pixels.Length}.",
                nameof(pixels));
        }

        var bad = FirstLabelOutOfRange(labels);
        if (bad >= 0)
        {
            throw new ArgumentException(
                $"Label {labels[bad]} at index {bad} is outside 0..{ClassCount - 1}.", nameof(labels));
        }

        Rows = rows;
        Columns = columns;
        Pixels = pixels;
        Labels = labels;
    }

    /// <summary>The number of images.</summary>
    public int Count => Labels.Length;

    /// <summary>The height of every image in pixels.</summary>
    public int Rows { get; }

    /// <summary>The width of every image in pixels.</summary>
    public int Columns { get; }

    /// <summary>Rows times columns: the stride from one image to the next in <see cref="Pixels"/>.</summary>
    public int PixelsPerImage => Rows * Columns;

    /// <summary>All images back to back, each row-major, 0 (background) to 255.</summary>
    public byte[] Pixels { get; }

    /// <summary>The class of each image, 0 to 9.</summary>
    public byte[] Labels { get; }

    /// <summary>How many images each class has, indexed by label.</summary>
    public int[] CountPerClass()
    {
        var counts = new int[ClassCount];
        foreach (var label in Labels) counts[label]++;

        return counts;
    }

    /// <summary>A copy of the images at <paramref name="indices"/>, in that order; an index may repeat.</summary>
    public LabeledImages Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var stride = PixelsPerImage;
        var pixels = new byte[(long)indices.Count * stride];
        var labels = new byte[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            var index = indices[i];
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(indices), index, $"Index {i} of the subset is {index}, outside the {Count} images.");
            }

            Pixels.AsSpan(index * stride, stride).CopyTo(pixels.AsSpan(i * stride, stride));
            labels[i] = Labels[index];
        }

        return new LabeledImages(Rows, Columns, pixels, labels);
    }

    /// <summary>Pairs an images array (count x rows x columns) with a labels array (count) read from IDX files.</summary>
    /// <param name="description">Names the pair in errors, e.g. "Fashion-MNIST training set".</param>
    /// <exception cref="IdxFormatException">The shapes do not fit together or a label is not 0 to 9.</exception>
    public static LabeledImages FromIdx(IdxArray images, IdxArray labels, string description)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(description);

        if (images.Dimensions.Length != 3)
        {
            throw new IdxFormatException(
                description, $"the images are {images.Shape()}; expected 3 dimensions (count x rows x columns)");
        }

        if (labels.Dimensions.Length != 1)
        {
            throw new IdxFormatException(
                description, $"the labels are {labels.Shape()}; expected 1 dimension (count)");
        }

        if (images.Dimensions[0] != labels.Dimensions[0])
        {
            throw new IdxFormatException(
                description, $"{images.Dimensions[0]} images but {labels.Dimensions[0]} labels");
        }

        var bad = FirstLabelOutOfRange(labels.Data);
        if (bad >= 0)
        {
            throw new IdxFormatException(
                description, $"label {labels.Data[bad]} at index {bad} is outside 0..{ClassCount - 1}");
        }

        return new LabeledImages(images.Dimensions[1], images.Dimensions[2], images.Data, labels.Data);
    }

    private static int FirstLabelOutOfRange(byte[] labels)
    {
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= ClassCount) return i;
        }

        return -1;
    }
}
