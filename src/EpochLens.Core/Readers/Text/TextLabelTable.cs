namespace EpochLens.Readers.Text;

/// <summary>
/// A label met in the file: its series name ("loss" as printed, "Test/Average loss" on a test line, "Loss (avg)" for
/// the running average printed in parentheses after a value), whether it names a loss, whether held-out data's.
/// </summary>
internal sealed record TextLabel(string Name, bool IsLoss, bool HeldOut, bool IsAverage);

/// <summary>
/// The labels of one file by id, looked up once per line template (not per line). Bounded: a file with more distinct
/// labels is not a training log's worth of series, and the rest are dropped.
/// </summary>
internal sealed class TextLabelTable
{
    public const int MaxLabels = 256;

    /// <summary>A longer name (a run-on word taken for a label) is no series name: its values are dropped.</summary>
    private const int MaxNameLength = 256;

    private readonly OrderedDictionary<string, TextLabel> _labels = [];

    public int Count => _labels.Count;

    /// <summary>The limit was hit and a label was dropped.</summary>
    public bool Overflowed { get; private set; }

    public TextLabel this[int id] => _labels.GetAt(id).Value;

    /// <summary>The id of "prefix/label" (prefix may be empty), with " (avg)" when an average; -1 past the limits.</summary>
    public int Get(ReadOnlySpan<char> prefix, ReadOnlySpan<char> label, bool average, bool heldOut)
    {
        var name = $"{prefix}{(prefix.IsEmpty ? "" : "/")}{label}{(average ? " (avg)" : "")}";
        if (name.Length > MaxNameLength) return -1;
        if (_labels.IndexOf(name) is var id and >= 0) return id;
        Overflowed |= _labels.Count == MaxLabels;
        if (_labels.Count == MaxLabels) return -1;
        bool isLoss = TextLabels.IsLoss(label) || TextLabels.IsLossByAnotherName(label);
        _labels.Add(name, new TextLabel(name, isLoss, heldOut, average));
        return _labels.Count - 1;
    }
}
