namespace EpochLens.Analysis;

/// <summary>
/// Where the epochs of a run begin, in steps. Epoch <c>e</c> covers steps from <c>StartSteps[e]</c> up to
/// (not including) <c>StartSteps[e + 1]</c>; the last epoch runs to the end of the log.
/// </summary>
public sealed class EpochStructure
{
    private readonly long[] _startSteps;

    public EpochStructure(long[] startSteps, double stepsPerEpoch, EpochSource source, string origin)
    {
        ArgumentNullException.ThrowIfNull(startSteps);
        if (startSteps.Length == 0)
            throw new ArgumentException("an epoch structure needs at least one epoch start", nameof(startSteps));

        for (int i = 1; i < startSteps.Length; i++)
        {
            if (startSteps[i] <= startSteps[i - 1])
                throw new ArgumentException($"epoch starts must increase, but {startSteps[i]} follows {startSteps[i - 1]}", nameof(startSteps));
        }

        if (!(stepsPerEpoch > 0) || !double.IsFinite(stepsPerEpoch))
            throw new ArgumentOutOfRangeException(nameof(stepsPerEpoch), stepsPerEpoch, "steps per epoch must be positive");

        _startSteps = startSteps;
        StepsPerEpoch = stepsPerEpoch;
        Source = source;
        Origin = origin;
    }

    /// <summary>The first step of each epoch.</summary>
    public ReadOnlySpan<long> StartSteps => _startSteps;

    public int EpochCount => _startSteps.Length;

    /// <summary>The typical epoch length in steps (the median when epochs vary).</summary>
    public double StepsPerEpoch { get; }

    public EpochSource Source { get; }

    /// <summary>Where it came from in words, e.g. "column 'epoch'", or the given length as the caller spells the setting.</summary>
    public string Origin { get; }

    /// <summary>
    /// Regular epochs of <paramref name="stepsPerEpoch"/> steps from <paramref name="firstStart"/> until
    /// <paramref name="lastStep"/>; fractional lengths (Hugging Face's max_steps / epochs) round each start.
    /// </summary>
    public static EpochStructure Regular(double stepsPerEpoch, long firstStart, long lastStep, EpochSource source, string origin)
    {
        if (!(stepsPerEpoch >= 1) || !double.IsFinite(stepsPerEpoch))
            throw new ArgumentOutOfRangeException(nameof(stepsPerEpoch), stepsPerEpoch, "an epoch must last at least one step");

        long count = Math.Max(1, (long)Math.Floor((lastStep - firstStart) / stepsPerEpoch) + 1);
        var starts = new long[count];
        for (long e = 0; e < count; e++)
            starts[e] = firstStart + (long)Math.Round(e * stepsPerEpoch, MidpointRounding.AwayFromZero);

        return new EpochStructure(starts, stepsPerEpoch, source, origin);
    }

    /// <summary>The epoch holding <paramref name="step"/>, or -1 for a step before the first epoch.</summary>
    public int EpochOf(long step)
    {
        int index = Array.BinarySearch(_startSteps, step);
        return index >= 0 ? index : ~index - 1;
    }

    public override string ToString() => $"{EpochCount} epochs of ~{StepsPerEpoch:0.##} steps ({Source}: {Origin})";
}
