namespace EpochLens.Analysis;

/// <summary>
/// A loss series made ready for epoch analysis: finite points only, each placed in its epoch and in a bin of
/// position-within-epoch, with the trend removed and the residual scaled robustly (a "z" of robust SDs,
/// clipped so that single wild losses cannot dominate a mean).
/// </summary>
public sealed class PreparedSignal
{
    private readonly double[] _blockScale;
    private readonly int _blockSize;

    internal PreparedSignal(
        long[] steps,
        double[] values,
        int[] epochs,
        int[] bins,
        double[] z,
        double[] trend,
        double[] blockScale,
        int blockSize,
        int binCount,
        double binWidth,
        bool logSpace,
        int firstValid,
        int lastValid,
        EpochStructure structure)
    {
        Steps = steps;
        Values = values;
        Epochs = epochs;
        Bins = bins;
        Z = z;
        Trend = trend;
        _blockScale = blockScale;
        _blockSize = blockSize;
        BinCount = binCount;
        BinWidth = binWidth;
        LogSpace = logSpace;
        FirstValid = firstValid;
        LastValid = lastValid;
        Structure = structure;
    }

    /// <summary>Steps of the finite points.</summary>
    public long[] Steps { get; }

    /// <summary>The logged values of those points, untransformed.</summary>
    public double[] Values { get; }

    /// <summary>Epoch index of each point (-1 before the first epoch).</summary>
    public int[] Epochs { get; }

    /// <summary>Position-within-epoch bin of each point: 0 holds an epoch's first logged step, BinCount - 1 its last.</summary>
    public int[] Bins { get; }

    /// <summary>Detrended residual in robust SDs, clipped to +-<see cref="SignalPreparation.Clip"/>; NaN outside the valid range.</summary>
    public double[] Z { get; }

    /// <summary>The trend in the analysis space (log of the loss when <see cref="LogSpace"/>); NaN outside the valid range.</summary>
    public double[] Trend { get; }

    /// <summary>The robust SD that divided the residual of point <paramref name="index"/>, in the analysis space.</summary>
    public double ScaleAt(int index) => _blockScale[index / _blockSize];

    /// <summary>The median robust SD over the run, in the analysis space.</summary>
    public double TypicalScale { get; internal init; }

    /// <summary>Steps where the trend was allowed to break (the decays of a step schedule); empty for most runs.</summary>
    public IReadOnlyList<long> TrendBreaks { get; internal init; } = [];

    /// <summary>Whether the trend breaks within <paramref name="reach"/> steps of <paramref name="step"/>.</summary>
    public bool BreaksNear(long step, double reach) => TrendBreaks.Any(b => Math.Abs(b - step) <= reach);

    public int BinCount { get; }

    /// <summary>Steps per bin (the typical logging stride).</summary>
    public double BinWidth { get; }

    /// <summary>True when the analysis ran on log(loss) (all values positive).</summary>
    public bool LogSpace { get; }

    /// <summary>Index of the first point with a full trend window.</summary>
    public int FirstValid { get; }

    /// <summary>Index of the last point with a full trend window.</summary>
    public int LastValid { get; }

    public EpochStructure Structure { get; }

    public int Count => Steps.Length;

    public int ValidCount => LastValid >= FirstValid ? LastValid - FirstValid + 1 : 0;

    /// <summary>Each epoch's points in the valid range, in order, as [Start, End) index ranges.</summary>
    public List<(int Start, int End)> EpochRuns()
    {
        var runs = new List<(int, int)>();
        int i = FirstValid;
        while (i <= LastValid)
        {
            int start = i;
            while (i <= LastValid && Epochs[i] == Epochs[start]) i++;

            runs.Add((start, i));
        }

        return runs;
    }

    /// <summary>Epochs with at least one valid point.</summary>
    public int ValidEpochCount => ValidCount == 0 ? 0 : Epochs[LastValid] - Math.Max(0, Epochs[FirstValid]) + 1;
}
