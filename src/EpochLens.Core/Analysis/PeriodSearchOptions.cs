namespace EpochLens.Analysis;

/// <summary>Limits and thresholds of the epoch-length search; change them with <c>with</c>.</summary>
public readonly record struct PeriodSearchOptions
{
    public PeriodSearchOptions()
    {
    }

    /// <summary>The shortest period searched, in logged points (an epoch needs a few points to have a shape).</summary>
    public int MinPeriodPoints { get; init; } = 8;

    /// <summary>The fewest whole epochs the log must hold for a period: the longest period searched is the log's span over this.</summary>
    public double MinEpochs { get; init; } = 3;

    /// <summary>Narrows the search to periods of at least this many steps.</summary>
    public long? MinStepsPerEpoch { get; init; }

    /// <summary>Narrows the search to periods of at most this many steps.</summary>
    public long? MaxStepsPerEpoch { get; init; }

    /// <summary>The corrected p-value at or below which a period is reported.</summary>
    public double SignificanceLevel { get; init; } = 0.01;

    /// <summary>
    /// The most points one spectrum is computed from (a power of two); longer logs are searched as a block-averaged
    /// whole for long periods and as their last stretch at full resolution for short ones.
    /// </summary>
    public int MaxSpectrumPoints { get; init; } = 1 << 18;

    /// <summary>How many candidates the result lists.</summary>
    public int CandidateCount { get; init; } = 5;

    internal void Validate()
    {
        if (MinPeriodPoints < 4)
            throw new ArgumentOutOfRangeException(nameof(MinPeriodPoints), MinPeriodPoints, "a period needs at least 4 points");

        if (!(MinEpochs >= 2) || !double.IsFinite(MinEpochs))
            throw new ArgumentOutOfRangeException(nameof(MinEpochs), MinEpochs, "a period needs at least 2 epochs to repeat");

        if (!(SignificanceLevel > 0 && SignificanceLevel < 1))
            throw new ArgumentOutOfRangeException(nameof(SignificanceLevel), SignificanceLevel, "a significance level lies between 0 and 1");

        if (MaxSpectrumPoints < 1024 || (MaxSpectrumPoints & (MaxSpectrumPoints - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(MaxSpectrumPoints), MaxSpectrumPoints, "the spectrum size must be a power of two of at least 1024");

        if (CandidateCount < 1)
            throw new ArgumentOutOfRangeException(nameof(CandidateCount), CandidateCount, "at least one candidate is listed");

        if (MinStepsPerEpoch is < 1 || (MinStepsPerEpoch is { } min && MaxStepsPerEpoch is { } max && max < min))
            throw new ArgumentOutOfRangeException(nameof(MinStepsPerEpoch), MinStepsPerEpoch, "the step limits must be positive and in order");
    }
}
