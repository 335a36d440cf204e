namespace EpochLens.Readers.Text;

/// <summary>
/// The labels of one file by id, looked up by span so that reading a line allocates nothing. Bounded: a file
/// with more distinct labels is not a training log's worth of series, and the rest are dropped.
/// </summary>
internal sealed class TextLabelTable
{
    public const int MaxLabels = 256;

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<TextLabel> _labels = [];
    private readonly char[] _scratch = new char[256];

    public TextLabelTable() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    public IReadOnlyList<TextLabel> Labels => _labels;

    /// <summary>The limit was hit and a label was dropped.</summary>
    public bool Overflowed { get; private set; }

    public TextLabel this[int id] => _labels[id];

    /// <summary>The id of "prefix/label" (prefix may be empty), with " (avg)" when an average; -1 past the limit.</summary>
    public int Get(ReadOnlySpan<char> prefix, ReadOnlySpan<char> label, bool average, bool heldOut)
    {
        int length = prefix.Length + (prefix.IsEmpty ? 0 : 1) + label.Length + (average ? " (avg)".Length : 0);
        if (length > _scratch.Length)
        {
            return -1;
        }

        var name = _scratch.AsSpan(0, length);
        prefix.CopyTo(name);
        int at = prefix.Length;
        if (!prefix.IsEmpty)
        {
            name[at++] = '/';
        }

        label.CopyTo(name[at..]);
        if (average)
        {
            " (avg)".CopyTo(name[(at + label.Length)..]);
        }

        if (_lookup.TryGetValue(name, out int id))
        {
            return id;
        }

        if (_labels.Count == MaxLabels)
        {
            Overflowed = true;
            return -1;
        }

        var key = name.ToString();
        id = _labels.Count;
        _labels.Add(new TextLabel(key, TextLabels.IsLoss(label) || TextLabels.IsLossByAnotherName(label), heldOut, average));
        _ids[key] = id;
        return id;
    }
}
