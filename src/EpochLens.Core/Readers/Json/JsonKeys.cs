namespace EpochLens.Readers.Json;

/// <summary>JSON record keys, decoded once: matched as bytes against the last record's at the same place.</summary>
internal sealed class JsonKeys(Func<string, JsonKey> describe)
{
    /// <summary>Each series holds at least a 1 MB builder chunk: this bounds what random keys cost.</summary>
    public const int MaxSeries = 1000;

    private readonly Dictionary<string, JsonKey> _keys = new(StringComparer.Ordinal);
    private readonly List<(byte[] Bytes, JsonKey Key)> _byPosition = [];
    private byte[] _path = new byte[256];
    private int _series;

    public List<JsonKey> InOrder { get; } = [];

    /// <summary>Copies the key name to <paramref name="at"/>; its length, or -1 when it unescapes to no text.</summary>
    public int AppendName(ref Utf8JsonReader reader, int at)
    {
        EnsurePath(at + reader.ValueSpan.Length);
        if (!reader.ValueIsEscaped)
        {
            reader.ValueSpan.CopyTo(_path.AsSpan(at));
            return reader.ValueSpan.Length;
        }

        // The reader checks escapes only for form: "\uD800" without its low half passes, and unescaping it throws.
        try
        {
            return reader.CopyString(_path.AsSpan(at));
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }

    public void AppendSeparator(int at)
    {
        EnsurePath(at + 1);
        _path[at] = (byte)'/';
    }

    /// <summary>The key of the first <paramref name="length"/> bytes, at <paramref name="position"/>.</summary>
    public JsonKey Lookup(int position, int length)
    {
        var bytes = _path.AsSpan(0, length);
        var previous = position < _byPosition.Count ? _byPosition[position] : default;
        if (previous.Key is not null && bytes.SequenceEqual(previous.Bytes)) return previous.Key;

        var name = Encoding.UTF8.GetString(bytes);
        if (!_keys.TryGetValue(name, out var key))
        {
            _keys.Add(name, key = describe(name));
            InOrder.Add(key);
        }

        if (position < _byPosition.Count) _byPosition[position] = (bytes.ToArray(), key);
        else if (position == _byPosition.Count && position < 4096) _byPosition.Add((bytes.ToArray(), key));

        return key;
    }

    /// <summary>The key of that name, made (but not counted as seen) when no record has had it yet.</summary>
    public JsonKey Named(string name)
    {
        if (!_keys.TryGetValue(name, out var key)) _keys.Add(name, key = describe(name));
        return key;
    }

    /// <summary>Null when <see cref="MaxSeries"/> are made already (the key's numbers are then dropped).</summary>
    public SeriesCollector? NewSeries(JsonKey key, bool keepWallTimes, SeriesRole role)
    {
        if (_series == MaxSeries) return null;

        _series++;
        return key.Series = new SeriesCollector(key.Name, keepWallTimes, role);
    }

    private void EnsurePath(int length)
    {
        if (_path.Length < length + 1) Array.Resize(ref _path, Math.Max(length + 1, _path.Length * 2));
    }
}
