namespace EpochLens.Readers.Text;

/// <summary>
/// Lines that open with two bare whole numbers, the epoch and then the step: between bars, "1|120|Loss: 2.31:  40%|████
/// | 120/300 [...]" (torchtune's recipes), or in brackets after a comma, "[1,  2000] loss: 2.190" (the PyTorch tutorial
/// "Training a Classifier", printing the epoch and the mini-batch). Nothing labels them, but the shape does. The
/// line is spelled again with the labels written out, "epoch 1 | step 120 | Loss: 2.31 ...", so that the
/// template learning reads it like any labelled line.
/// </summary>
internal sealed class BareCounterPrefix
{
    private const int MaxEpochDigits = 6;
    private const int MaxStepDigits = 15;

    private readonly RespelledLine _line = new();

    /// <summary>The line with its counters labelled, or the line itself when it does not open so.</summary>
    public ReadOnlySpan<char> Label(ReadOnlySpan<char> line)
    {
        int i = 0;
        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }

        if (i < line.Length && line[i] == '[')
        {
            return Bracketed(line, i + 1);
        }

        int epochStart = i;
        i = Digits(line, i, MaxEpochDigits);
        if (i == epochStart || i >= line.Length || line[i] != '|')
        {
            return line;
        }

        int epochEnd = i++;
        int stepStart = i;
        i = Digits(line, i, MaxStepDigits);
        if (i == stepStart || i + 1 >= line.Length || line[i] != '|' || !char.IsAsciiLetter(line[i + 1]))
        {
            return line;
        }

        return Respelled(line, epochStart..epochEnd, stepStart..i, i + 1);
    }

    /// <summary>"[1,  2000] loss: 2.190", from just after the bracket.</summary>
    private ReadOnlySpan<char> Bracketed(ReadOnlySpan<char> line, int i)
    {
        int epochStart = i;
        i = Digits(line, i, MaxEpochDigits);
        if (i == epochStart || i >= line.Length || line[i] != ',')
        {
            return line;
        }

        int epochEnd = i++;
        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }

        int stepStart = i;
        i = Digits(line, i, MaxStepDigits);
        if (i == stepStart || i + 2 >= line.Length || line[i] != ']' || line[i + 1] != ' ' || !char.IsAsciiLetter(line[i + 2]))
        {
            return line;
        }

        return Respelled(line, epochStart..epochEnd, stepStart..i, i + 2);
    }

    /// <summary>"epoch E | step S | " and the rest of the line from <paramref name="rest"/>.</summary>
    private ReadOnlySpan<char> Respelled(ReadOnlySpan<char> line, Range epoch, Range step, int rest)
    {
        _line.Clear();
        _line.Append("epoch ");
        _line.Append(line[epoch]);
        _line.Append(" | step ");
        _line.Append(line[step]);
        _line.Append(" | ");
        _line.Append(line[rest..]);
        return _line.Text;
    }

    private static int Digits(ReadOnlySpan<char> line, int i, int max)
    {
        int start = i;
        while (i < line.Length && i - start <= max && char.IsAsciiDigit(line[i]))
        {
            i++;
        }

        return i - start > max ? start : i;
    }
}
