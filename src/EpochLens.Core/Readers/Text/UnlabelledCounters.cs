namespace EpochLens.Readers.Text;

/// <summary>
/// Counters printed without a label before them, spelled again with one so that the template learning reads them like
/// any labelled line.
/// </summary>
internal static partial class UnlabelledCounters
{
    // One vectorised search first, as most lines have no unit at all.
    private static readonly SearchValues<string> Units = SearchValues.Create(["epoch", "batch", "iter", "step"], StringComparison.Ordinal);

    /// <summary>
    /// Units glued after their counters, as ESPnet's trainer prints them ("1epoch:train:201-300batch: ... loss=107.3"
    /// becomes "epoch 1:train:batch 300: ..."; a range keeps its end, the last batch it covers).
    /// </summary>
    public static ReadOnlySpan<char> Glued(ReadOnlySpan<char> line) =>
        !line.ContainsAny(Units) || !GluedUnit().IsMatch(line) ? line : GluedUnit().Replace(line.ToString(), "${unit} ${n}");

    /// <summary>
    /// Lines that open with two bare whole numbers, the epoch and then the step: "1|120|Loss: 2.31:  40%|..."
    /// (torchtune's recipes) or "[1,  2000] loss: 2.190" (the PyTorch tutorial "Training a Classifier") become
    /// "epoch 1 | step 120 | Loss: 2.31 ...".
    /// </summary>
    public static ReadOnlySpan<char> BarePrefix(ReadOnlySpan<char> line)
    {
        if (!Prefix().IsMatch(line)) return line;
        var match = Prefix().Match(line.ToString());
        return $"epoch {match.Groups["epoch"]} | step {match.Groups["step"]} | {line[match.Length..]}";
    }

    // A number not inside a word or a decimal ("fp16batch", "0.5epoch"), or a range "201-300" (its end kept), then the
    // unit, an optional plural 's', and no letter or digit after it ("12epochal").
    [GeneratedRegex("""(?:(?<![A-Za-z0-9._])[0-9]+-|(?<![A-Za-z0-9._]|[0-9]-))(?<n>[0-9]+)(?<unit>epoch|batch|iter|step)s?(?![A-Za-z0-9])""")]
    private static partial Regex GluedUnit();

    [GeneratedRegex(@"^ *(?:\[(?<epoch>[0-9]{1,6}), *(?<step>[0-9]{1,15})\] (?=[A-Za-z])|(?<epoch>[0-9]{1,6})\|(?<step>[0-9]{1,15})\|(?=[A-Za-z]))")]
    private static partial Regex Prefix();
}
