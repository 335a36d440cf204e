namespace EpochLens.Readers.Text;

/// <summary>The shapes of one file's training lines, by a hash of their labels; bounded in number.</summary>
internal sealed class TextShapes
{
    public const int MaxShapes = 256;

    private readonly Dictionary<ulong, int> _ids = [];
    private readonly List<TextShape> _shapes = [];

    public IReadOnlyList<TextShape> All => _shapes;

    /// <summary>The limit was hit and lines of a new shape were dropped.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>The hash of a line's template: each field's label (as compared: case and separators folded) and kind.</summary>
    public static ulong Hash(ReadOnlySpan<char> line, ReadOnlySpan<TextField> fields, bool isDict)
    {
        const ulong prime = 1099511628211;
        ulong hash = isDict ? 14695981039346656037UL : 14695981039346656037UL ^ 0x9e3779b97f4a7c15UL;
        foreach (var field in fields)
        {
            foreach (char c in field.Label(line))
            {
                hash = (hash ^ TextLabels.Normal(c)) * prime;
            }

            hash = (hash ^ (0x100UL + (ulong)field.Kind)) * prime;
        }

        return hash;
    }

    public bool TryFind(ulong hash, out int id) => _ids.TryGetValue(hash, out id);

    /// <summary>Adds a new shape; -1 past the limit.</summary>
    public int Add(ulong hash, TextShape shape)
    {
        if (_shapes.Count == MaxShapes)
        {
            Overflowed = true;
            return -1;
        }

        int id = _shapes.Count;
        _shapes.Add(shape);
        _ids[hash] = id;
        return id;
    }
}
