namespace EpochLens.Synthetic.Internals;

/// <summary>
/// A transient that rises over a few steps and decays: (1 - e^(-k/rise)) e^(-k/decay), scaled to a peak of 1.
/// The peak is at k* = rise ln((rise + decay) / rise).
/// </summary>
internal sealed class RiseAndDecay
{
    private readonly double _rise;
    private readonly double _decay;
    private readonly double _peak;

    public RiseAndDecay(double rise, double decay)
    {
        _rise = rise;
        _decay = decay;
        _peak = Raw(rise * Math.Log((rise + decay) / rise));
    }

    /// <summary>The transient <paramref name="k"/> steps after it starts (0 before).</summary>
    public double At(double k) => k < 0 ? 0 : Raw(k + 1) / _peak;

    private double Raw(double k) => (1 - Math.Exp(-k / _rise)) * Math.Exp(-k / _decay);
}
