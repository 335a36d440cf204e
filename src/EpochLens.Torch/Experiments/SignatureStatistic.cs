using EpochLens.Analysis;

namespace EpochLens.Torch.Experiments;

/// <summary>
/// A signature's statistic on one run's phase profile, with the boundary moved to any offset: the same formulas
/// as the diagnosis engine's measurements, so that two runs can be compared offset by offset.
/// </summary>
internal sealed class SignatureStatistic
{
    private readonly Func<int, double> _atOffset;

    private SignatureStatistic(int binCount, int guard, Func<int, double> atOffset)
    {
        BinCount = binCount;
        Guard = guard;
        _atOffset = atOffset;
    }

    public int BinCount { get; }

    /// <summary>Offsets this close to the real boundary overlap it and are left out of a rotation null.</summary>
    public int Guard { get; }

    /// <summary>The statistic with the boundary moved by <paramref name="offset"/> positions (0: the real boundary).</summary>
    public double At(int offset) => _atOffset(offset);

    /// <summary>The statistic of <paramref name="kind"/> on <paramref name="analysis"/>, or null when its profile is too short for it.</summary>
    public static SignatureStatistic? Of(SignatureKind kind, EpochAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var profile = analysis.Profile;
        int bins = profile.BinCount;
        if (bins < 16 || profile.FirstFilled < 0) return null;

        return kind switch
        {
            SignatureKind.BoundaryJump => Jump(profile.Mean, 1),
            SignatureKind.BoundaryJumpWide => Jump(profile.Mean, BoundaryEventStudy.WideWindow(bins)),
            SignatureKind.PositionCorrelation => DetailCorrelation(profile),
            SignatureKind.SpreadDecay => SpreadDecay(analysis.Signal),
            SignatureKind.LastStepLevel => LastLevel(profile),
            SignatureKind.LastStepVariance => LastSpread(profile),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    private static SignatureStatistic Jump(double[] mean, int h)
    {
        var window = new CircularWindow(mean);
        return new SignatureStatistic(mean.Length, h, offset => window.Mean(offset, h) - window.Mean(offset - h, h));
    }

    private static SignatureStatistic LastLevel(PhaseProfile profile)
    {
        var mean = profile.Mean;
        int n = mean.Length, last = profile.LastFilled;
        double overall = mean.Average();
        return new SignatureStatistic(n, 2, offset => mean[Wrap(last + offset, n)] - overall);
    }

    private static SignatureStatistic LastSpread(PhaseProfile profile)
    {
        var square = profile.MeanSquare;
        int n = square.Length, last = profile.LastFilled;
        double typical = square.Average();
        return new SignatureStatistic(n, 2, offset => typical > 0 ? Math.Log(Math.Max(1e-9, square[Wrap(last + offset, n)]) / typical) : double.NaN);
    }

    /// <summary>As the engine's position-correlation: the boundary's neighbourhood masked, one side shifted by the offset.</summary>
    private static SignatureStatistic DetailCorrelation(PhaseProfile profile)
    {
        int n = profile.BinCount;
        var (a, b, _) = PositionCorrelation.DetailAwayFromBoundary(profile);
        var correlation = CircularCorrelation.Of(a, b);
        return new SignatureStatistic(n, PhaseProfile.DetailHalfWidth + 2, offset => correlation?.At(offset) ?? double.NaN);
    }

    /// <summary>The engine's spread-decay statistic itself (<see cref="RunningMeanProbe.SpreadDecayAtOffset"/>); null when too few positions have a change.</summary>
    private static SignatureStatistic? SpreadDecay(PreparedSignal signal) =>
        RunningMeanProbe.SpreadDecayAtOffset(RunningMeanProbe.ChangeByPosition(signal)) is { } decay
            ? new SignatureStatistic(signal.BinCount, 2, decay)
            : null;

    private static int Wrap(int index, int n) => ((index % n) + n) % n;
}
