namespace EpochLens.Naming;

/// <summary>
/// The text forms of a closed set of values (an enum's members, a few well-known instances): the one name each is
/// written as, and any shorter or older spellings also read. Writing, parsing, help and error messages all take their
/// words from the one table, so that a name cannot drift between them.
/// </summary>
/// <typeparam name="T">The values named.</typeparam>
public sealed class NameTable<T>
    where T : notnull
{
    private readonly (T Value, string Name)[] _names;
    private readonly (string Alias, T Value)[] _aliases;

    /// <param name="names">Each value with the name it is written as, in the order help lists them.</param>
    public NameTable(params (T Value, string Name)[] names)
        : this(names, [])
    {
    }

    /// <param name="names">Each value with the name it is written as, in the order help lists them.</param>
    /// <param name="aliases">Other spellings read as a value (never written).</param>
    public NameTable((T Value, string Name)[] names, (string Alias, T Value)[] aliases)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(aliases);
        _names = names;
        _aliases = aliases;
    }

    /// <summary>The names in the order help lists them.</summary>
    public IEnumerable<string> Names => _names.Select(n => n.Name);

    /// <summary>The name <paramref name="value"/> is written as.</summary>
    public string Name(T value)
    {
        foreach (var (known, name) in _names)
        {
            if (EqualityComparer<T>.Default.Equals(known, value)) return name;
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, $"no name for {value}");
    }

    /// <summary>Reads a name or an alias, ignoring case; false for anything else.</summary>
    public bool TryParse(string? text, out T value)
    {
        foreach (var (known, name) in _names)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                value = known;
                return true;
            }
        }

        foreach (var (alias, known) in _aliases)
        {
            if (string.Equals(alias, text, StringComparison.OrdinalIgnoreCase))
            {
                value = known;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>The names for help and errors, e.g. "mean or sum" or "csv, jsonl or both".</summary>
    public string Choices(string conjunction = "or")
    {
        var names = Names.ToList();
        return names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} {conjunction} {names[^1]}";
    }
}
