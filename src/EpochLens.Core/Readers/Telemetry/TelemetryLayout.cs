using EpochLens.Telemetry;
using static EpochLens.Readers.Telemetry.ColumnKind;

namespace EpochLens.Readers.Telemetry;

/// <summary>The columns of a telemetry file (CSV fields or JSON keys) and how each is read.</summary>
/// <param name="BadJsonValue">What a JSON line is told when a key's value is not of its kind, after its name.</param>
internal sealed record TelemetryLayout(IReadOnlyList<string> Columns, ColumnKind[] Kinds, string BadJsonValue)
{
    public static readonly TelemetryLayout Steps = new(TelemetryFiles.StepColumns,
        [Whole, Whole, Whole, Whole, ModelFloat, ModelFloat, Real, Optional, Optional, Whole, SampleIds],
        "is not what the format says");

    public static readonly TelemetryLayout Epochs =
        new(TelemetryFiles.EpochColumns, [Whole, Whole, Whole, Real, Real, Real], "is not a number");

    private readonly byte[][] _keys = [.. Columns.Select(Encoding.UTF8.GetBytes)];

    public int Count => Columns.Count;

    public int AllColumns => (1 << Count) - 1;

    public int Column(string name) => Columns.ToList().IndexOf(name);

    /// <summary>The JSON key's column, tried from <paramref name="first"/> on (the writer's order), or -1.</summary>
    public int Column(ref Utf8JsonReader reader, int first = 0)
    {
        for (int i = 0; i < Count; i++)
        {
            if (reader.ValueTextEquals(_keys[(first + i) % Count])) return (first + i) % Count;
        }

        return -1;
    }
}
