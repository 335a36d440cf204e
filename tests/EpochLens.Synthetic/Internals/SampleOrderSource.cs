namespace EpochLens.Synthetic.Internals;

/// <summary>The sample ids each epoch visits, in order: reshuffled, fixed, or drawn with replacement.</summary>
internal sealed class SampleOrderSource
{
    private readonly int[] _order;
    private readonly int _samples;
    private readonly bool _fixed;
    private readonly bool _withReplacement;
    private readonly RandomStream _random;

    public SampleOrderSource(int samples, bool fixedOrder, bool withReplacement, RandomStream random)
    {
        _samples = samples;
        _fixed = fixedOrder;
        _withReplacement = withReplacement;
        _random = random;
        _order = new int[samples];
        for (int i = 0; i < samples; i++)
        {
            _order[i] = i;
        }
    }

    /// <summary>The next epoch's order; the array is reused, so it is valid until the next call.</summary>
    public int[] NextEpoch()
    {
        if (_withReplacement)
        {
            for (int i = 0; i < _samples; i++)
            {
                _order[i] = _random.Below(_samples);
            }
        }
        else if (!_fixed)
        {
            // Fisher-Yates: a uniform permutation whatever the previous order was.
            for (int i = _samples - 1; i > 0; i--)
            {
                int j = _random.Below(i + 1);
                (_order[i], _order[j]) = (_order[j], _order[i]);
            }
        }

        return _order;
    }
}
