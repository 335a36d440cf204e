using EpochLens.Readers.ConsoleLogs;

namespace EpochLens.Readers.Text;

/// <summary>
/// Reads a printed training log line by line into <see cref="TextRecord"/>s: every line that shows an epoch
/// and a loss (a training line, grouped by its shape), every validation or test line that shows a loss
/// (a held-out line), and epoch headers ("Epoch 3/10") that give the epoch to the lines under them.
/// What the lines mean together (steps, epochs, runs) is decided once the whole file is read: <see cref="TextLogBuilder"/>.
/// </summary>
internal sealed class TextLogParser
{
    /// <summary>More kept lines than this (about 2 GiB of text) are not read: the log would not fit in memory.</summary>
    public const int MaxRecords = 50_000_000;

    private readonly LineTokenizer _tokenizer = new();
    private readonly ProblemReporter _problems;
    private readonly string? _metric;
    private readonly bool _keepWallTimes;
    private double _headerEpoch = double.NaN;
    private bool _reportedFull;

    public TextLogParser(ReadOptions options, ProblemReporter problems)
    {
        _problems = problems;
        _metric = options.Metric;
        _keepWallTimes = options.KeepWallTimes;
    }

    public List<TextRecord> Records { get; } = [];

    public List<LabeledValue> Values { get; } = [];

    public TextLabelTable Labels { get; } = new();

    public TextShapes Shapes { get; } = new();

    /// <summary>A batch size the file printed ("batch_size=64" in the printed arguments), with its line; 0 when none.</summary>
    public (long Size, long Line) BatchSize { get; private set; }

    public int TrainingLines { get; private set; }

    public void Parse(ReadOnlySpan<char> line, long lineNumber, string location)
    {
        // Lines without a digit carry no number (a "nan" loss still comes with its epoch's digits).
        if (line.IndexOfAnyInRange('0', '9') < 0)
        {
            return;
        }

        _tokenizer.Tokenize(line);
        var fields = _tokenizer.Fields;
        var (epoch, step, loss) = Classify(line, fields);
        bool heldOutPhase = _tokenizer.HeldOutPhase;
        if (BatchSize.Size == 0)
        {
            FindBatchSize(line, fields, lineNumber);
        }

        if (epoch >= 0 && loss < 0 && step < 0 && !heldOutPhase && !HasHeldOutLoss(line, fields))
        {
            // "Epoch 3/10" on its own line: the lines under it are that epoch's.
            _headerEpoch = fields[epoch].Value;
            ReportDangling(line, location, epoch);
            return;
        }

        double epochValue = epoch >= 0 ? fields[epoch].Value : _headerEpoch;
        if (loss >= 0 && !heldOutPhase && !double.IsNaN(epochValue))
        {
            AddTraining(line, fields, epoch, step, loss, epochValue, lineNumber, location);
        }
        else if ((heldOutPhase || _metric is null) && HasHeldOutLoss(line, fields))
        {
            AddHeldOut(line, fields, epoch, step, epochValue, lineNumber);
        }
        else if (!double.IsNaN(epochValue))
        {
            ReportDangling(line, location, epoch);
        }
    }

    /// <summary>The epoch field, the step counter and the training loss of a line (-1 where missing).</summary>
    private (int Epoch, int Step, int Loss) Classify(ReadOnlySpan<char> line, ReadOnlySpan<TextField> fields)
    {
        int epoch = -1, step = -1, loss = -1;
        bool heldOutPhase = _tokenizer.HeldOutPhase;
        for (int i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            var label = field.Label(line);
            if (epoch < 0 && TextLabels.IsEpoch(label))
            {
                epoch = i;
            }
            else if (step < 0 && IsStepCounter(label, field))
            {
                step = i;
            }
            else if (loss < 0 && field.Kind == TextFieldKind.Value && IsTrainingLoss(label, heldOutPhase))
            {
                loss = i;
            }
        }

        return (epoch, step, loss);
    }

    private static bool IsStepCounter(ReadOnlySpan<char> label, TextField field)
    {
        if (field.Value < 0 || field.Value != Math.Floor(field.Value) || field.Value > 1e15)
        {
            return false;
        }

        return field.Kind == TextFieldKind.Value ? TextLabels.IsStep(label) : label.IsEmpty || TextLabels.IsStep(label);
    }

    private bool IsTrainingLoss(ReadOnlySpan<char> label, bool heldOutPhase)
    {
        if (_metric is not null)
        {
            return TextLabels.SameName(label, _metric);
        }

        return !heldOutPhase && TextLabels.IsLoss(label) && !TextLabels.HeldOutWord(label, out _, out _);
    }

    private bool HasHeldOutLoss(ReadOnlySpan<char> line, ReadOnlySpan<TextField> fields)
    {
        foreach (var field in fields)
        {
            var label = field.Label(line);
            if (field.Kind == TextFieldKind.Value && TextLabels.IsLoss(label)
                && (_tokenizer.HeldOutPhase || TextLabels.HeldOutWord(label, out _, out _))
                && (_metric is null || TextLabels.SameName(label, _metric)))
            {
                return true;
            }
        }

        return false;
    }

    private void AddTraining(ReadOnlySpan<char> line, ReadOnlySpan<TextField> fields, int epoch, int step, int loss, double epochValue, long lineNumber, string location)
    {
        if (!HasRoom(location))
        {
            return;
        }

        bool isDict = line.TrimStart().StartsWith("{");
        ulong hash = TextShapes.Hash(line, fields, isDict);
        if (!Shapes.TryFind(hash, out int shape))
        {
            int lossLabel = Labels.Get([], fields[loss].Label(line), average: false, heldOut: false);
            var example = line.Length <= 120 ? line.ToString() : line[..120].ToString() + "...";
            shape = lossLabel < 0 ? -1 : Shapes.Add(hash, new TextShape(lossLabel, step < 0 ? null : fields[step].Kind, isDict, example));
            if (shape < 0)
            {
                return;
            }
        }

        Shapes.All[shape].Lines++;
        TrainingLines++;
        if (_tokenizer.TooManyFields)
        {
            _problems.Report(location, ProblemKind.LimitReached, $"more than {LineTokenizer.MaxFields} numbers in one line: the rest were not read");
        }

        int start = Values.Count;
        AddValues(line, fields, epoch, step, prefix: [], heldOutLine: false);
        long counter = step >= 0 ? (long)fields[step].Value : -1;
        long total = step >= 0 ? fields[step].Total : -1;
        Records.Add(new TextRecord(false, shape, lineNumber, epochValue, counter, total, WallTime(line), start, Values.Count - start));
    }

    private void AddHeldOut(ReadOnlySpan<char> line, ReadOnlySpan<TextField> fields, int epoch, int step, double epochValue, long lineNumber)
    {
        if (!HasRoom(""))
        {
            return;
        }

        var (phaseStart, phaseLength) = _tokenizer.PhaseWord;
        int start = Values.Count;
        AddValues(line, fields, epoch, step, line.Slice(phaseStart, phaseLength), heldOutLine: true);
        if (Values.Count > start)
        {
            Records.Add(new TextRecord(true, -1, lineNumber, epochValue, -1, -1, WallTime(line), start, Values.Count - start));
        }
    }

    /// <summary>Every labelled value but the epoch and the counter; held-out lines' labels get the phase word in front unless they carry one.</summary>
    private void AddValues(ReadOnlySpan<char> line, ReadOnlySpan<TextField> fields, int epoch, int step, ReadOnlySpan<char> prefix, bool heldOutLine)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            var label = field.Label(line);
            if (i == epoch || i == step || field.Kind != TextFieldKind.Value || label.IsEmpty || TextLabels.IsBatchSize(label))
            {
                continue;
            }

            if (_metric is not null && !TextLabels.SameName(label, _metric))
            {
                continue;
            }

            bool labelHeldOut = TextLabels.HeldOutWord(label, out _, out _);
            var own = heldOutLine && !labelHeldOut ? prefix : [];
            bool heldOut = heldOutLine || labelHeldOut;
            int id = Labels.Get(own, label, average: false, heldOut);
            if (id >= 0)
            {
                Values.Add(new LabeledValue(id, field.Value));
            }

            if (field.HasAverage && (id = Labels.Get(own, label, average: true, heldOut)) >= 0)
            {
                Values.Add(new LabeledValue(id, field.Average));
            }
        }
    }

    private void FindBatchSize(ReadOnlySpan<char> line, ReadOnlySpan<TextField> fields, long lineNumber)
    {
        foreach (var field in fields)
        {
            if (field.Kind == TextFieldKind.Value && field.Value >= 1 && field.Value <= 1 << 24 && field.Value == Math.Floor(field.Value)
                && TextLabels.IsBatchSize(field.Label(line)))
            {
                BatchSize = ((long)field.Value, lineNumber);
                return;
            }
        }
    }

    /// <summary>A line with an epoch and "loss=" but no number after it is a damaged training line.</summary>
    private void ReportDangling(ReadOnlySpan<char> line, string location, int epoch)
    {
        var (start, length) = _tokenizer.DanglingLoss;
        if (start >= 0 && epoch >= 0)
        {
            _problems.Report(location, ProblemKind.BadValue,
                $"'{line.Slice(start, length)}' is not followed by a number ({ConsoleText.Quote(line)}): line skipped");
        }
    }

    private double WallTime(ReadOnlySpan<char> line) =>
        _keepWallTimes && MmLogPrefix.TryTimestamp(line.TrimStart(), out double time, out _) ? time : double.NaN;

    private bool HasRoom(string location)
    {
        if (Records.Count < MaxRecords)
        {
            return true;
        }

        if (!_reportedFull)
        {
            _reportedFull = true;
            _problems.Report(location, ProblemKind.LimitReached, $"more than {MaxRecords} training lines: the rest of the file was not read");
        }

        return false;
    }
}
