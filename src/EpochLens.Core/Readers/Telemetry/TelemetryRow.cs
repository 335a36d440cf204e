namespace EpochLens.Readers.Telemetry;

/// <summary>One parsed line of a telemetry file, column by column (<see cref="TelemetryLayout"/>); reused for every line of a file.</summary>
internal sealed class TelemetryRow(int columns)
{
    private readonly long[] _whole = new long[columns];
    private readonly double[] _values = new double[columns];
    private int _measured;

    public int[] SampleIds { get; set; } = [];

    /// <summary>A whole-number column exactly (a step past 2^53 stays itself).</summary>
    public long Whole(int column) => _whole[column];

    /// <summary>A numeric column as a series takes it; NaN for an optional one that was not measured.</summary>
    public double Value(int column) => _values[column];

    /// <summary>Whether the column had a value: an optional norm that was not measured has none.</summary>
    public bool Measured(int column) => (_measured & (1 << column)) != 0;

    public void Clear()
    {
        _whole.AsSpan().Clear();
        _values.AsSpan().Fill(double.NaN);
        _measured = 0;
        SampleIds = [];
    }

    public void SetWhole(int column, long value)
    {
        _whole[column] = value;
        SetValue(column, value);
    }

    public void SetValue(int column, double value)
    {
        _values[column] = value;
        _measured |= 1 << column;
    }

    public void SetMissing(int column)
    {
        _values[column] = double.NaN;
        _measured &= ~(1 << column);
    }
}
