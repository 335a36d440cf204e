using System.Text.Json;
using EpochLens.Logs;
using EpochLens.Readers.Series;

namespace EpochLens.Readers.Json;

/// <summary>
/// The keys of a file of JSON records, each made once: a key is looked up by its characters in a reused buffer before
/// any string is made, so a file whose records share their keys costs no allocation per record. Each key's series is
/// made on its first number, up to <see cref="MaxSeries"/>.
/// </summary>
/// <param name="describe">What a key is, from its name, when first seen.</param>
internal sealed class JsonKeys(Func<string, JsonKey> describe)
{
    /// <summary>Each series holds at least one 1 MB chunk of the builder; this bounds what a file of random keys costs.</summary>
    public const int MaxSeries = 1000;

    private readonly Dictionary<string, JsonKey> _keys = new(StringComparer.Ordinal);
    private char[] _path = new char[256];
    private int _series;

    /// <summary>The keys in the order they were first seen.</summary>
    public List<JsonKey> InOrder { get; } = [];

    /// <summary>
    /// Copies the key name at the reader into the key buffer at <paramref name="at"/> (after the names of the objects
    /// it is nested in); returns its length, or -1 when its escapes do not unescape to text.
    /// </summary>
    public int AppendName(ref Utf8JsonReader reader, int at)
    {
        // No more characters than its bytes. The reader checks escapes only for form: "\uD800" alone passes it.
        EnsurePath(at + reader.ValueSpan.Length);
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
        _path[at] = '/';
    }

    /// <summary>The key of the first <paramref name="length"/> characters of the key buffer.</summary>
    public JsonKey Lookup(int length)
    {
        var name = _path.AsSpan(0, length);
        if (_keys.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var key)) return key;

        var text = name.ToString();
        _keys.Add(text, key = describe(text));
        InOrder.Add(key);
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
