namespace EpochLens.Readers.Json;

/// <summary>
/// The keys of a file of JSON records, each decoded once: a key is matched as bytes against the previous record's key
/// at the same position before any string is made, so a file whose records share their keys costs no allocation per
/// record. Each key's series is made on its first number, up to <see cref="MaxSeries"/>.
/// </summary>
/// <param name="describe">What a key is, from its name, when first seen.</param>
internal sealed class JsonKeys(Func<string, JsonKey> describe)
{
    /// <summary>Each series holds at least one 1 MB chunk of the builder; this bounds what a file of random keys costs.</summary>
    public const int MaxSeries = 1000;

    private readonly Dictionary<string, JsonKey> _keys = new(StringComparer.Ordinal);
    private readonly List<(byte[] Bytes, JsonKey Key)> _byPosition = [];
    private byte[] _path = new byte[256];
    private int _series;

    /// <summary>The keys in the order they were first seen.</summary>
    public List<JsonKey> InOrder { get; } = [];

    /// <summary>
    /// Copies the key name at the reader into the key buffer at <paramref name="at"/> (after the names of the objects
    /// it is nested in); returns its length, or -1 when its escapes do not unescape to text.
    /// </summary>
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

    /// <summary>Ends the key buffer's name at <paramref name="at"/> with the '/' before a nested key.</summary>
    public void AppendSeparator(int at)
    {
        EnsurePath(at + 1);
        _path[at] = (byte)'/';
    }

    /// <summary>The key of the first <paramref name="length"/> bytes of the key buffer, the record's key number <paramref name="position"/>.</summary>
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

    /// <summary>The key of that name, made (but not counted as seen, nor later) when no record has had it yet.</summary>
    public JsonKey Named(string name)
    {
        if (!_keys.TryGetValue(name, out var key)) _keys.Add(name, key = describe(name));
        return key;
    }

    /// <summary>Makes the key's series; null when <see cref="MaxSeries"/> are made already (its numbers are then dropped).</summary>
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
