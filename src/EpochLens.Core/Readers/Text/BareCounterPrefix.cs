namespace EpochLens.Readers.Text;

/// <summary>
/// Lines that open with two bare whole numbers, the epoch and then the step: "1|120|Loss: 2.31:  40%|..." (torchtune's
/// recipes) or "[1,  2000] loss: 2.190" (the PyTorch tutorial "Training a Classifier"). Only the shape labels them: the
/// line is spelled again with the labels written out, "epoch 1 | step 120 | Loss: 2.31 ...".
/// </summary>
internal static partial class BareCounterPrefix
{
    /// <summary>The line with its counters labelled, or the line itself when it does not open so.</summary>
    public static ReadOnlySpan<char> Label(ReadOnlySpan<char> line)
    {
        if (!Prefix().IsMatch(line)) return line;
        var match = Prefix().Match(line.ToString());
        return $"epoch {match.Groups["epoch"]} | step {match.Groups["step"]} | {line[match.Length..]}";
    }

    [GeneratedRegex(@"^ *(?:\[(?<epoch>[0-9]{1,6}), *(?<step>[0-9]{1,15})\] (?=[A-Za-z])|(?<epoch>[0-9]{1,6})\|(?<step>[0-9]{1,15})\|(?=[A-Za-z]))")]
    private static partial Regex Prefix();
}
