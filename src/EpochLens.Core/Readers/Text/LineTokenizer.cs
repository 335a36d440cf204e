namespace EpochLens.Readers.Text;

/// <summary>
/// Splits one printed line into its labelled numbers, whatever the template: "key: value", "key=value",
/// "key value", "| key value |", "'key': value", bracketed counters ("[3][120/500]", "Epoch [3/10]"),
/// counters with the label after them ("200/ 2983 batches"), a running average in parentheses after a value.
/// Timestamps, durations ("00:12", "5.3s"), percentages and dates are not values. It allocates nothing.
/// </summary>
internal sealed partial class LineTokenizer
{
    /// <summary>More fields than this in one line are not read: no training line carries that many.</summary>
    public const int MaxFields = 32;

    private const int MaxLabelWords = 3;
    private const int MaxLabelLength = 64;

    private static readonly SearchValues<char> ClockCharacters = SearchValues.Create("0123456789:,.");
    private static readonly SearchValues<char> DateOrPathCharacters = SearchValues.Create("0123456789/.:");
    private static readonly SearchValues<char> Spaces = SearchValues.Create(" ");

    private readonly TextField[] _fields = new TextField[MaxFields];

    // The label being collected: the words just before a possible number.
    private int _labelStart;
    private int _labelEnd;
    private int _labelWords;
    private bool _labelOpen;
    private bool _labelSeparated; // a ':' '=' quote or '[' came after the label: no more words join it
    private bool _labelAssigned; // a ':' or '=' came after the label

    private int _averageFor; // the last field, while only spaces and '(' follow it (for "value (average)")
    private int _counterWantingLabel; // an unlabelled counter, while only spaces follow it ("200/ 2983 batches")

    // A label cut off by "at" ("Score at iteration 10 is 2.3"), and the field count then: it names the value after
    // the counter that follows it, once an "is", ':' or '=' stands for it.
    private int _heldStart;
    private int _heldEnd = -1;
    private int _heldAtCount;

    public int Count { get; private set; }

    public ReadOnlySpan<TextField> Fields => _fields.AsSpan(0, Count);

    /// <summary>A word such as "val", "Validation" or "Test" stood on its own in the line (the line's phase).</summary>
    public bool HeldOutPhase => PhaseWord.Length > 0;

    /// <summary>Where the phase word is, for naming the held-out series ("Test" in "Test set: Average loss: ...").</summary>
    public (int Start, int Length) PhaseWord { get; private set; }

    /// <summary>A loss label followed by ':' or '=' but by no number ("loss=abc"), or (-1, 0).</summary>
    public (int Start, int Length) DanglingLoss { get; private set; }

    /// <summary>The line had more than <see cref="MaxFields"/> fields; the rest were dropped.</summary>
    public bool TooManyFields { get; private set; }

    public void Tokenize(ReadOnlySpan<char> line)
    {
        (Count, PhaseWord, DanglingLoss, TooManyFields) = (0, (0, 0), (-1, 0), false);
        (_labelOpen, _averageFor, _counterWantingLabel, _heldEnd) = (false, -1, -1, -1);
        int i = 0;
        while (i < line.Length)
        {
            char c = line[i];
            i = char.IsAsciiLetter(c) || c == '_' ? Word(line, i)
                : char.IsAsciiDigit(c) || (c is '-' or '+' or '.' && DigitAfter(line, i) && (i == 0 || IsBoundary(line[i - 1])))
                    ? Number(line, i)
                    : Punctuation(line, i);
        }

        CloseLabel(line);
    }

    private static bool DigitAfter(ReadOnlySpan<char> line, int i) => i + 1 < line.Length && char.IsAsciiDigit(line[i + 1]);

    private static bool IsBoundary(char previous) => !char.IsAsciiLetterOrDigit(previous) && previous is not ('.' or '_' or '/' or '-');

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>How far a word goes on at <paramref name="i"/>: a word character, or '/' '.' '-' before a letter
    /// ("ms/batch", "s0.loss_cls", "lr-Adam", "coco/bbox_mAP"); 0 where it ends.</summary>
    private static int WordGoesOn(ReadOnlySpan<char> line, int i) =>
        IsWordChar(line[i]) ? 1
        : line[i] is '/' or '.' or '-' && i + 1 < line.Length && (char.IsAsciiLetter(line[i + 1]) || line[i + 1] == '_') ? 2 : 0;

    private int Word(ReadOnlySpan<char> line, int start)
    {
        int end = start + 1;
        while (end < line.Length && WordGoesOn(line, end) is > 0 and var step) end += step;
        var word = line[start..end];
        if (TextLabels.SourceLocationEnd(line, word, end) is int past)
        {
            // "solver.cpp:218]" (glog's prefix in Caffe and Paddle logs), "train.py:57": where the line was printed
            // from, not a label and its value.
            CloseLabel(line);
            return past;
        }

        // "loss: nan", "loss inf".
        if (_labelOpen && word.Length == 3 && TextNumber.TryParseDouble(word, out double named))
            return AddValue(named, end);

        // A word followed by '=' or ':' labels the next value ("100 / 1000 loss=8.52"), not the counter.
        if (At(line, end) is '=' or ':') _counterWantingLabel = -1;
        if (_counterWantingLabel >= 0)
        {
            // "200/ 2983 batches": the word after an unlabelled counter names it.
            var counter = _fields[_counterWantingLabel];
            _fields[_counterWantingLabel] = counter with { LabelStart = start, LabelLength = Math.Min(end - start, MaxLabelLength) };
            (_counterWantingLabel, _averageFor) = (-1, -1);
            return end;
        }

        _averageFor = -1;
        if (TextLabels.IsCopula(word))
        {
            // "loss is 0.53": the word stands where '=' would.
            if (_labelOpen && !_labelAssigned) return Assign(end);
            if (ReopenHeldLabel()) return end;
        }

        if (TextLabels.IsStopWord(word))
        {
            HoldLabelAt(word);
            CloseLabel(line);
            return end;
        }

        if (_labelOpen && !_labelSeparated && _labelWords < MaxLabelWords && end - _labelStart <= MaxLabelLength)
        {
            (_labelEnd, _labelWords) = (end, _labelWords + 1);
            return end;
        }

        CloseLabel(line);
        (_labelOpen, _labelStart, _labelEnd, _labelWords) = (true, start, end, 1);
        (_labelSeparated, _labelAssigned) = (end - start > MaxLabelLength, false);
        return end;
    }

    private int Number(ReadOnlySpan<char> line, int start)
    {
        int end = ScanNumber(line, start, out bool whole);
        if (At(line, end) == '%') return NoValue(line, end + 1);

        // A clock time or duration ("10:11:12,345", "00:12<00:15"): not a value.
        if (At(line, end) == ':' && char.IsAsciiDigit(At(line, end + 1)))
            return NoValue(line, RunEnd(line, end, ClockCharacters));

        if (whole && At(line, end) == '/') return Counter(line, start, end);

        // fairseq spaces both sides: "epoch 001:    100 / 1000 loss=...".
        if (whole && SpacedSlash(line, end) is int spaced and >= 0) return Counter(line, start, spaced);
        if (whole && At(line, end) == ',' && GroupedEnd(line, start, end) is var grouped and > 0)
        {
            // "iter:   1,000" (BasicSR prints its iteration with thousands separators): one number, not 1 and 000.
            var number = line[start..grouped];
            return AddValue(double.Parse(number, NumberStyles.AllowThousands, CultureInfo.InvariantCulture), grouped);
        }

        if (whole && IsSecondBracket(line, start, end))
        {
            // "Epoch: [13][50]" (SwAV, MoCo): the bracket after the epoch's holds the iteration, with no total.
            _averageFor = -1;
            long position = long.Parse(line[start..end], CultureInfo.InvariantCulture);
            Add(new TextField(start, 0, TextFieldKind.Counter, position, -1, double.NaN));
            return end;
        }

        if (!TextNumber.TryParseDouble(line[start..end], out double value))
        {
            CloseLabel(line);
            return end;
        }

        // A unit glued to the number ("5.3s", "35.1it/s", "12GB") belongs to it.
        while (IsWordChar(At(line, end)) || (At(line, end) == '/' && char.IsAsciiLetter(At(line, end + 1)))) end++;
        if (_labelOpen) return AddValue(value, end);

        if (_averageFor >= 0 && line[..start].TrimEnd(' ') is [.., '('] && line[end..].TrimStart(' ') is [')', ..])
            _fields[_averageFor] = _fields[_averageFor] with { Average = value };

        _averageFor = -1;
        return end;
    }

    private static char At(ReadOnlySpan<char> line, int i) => i < line.Length ? line[i] : '\0';

    /// <remarks>A plain loop: runs of digits are short, and every number of every line is scanned.</remarks>
    private static int DigitsEnd(ReadOnlySpan<char> line, int i)
    {
        while (i < line.Length && char.IsAsciiDigit(line[i])) i++;
        return i;
    }

    private static int RunEnd(ReadOnlySpan<char> line, int i, SearchValues<char> characters) =>
        line[i..].IndexOfAnyExcept(characters) is var found and >= 0 ? i + found : line.Length;

    /// <summary>
    /// Where "1,000" or "12,500,000" ends (one to three digits not starting with 0, groups of three), for a step or
    /// epoch label only (a loss "0,95" or "1,250" may have a decimal comma); -1 where it is not such a number.
    /// </summary>
    private int GroupedEnd(ReadOnlySpan<char> line, int start, int end)
    {
        if (!_labelOpen || end - start > 3 || !char.IsAsciiDigit(line[start]) || line[start] == '0') return -1;
        var label = line[_labelStart.._labelEnd];
        if (!TextLabels.IsStep(label) && !TextLabels.IsEpoch(label)) return -1;
        int i = end;
        while (i - start < 20 && line[i..] is [',', _, _, _, ..] && DigitsEnd(line, i + 1) == i + 4) i += 4;
        return i > end && At(line, i) != '.' ? i : -1;
    }

    /// <summary>An unlabelled, unsigned whole number alone in brackets right after another bracket: "][50]".</summary>
    private bool IsSecondBracket(ReadOnlySpan<char> line, int start, int end) =>
        !_labelOpen && start >= 2 && line[start - 1] == '[' && line[start - 2] == ']' && At(line, end) == ']'
        && end - start <= 15 && char.IsAsciiDigit(line[start]);

    /// <summary>Where the slash is in " / 1000" after a whole number (one to three blanks before it, a digit after its blanks); -1 otherwise.</summary>
    private static int SpacedSlash(ReadOnlySpan<char> line, int end)
    {
        int slash = RunEnd(line, end, Spaces);
        if (slash == end || slash - end > 3 || At(line, slash) != '/') return -1;
        int digit = RunEnd(line, slash + 1, Spaces);
        return digit > slash + 1 && char.IsAsciiDigit(At(line, digit)) ? slash : -1;
    }

    /// <summary>"a/b" (spaces allowed after the slash), "a/b (p%)" as a sample counter; "2023/05/01" is a date.</summary>
    private int Counter(ReadOnlySpan<char> line, int start, int slash)
    {
        int next = RunEnd(line, slash + 1, Spaces);
        int totalEnd = DigitsEnd(line, next);

        // Not a counter: a date, a ratio of decimals or a path; skip what looks like it.
        if (totalEnd == next || totalEnd - next > 15 || slash - start > 15 || At(line, totalEnd) is '/' or '.' or ':')
            return NoValue(line, RunEnd(line, totalEnd, DateOrPathCharacters));

        if (line[start] is '-' or '+' or '.')
        {
            CloseLabel(line);
            return totalEnd;
        }

        long position = long.Parse(line[start..slash], CultureInfo.InvariantCulture);
        long total = long.Parse(line[next..totalEnd], CultureInfo.InvariantCulture);
        int percent = -1;
        foreach (var match in PercentInParentheses().EnumerateMatches(line[totalEnd..])) percent = match.Length;
        bool labelled = _labelOpen;
        var (labelStart, labelLength) = labelled ? (_labelStart, _labelEnd - _labelStart) : (start, 0);

        // "Test: [0/242] ... Loss 3.1": the phase word labels the counter, and still says the line is held-out.
        if (labelled) NotePhase(line, labelStart, labelLength);
        (_labelOpen, _averageFor) = (false, -1);
        var kind = percent < 0 ? TextFieldKind.Counter : TextFieldKind.SampleCounter;
        bool added = Add(new TextField(labelStart, labelLength, kind, position, total, double.NaN));
        if (added && !labelled) _counterWantingLabel = Count - 1;
        return totalEnd + Math.Max(0, percent);
    }

    [GeneratedRegex(@"^ *\([0-9.]+%\)")]
    private static partial Regex PercentInParentheses();

    private int Punctuation(ReadOnlySpan<char> line, int i)
    {
        char c = line[i];
        if (c == ' ') return i + 1;
        if (c is '\t' or '\'' or '"' or '[')
        {
            // A tab separates fields ("samples/sec<TAB>accuracy=0.5"): words on either side are not one label, while
            // a number after it still takes the label before it ("loss<TAB>0.51"); so do quotes and brackets:
            // "'loss': 0.41", "Epoch [3/10]", "Epoch: [3][120/500]".
            _labelSeparated |= _labelOpen;
            _counterWantingLabel = c == '\t' ? _counterWantingLabel : -1;
            _averageFor = c == '[' ? -1 : _averageFor;
            return i + 1;
        }

        // "Ep.3": the dot separates the abbreviated label from its number, as ':' would.
        if (c == '.' && DigitAfter(line, i) && _labelOpen && !_labelAssigned && _labelWords == 1
            && TextLabels.IsEpochBeforeDot(line[_labelStart.._labelEnd]))
            return Assign(i + 1);

        _counterWantingLabel = -1;
        if (c is ':' or '=' && _labelOpen && !_labelAssigned) return Assign(i + 1);
        if (c is ':' or '=' && ReopenHeldLabel()) return i + 1;
        CloseLabel(line);
        _averageFor = c == '(' ? _averageFor : -1;
        return i + 1;
    }

    /// <summary>':', '=', "is" or "Ep.3"'s dot: the open label names the next number and takes no more words.</summary>
    private int Assign(int next)
    {
        (_labelSeparated, _labelAssigned) = (true, true);
        return next;
    }

    /// <summary>A number that is no value (a percentage, a clock time, a date): the label before it names nothing.</summary>
    private int NoValue(ReadOnlySpan<char> line, int next)
    {
        CloseLabel(line);
        _averageFor = -1;
        return next;
    }

    /// <summary>"Score at", "Loss at", "train loss at": the open label, before "at" closes it, waits for its value.</summary>
    private void HoldLabelAt(ReadOnlySpan<char> word)
    {
        _heldEnd = -1;
        if (_labelOpen && !_labelAssigned && word.Equals("at", StringComparison.OrdinalIgnoreCase))
            (_heldStart, _heldEnd, _heldAtCount) = (_labelStart, _labelEnd, Count);
    }

    /// <summary>
    /// "Score at iteration 10 is 2.3", "Loss at step 100: 0.53": after the one counter that followed "at", the held
    /// label takes the next value; the counter keeps its own label.
    /// </summary>
    private bool ReopenHeldLabel()
    {
        bool reopen = _heldEnd >= 0 && !_labelOpen && Count == _heldAtCount + 1;
        if (reopen)
        {
            // A held label left without a number is no dangling loss: it is not taken as assigned.
            (_labelOpen, _labelStart, _labelEnd, _labelWords) = (true, _heldStart, _heldEnd, MaxLabelWords);
            (_labelSeparated, _labelAssigned) = (true, false);
        }

        _heldEnd = -1;
        return reopen;
    }

    private int AddValue(double value, int next)
    {
        _labelOpen = false;
        var field = new TextField(_labelStart, _labelEnd - _labelStart, TextFieldKind.Value, value, -1, double.NaN);
        if (Add(field)) _averageFor = Count - 1;
        return next;
    }

    private bool Add(TextField field)
    {
        TooManyFields |= Count == MaxFields;
        if (Count == MaxFields) return false;
        _fields[Count++] = field;
        return true;
    }

    /// <summary>A label that got no number: its words may say the line's phase, or it was a loss without a value.</summary>
    private void CloseLabel(ReadOnlySpan<char> line)
    {
        if (!_labelOpen) return;
        _labelOpen = false;
        if (_labelAssigned && DanglingLoss.Start < 0 && TextLabels.IsLoss(line[_labelStart.._labelEnd]))
            DanglingLoss = (_labelStart, _labelEnd - _labelStart);

        NotePhase(line, _labelStart, _labelEnd - _labelStart);
    }

    private void NotePhase(ReadOnlySpan<char> line, int start, int length)
    {
        if (!HeldOutPhase && TextLabels.HeldOutPhaseWord(line.Slice(start, length), out int offset, out int wordLength))
            PhaseWord = (start + offset, wordLength);
    }

    /// <summary>Digits with an optional sign, fraction and exponent; <paramref name="whole"/> when it is an integer.</summary>
    private static int ScanNumber(ReadOnlySpan<char> line, int start, out bool whole)
    {
        int i = DigitsEnd(line, line[start] is '-' or '+' ? start + 1 : start);
        whole = true;
        if (At(line, i) == '.' && DigitAfter(line, i)) (whole, i) = (false, DigitsEnd(line, i + 1));
        if (At(line, i) is not ('e' or 'E') || i + 1 >= line.Length) return i;
        int j = line[i + 1] is '-' or '+' ? i + 2 : i + 1;
        if (char.IsAsciiDigit(At(line, j))) (whole, i) = (false, DigitsEnd(line, j));
        return i;
    }
}
