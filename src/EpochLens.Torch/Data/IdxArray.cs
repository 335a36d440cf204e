namespace EpochLens.Torch.Data;

/// <summary>The content of an unsigned-byte IDX file: its dimensions and its data in row-major order.</summary>
/// <remarks>
/// The arrays are taken as they are, not copied: a 60000-image set is 47 MB, and every consumer only reads it.
/// Do not change them after construction, or the shape invariant checked here no longer holds.
/// </remarks>
public sealed class IdxArray
{
    public IdxArray(int[] dimensions, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(data);
        if (dimensions.Length is 0 or > IdxFile.MaxDimensions)
        {
            throw new ArgumentException(
                $"An IDX array has 1 to {IdxFile.MaxDimensions} dimensions, not {dimensions.Length}.", nameof(dimensions));
        }

        long product = 1;
        foreach (var size in dimensions)
        {
            if (size <= 0)
            {
                throw new ArgumentException(
                    $"Every dimension must be positive; got {Shape(dimensions)}.", nameof(dimensions));
            }

            // Data.Length is at most int.MaxValue, so once the product passes it the mismatch is certain.
            product = Math.Min(product * size, (long)int.MaxValue + 1);
        }

        if (product != data.Length)
        {
            throw new ArgumentException(
                $"The dimensions {Shape(dimensions)} describe {product} bytes but the data holds {data.Length}.", nameof(data));
        }

        Dimensions = dimensions;
        Data = data;
    }

    /// <summary>The size of each dimension, outermost first (for images: count, rows, columns).</summary>
    public int[] Dimensions { get; }

    /// <summary>The bytes, row-major, last dimension fastest.</summary>
    public byte[] Data { get; }

    /// <summary>The dimensions written as "5039 x 28 x 28", the way error messages show them.</summary>
    public string Shape() => Shape(Dimensions);

    internal static string Shape(IEnumerable<int> dimensions) => string.Join(" x ", dimensions);
}
