using EpochLens.Readers.Input;

namespace EpochLens.Readers.Text;

/// <summary>
/// Splits one printed line into its labelled numbers, whatever the template: "key: value", "key=value",
/// "key value", "| key value |", "'key': value", bracketed counters ("[3][120/500]", "Epoch [3/10]"),
/// counters with the label after them ("200/ 2983 batches"), a running average in parentheses after a value.
/// Timestamps, durations ("00:12", "5.3s"), percentages and dates are not values. It allocates nothing.
/// </summary>
internal sealed class LineTokenizer
{
    /// <summary>More fields than this in one line are not read: no training line carries that many.</summary>
    public const int MaxFields = 32;

    private const int MaxLabelWords = 3;
    private const int MaxLabelLength = 64;

    private readonly TextField[] _fields = new TextField[MaxFields];

    // The label being collected: the words just before a possible number.
    private int _labelStart;
    private int _labelEnd;
    private int _labelWords;
    private bool _labelOpen;
    private bool _labelSeparated; // a ':' '=' quote or '[' came after the label: no more words join it
    private bool _labelAssigned; // a ':' or '=' came after the label

    // The last field, while only spaces and an opening parenthesis follow it (for "value (average)").
    private int _averageFor;

    // An unlabelled counter just read, while only spaces follow it (for "200/ 2983 batches").
    private int _counterWantingLabel;

    // A label cut off by "at" ("Score at iteration 10 is 2.3"), and the field count then: it names the value after
    // the counter that follows it, once an "is", ':' or '=' stands for it.
    private int _heldStart;
    private int _heldEnd = -1;
    private int _heldAtCount;

    public int Count { get; private set; }

    public ReadOnlySpan<TextField> Fields => _fields.AsSpan(0, Count);

    /// <summary>A word such as "val", "Validation" or "Test" stood on its own in the line (the line's phase).</summary>
    public bool HeldOutPhase { get; private set; }

    /// <summary>Where the phase word is, for naming the held-out series ("Test" in "Test set: Average loss: ...").</summary>
    public (int Start, int Length) PhaseWord { get; private set; }

    /// <summary>A loss label followed by ':' or '=' but by no number ("loss=abc"), or (-1, 0).</summary>
    public (int Start, int Length) DanglingLoss { get; private set; }

    /// <summary>The line had more than <see cref="MaxFields"/> fields; the rest were dropped.</summary>
    public bool TooManyFields { get; private set; }

    public void Tokenize(ReadOnlySpan<char> line)
    {
        Count = 0;
        HeldOutPhase = false;
        PhaseWord = (0, 0);
        DanglingLoss = (-1, 0);
        TooManyFields = false;
        _labelOpen = false;
        _averageFor = -1;
        _counterWantingLabel = -1;
        _heldEnd = -1;
        int i = 0;
        while (i < line.Length)
        {
            char c = line[i];
            if (char.IsAsciiLetter(c) || c == '_')
            {
                i = Word(line, i);
            }
            else if (char.IsAsciiDigit(c) || (c is '-' or '+' or '.' && i + 1 < line.Length && char.IsAsciiDigit(line[i + 1]) && (i == 0 || IsBoundary(line[i - 1]))))
            {
                i = Number(line, i);
            }
            else if (c == '.' && i + 1 < line.Length && char.IsAsciiDigit(line[i + 1]) && IsEpochBeforeDot(line))
            {
                // "Ep.3": the dot separates the abbreviated label from its number, as ':' would.
                _labelSeparated = true;
                _labelAssigned = true;
                i++;
            }
            else
            {
                Punctuation(line, c);
                i++;
            }
        }

        CloseLabel(line);
    }

    private bool IsEpochBeforeDot(ReadOnlySpan<char> line) =>
        _labelOpen && !_labelAssigned && _labelWords == 1 && TextLabels.IsEpochBeforeDot(line[_labelStart.._labelEnd]);

    private static bool IsBoundary(char previous) => !char.IsAsciiLetterOrDigit(previous) && previous is not ('.' or '_' or '/' or '-');

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private int Word(ReadOnlySpan<char> line, int start)
    {
        int end = start + 1;
        while (end < line.Length)
        {
            char c = line[end];
            if (IsWordChar(c))
            {
                end++;
            }
            else if (c is '/' or '.' or '-' && end + 1 < line.Length && (char.IsAsciiLetter(line[end + 1]) || line[end + 1] == '_'))
            {
                end += 2; // "ms/batch", "s0.loss_cls", "lr-Adam", "coco/bbox_mAP"
            }
            else
            {
                break;
            }
        }

        var word = line[start..end];
        if (TextLabels.SourceLocationEnd(line, word, end) is int past)
        {
            // "solver.cpp:218]" (glog's prefix in Caffe and Paddle logs), "train.py:57": where the line was printed
            // from, not a label and its value.
            CloseLabel(line);
            return past;
        }

        if (_labelOpen && word.Length == 3 && (word.Equals("nan", StringComparison.OrdinalIgnoreCase) || word.Equals("inf", StringComparison.OrdinalIgnoreCase)))
        {
            AddValue(line, word.Equals("nan", StringComparison.OrdinalIgnoreCase) ? double.NaN : double.PositiveInfinity);
            return end;
        }

        // A word followed by '=' or ':' labels the next value ("100 / 1000 loss=8.52"), not the counter.
        if (_counterWantingLabel >= 0 && end < line.Length && line[end] is '=' or ':')
        {
            _counterWantingLabel = -1;
        }

        if (_counterWantingLabel >= 0)
        {
            // "200/ 2983 batches": the word after an unlabelled counter names it.
            var f = _fields[_counterWantingLabel];
            _fields[_counterWantingLabel] = f with { LabelStart = start, LabelLength = Math.Min(end - start, MaxLabelLength) };
            _counterWantingLabel = -1;
            _averageFor = -1;
            return end;
        }

        _averageFor = -1;
        if (TextLabels.IsCopula(word) && _labelOpen && !_labelAssigned)
        {
            // "loss is 0.53": the word stands where '=' would.
            _labelSeparated = true;
            _labelAssigned = true;
            return end;
        }

        if (TextLabels.IsCopula(word) && ReopenHeldLabel())
        {
            return end;
        }

        if (TextLabels.IsStopWord(word))
        {
            HoldLabelAt(word);
            CloseLabel(line);
            return end;
        }

        if (_labelOpen && !_labelSeparated && _labelWords < MaxLabelWords && end - _labelStart <= MaxLabelLength)
        {
            _labelEnd = end;
            _labelWords++;
        }
        else
        {
            CloseLabel(line);
            _labelOpen = true;
            _labelStart = start;
            _labelEnd = end;
            _labelWords = 1;
            _labelSeparated = end - start > MaxLabelLength;
            _labelAssigned = false;
        }

        return end;
    }

    private int Number(ReadOnlySpan<char> line, int start)
    {
        int end = ScanNumber(line, start, out bool whole);
        if (end < line.Length && line[end] == '%')
        {
            CloseLabel(line);
            _averageFor = -1;
            return end + 1;
        }

        if (end + 1 < line.Length && line[end] == ':' && char.IsAsciiDigit(line[end + 1]))
        {
            // A clock time or duration ("10:11:12,345", "00:12<00:15"): not a value.
            CloseLabel(line);
            _averageFor = -1;
            while (end < line.Length && (char.IsAsciiDigit(line[end]) || line[end] is ':' or ',' or '.'))
            {
                end++;
            }

            return end;
        }

        if (end < line.Length && line[end] == '/' && whole)
        {
            return Counter(line, start, end);
        }

        // fairseq spaces both sides: "epoch 001:    100 / 1000 loss=...".
        if (whole && SpacedSlash(line, end) is int spaced and >= 0)
        {
            return Counter(line, start, spaced);
        }

        if (whole && end < line.Length && line[end] == ',' && GroupedEnd(line, start, end) is var grouped and > 0)
        {
            // "iter:   1,000" (BasicSR prints its iteration with thousands separators): one number, not 1 and 000.
            AddValue(line, Grouped(line[start..grouped]));
            return grouped;
        }

        if (whole && IsSecondBracket(line, start, end))
        {
            // "Epoch: [13][50]" (SwAV, MoCo): the bracket after the epoch's holds the iteration, with no total.
            _averageFor = -1;
            Add(new TextField(start, 0, TextFieldKind.Counter, long.Parse(line[start..end], System.Globalization.CultureInfo.InvariantCulture), -1, double.NaN));
            return end;
        }

        if (!TextNumber.TryParseDouble(line[start..end], out double value))
        {
            CloseLabel(line);
            return end;
        }

        // A unit glued to the number ("5.3s", "35.1it/s", "12GB") belongs to it.
        while (end < line.Length && (IsWordChar(line[end]) || (line[end] == '/' && end + 1 < line.Length && char.IsAsciiLetter(line[end + 1]))))
        {
            end++;
        }

        if (_labelOpen)
        {
            AddValue(line, value);
        }
        else if (_averageFor >= 0 && PreviousNonSpace(line, start) == '(' && NextNonSpace(line, end) == ')')
        {
            _fields[_averageFor] = _fields[_averageFor] with { Average = value };
            _averageFor = -1;
        }
        else
        {
            _averageFor = -1;
        }

        return end;
    }

    /// <summary>
    /// Where "1,000" or "12,500,000" ends, for a step or epoch label only (a loss "0,95" or "1,250" may have a decimal
    /// comma): one to three digits not starting with 0, then groups of exactly three; -1 where it is not such a number.
    /// </summary>
    private int GroupedEnd(ReadOnlySpan<char> line, int start, int end)
    {
        if (!_labelOpen || end - start > 3 || !char.IsAsciiDigit(line[start]) || line[start] == '0')
        {
            return -1;
        }

        var label = line[_labelStart.._labelEnd];
        if (!TextLabels.IsStep(label) && !TextLabels.IsEpoch(label))
        {
            return -1;
        }

        int i = end;
        while (i + 3 < line.Length && line[i] == ',' && char.IsAsciiDigit(line[i + 1]) && char.IsAsciiDigit(line[i + 2]) && char.IsAsciiDigit(line[i + 3])
            && (i + 4 == line.Length || !char.IsAsciiDigit(line[i + 4])) && i - start < 20)
        {
            i += 4;
        }

        return i > end && (i == line.Length || line[i] != '.') ? i : -1;
    }

    /// <summary>The value of a number grouped by thousands ("12,500").</summary>
    private static double Grouped(ReadOnlySpan<char> digits)
    {
        long value = 0;
        foreach (char c in digits)
        {
            if (c != ',')
            {
                value = (value * 10) + (c - '0');
            }
        }

        return value;
    }

    /// <summary>An unlabelled, unsigned whole number alone in brackets right after another bracket: "][50]".</summary>
    private bool IsSecondBracket(ReadOnlySpan<char> line, int start, int end) =>
        !_labelOpen && start >= 2 && line[start - 1] == '[' && line[start - 2] == ']' && end < line.Length && line[end] == ']'
        && end - start <= 15 && char.IsAsciiDigit(line[start]);

    /// <summary>Where the slash is in " / 1000" after a whole number (one to three blanks before it, a digit after its blanks); -1 otherwise.</summary>
    private static int SpacedSlash(ReadOnlySpan<char> line, int end)
    {
        int slash = end;
        while (slash < line.Length && slash - end < 3 && line[slash] == ' ')
        {
            slash++;
        }

        if (slash == end || slash >= line.Length || line[slash] != '/')
        {
            return -1;
        }

        int digit = slash + 1;
        while (digit < line.Length && line[digit] == ' ')
        {
            digit++;
        }

        return digit > slash + 1 && digit < line.Length && char.IsAsciiDigit(line[digit]) ? slash : -1;
    }

    /// <summary>"a/b" (spaces allowed after the slash), "a/b (p%)" as a sample counter; "2023/05/01" is a date.</summary>
    private int Counter(ReadOnlySpan<char> line, int start, int slash)
    {
        int next = slash + 1;
        while (next < line.Length && line[next] == ' ')
        {
            next++;
        }

        int totalEnd = next;
        while (totalEnd < line.Length && char.IsAsciiDigit(line[totalEnd]))
        {
            totalEnd++;
        }

        if (totalEnd == next || totalEnd - next > 15 || slash - start > 15 || (totalEnd < line.Length && line[totalEnd] is '/' or '.' or ':'))
        {
            // Not a counter: a date, a ratio of decimals or a path; skip what looks like it.
            CloseLabel(line);
            _averageFor = -1;
            int end = totalEnd;
            while (end < line.Length && (char.IsAsciiDigit(line[end]) || line[end] is '/' or '.' or ':'))
            {
                end++;
            }

            return end;
        }

        if (line[start] is '-' or '+' or '.')
        {
            CloseLabel(line);
            return totalEnd;
        }

        long position = long.Parse(line[start..slash], System.Globalization.CultureInfo.InvariantCulture);
        long total = long.Parse(line[next..totalEnd], System.Globalization.CultureInfo.InvariantCulture);
        var kind = TextFieldKind.Counter;
        int after = totalEnd;
        if (IsPercentInParentheses(line, totalEnd, out int percentEnd))
        {
            kind = TextFieldKind.SampleCounter;
            after = percentEnd;
        }

        bool labelled = _labelOpen;
        int labelStart = labelled ? _labelStart : start;
        int labelLength = labelled ? _labelEnd - _labelStart : 0;
        if (labelled && !HeldOutPhase && TextLabels.HeldOutPhaseWord(line.Slice(labelStart, labelLength), out int offset, out int length))
        {
            // "Test: [0/242] ... Loss 3.1": the phase word labels the counter, and still says the line is held-out.
            HeldOutPhase = true;
            PhaseWord = (labelStart + offset, length);
        }

        _labelOpen = false;
        _averageFor = -1;
        if (Add(new TextField(labelStart, labelLength, kind, position, total, double.NaN)) && !labelled)
        {
            _counterWantingLabel = Count - 1;
        }

        return after;
    }

    private static bool IsPercentInParentheses(ReadOnlySpan<char> line, int from, out int end)
    {
        end = from;
        int i = from;
        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }

        if (i >= line.Length || line[i] != '(')
        {
            return false;
        }

        i++;
        int digits = i;
        while (i < line.Length && (char.IsAsciiDigit(line[i]) || line[i] == '.'))
        {
            i++;
        }

        if (i == digits || i + 1 >= line.Length || line[i] != '%' || line[i + 1] != ')')
        {
            return false;
        }

        end = i + 2;
        return true;
    }

    private void Punctuation(ReadOnlySpan<char> line, char c)
    {
        if (c == ' ')
        {
            return;
        }

        if (c == '\t')
        {
            // A tab separates fields ("samples/sec<TAB>accuracy=0.5"): words on either side are not one label, while
            // a number after it still takes the label before it ("loss<TAB>0.51").
            _labelSeparated |= _labelOpen;
            return;
        }

        _counterWantingLabel = -1;
        if (c is ':' or '=')
        {
            if (_labelOpen && !_labelAssigned)
            {
                _labelSeparated = true;
                _labelAssigned = true;
                return;
            }

            if (ReopenHeldLabel())
            {
                return;
            }

            CloseLabel(line);
            _averageFor = -1;
            return;
        }

        if (c is '\'' or '"' or '[')
        {
            // "'loss': 0.41", "Epoch [3/10]", "Epoch: [3][120/500]": the label still names the number that follows.
            _labelSeparated |= _labelOpen;
            if (c == '[')
            {
                _averageFor = -1;
            }

            return;
        }

        CloseLabel(line);
        if (c != '(')
        {
            _averageFor = -1;
        }
    }

    /// <summary>"Score at", "Loss at", "train loss at": the open label, before "at" closes it, waits for its value.</summary>
    private void HoldLabelAt(ReadOnlySpan<char> word)
    {
        _heldEnd = -1;
        if (_labelOpen && !_labelAssigned && word.Equals("at", StringComparison.OrdinalIgnoreCase))
        {
            _heldStart = _labelStart;
            _heldEnd = _labelEnd;
            _heldAtCount = Count;
        }
    }

    /// <summary>
    /// "Score at iteration 10 is 2.3", "Loss at step 100: 0.53": after the one counter that followed "at", the held
    /// label takes the next value; the counter keeps its own label.
    /// </summary>
    private bool ReopenHeldLabel()
    {
        if (_heldEnd < 0 || _labelOpen || Count != _heldAtCount + 1)
        {
            _heldEnd = -1;
            return false;
        }

        _labelOpen = true;
        _labelStart = _heldStart;
        _labelEnd = _heldEnd;
        _labelWords = MaxLabelWords;
        _labelSeparated = true;
        _labelAssigned = false; // a held label left without a number is no dangling loss
        _heldEnd = -1;
        return true;
    }

    private void AddValue(ReadOnlySpan<char> line, double value)
    {
        _labelOpen = false;
        if (Add(new TextField(_labelStart, _labelEnd - _labelStart, TextFieldKind.Value, value, -1, double.NaN)))
        {
            _averageFor = Count - 1;
        }
    }

    private bool Add(TextField field)
    {
        if (Count == MaxFields)
        {
            TooManyFields = true;
            return false;
        }

        _fields[Count++] = field;
        return true;
    }

    /// <summary>A label that got no number: its words may say the line's phase, or it was a loss without a value.</summary>
    private void CloseLabel(ReadOnlySpan<char> line)
    {
        if (!_labelOpen)
        {
            return;
        }

        _labelOpen = false;
        var label = line[_labelStart.._labelEnd];
        if (_labelAssigned && DanglingLoss.Start < 0 && TextLabels.IsLoss(label))
        {
            DanglingLoss = (_labelStart, _labelEnd - _labelStart);
        }

        if (!HeldOutPhase && TextLabels.HeldOutPhaseWord(label, out int offset, out int length))
        {
            HeldOutPhase = true;
            PhaseWord = (_labelStart + offset, length);
        }
    }

    /// <summary>Digits with an optional sign, fraction and exponent; <paramref name="whole"/> when it is an integer.</summary>
    private static int ScanNumber(ReadOnlySpan<char> line, int start, out bool whole)
    {
        int i = start;
        if (line[i] is '-' or '+')
        {
            i++;
        }

        while (i < line.Length && char.IsAsciiDigit(line[i]))
        {
            i++;
        }

        whole = true;
        if (i + 1 < line.Length && line[i] == '.' && char.IsAsciiDigit(line[i + 1]))
        {
            whole = false;
            i++;
            while (i < line.Length && char.IsAsciiDigit(line[i]))
            {
                i++;
            }
        }

        if (i + 1 < line.Length && line[i] is 'e' or 'E')
        {
            int j = i + 1;
            if (line[j] is '-' or '+')
            {
                j++;
            }

            if (j < line.Length && char.IsAsciiDigit(line[j]))
            {
                whole = false;
                i = j;
                while (i < line.Length && char.IsAsciiDigit(line[i]))
                {
                    i++;
                }
            }
        }

        return i;
    }

    private static char PreviousNonSpace(ReadOnlySpan<char> line, int before)
    {
        for (int i = before - 1; i >= 0; i--)
        {
            if (line[i] != ' ')
            {
                return line[i];
            }
        }

        return '\0';
    }

    private static char NextNonSpace(ReadOnlySpan<char> line, int from)
    {
        for (int i = from; i < line.Length; i++)
        {
            if (line[i] != ' ')
            {
                return line[i];
            }
        }

        return '\0';
    }
}
