namespace EpochLens.Analysis;

/// <summary>Means over windows of a circular profile (position B wraps to 0), in O(1) each after O(B) set-up.</summary>
public sealed class CircularWindow
{
    private readonly double[] _prefix;
    private readonly int _length;

    public CircularWindow(ReadOnlySpan<double> profile)
    {
        _length = profile.Length;
        _prefix = new double[(2 * _length) + 1];
        for (int i = 0; i < 2 * _length; i++) _prefix[i + 1] = _prefix[i] + profile[i % _length];

        Total = _prefix[_length];
    }

    public double Total { get; }

    public double OverallMean => Total / _length;

    /// <summary>Mean of the <paramref name="count"/> positions starting at <paramref name="start"/> (may be negative), wrapping.</summary>
    public double Mean(int start, int count)
    {
        int s = ((start % _length) + _length) % _length;
        return (_prefix[s + count] - _prefix[s]) / count;
    }
}
