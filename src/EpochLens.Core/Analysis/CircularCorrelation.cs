namespace EpochLens.Analysis;

/// <summary>
/// The correlation of two profiles, position by position, with the second rotated by an offset: how the analysis
/// measures a pattern repeating from epoch to epoch, and how <c>verify</c> reads the same signature.
/// </summary>
public sealed class CircularCorrelation
{
    private readonly double[] _a, _b;
    private readonly double _meanA, _meanB, _normA, _normB;

    private CircularCorrelation(double[] a, double[] b)
    {
        _a = a;
        _b = b;
        _meanA = a.Average();
        _meanB = b.Average();
        double meanA = _meanA, meanB = _meanB;
        _normA = Math.Sqrt(a.Sum(v => (v - meanA) * (v - meanA)));
        _normB = Math.Sqrt(b.Sum(v => (v - meanB) * (v - meanB)));
    }

    /// <summary>Null when either profile is flat: a correlation with it is undefined.</summary>
    public static CircularCorrelation? Of(double[] a, double[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var correlation = new CircularCorrelation(a, b);
        return correlation._normA == 0 || correlation._normB == 0 ? null : correlation;
    }

    /// <summary>The correlation of a[i] with b[i + offset], indices taken around the epoch.</summary>
    public double At(int offset)
    {
        double[] a = _a, b = _b;
        double meanA = _meanA, meanB = _meanB;
        int n = a.Length;
        int shift = ((offset % n) + n) % n;
        double sum = 0;
        for (int i = 0; i < n; i++) sum += (a[i] - meanA) * (b[(i + shift) % n] - meanB);

        return sum / (_normA * _normB);
    }
}
