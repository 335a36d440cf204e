namespace EpochLens.Readers.Text;

/// <summary>
/// Counters with their unit glued after them, as ESPnet's trainer prints ("1epoch:train:201-300batch: ... loss=107.3"),
/// spelled again with each label before its number ("epoch 1:train:batch 300: ...") so that the template learning reads
/// them like any labelled line. A range keeps its end, the last batch it covers.
/// </summary>
internal static partial class GluedCounters
{
    // One vectorised search first, as most lines have no unit at all.
    private static readonly SearchValues<string> Units = SearchValues.Create(["epoch", "batch", "iter", "step"], StringComparison.Ordinal);

    /// <summary>The line with its glued counters turned round, or the line itself when it has none.</summary>
    public static ReadOnlySpan<char> Label(ReadOnlySpan<char> line) =>
        !line.ContainsAny(Units) || !Glued().IsMatch(line) ? line : Glued().Replace(line.ToString(), "${unit} ${n}");

    // A number not inside a word or a decimal ("fp16batch", "0.5epoch"), or a range "201-300" (its end kept), then the
    // unit, an optional plural 's', and no letter or digit after it ("12epochal").
    [GeneratedRegex("""(?:(?<![A-Za-z0-9._])[0-9]+-|(?<![A-Za-z0-9._]|[0-9]-))(?<n>[0-9]+)(?<unit>epoch|batch|iter|step)s?(?![A-Za-z0-9])""")]
    private static partial Regex Glued();
}
