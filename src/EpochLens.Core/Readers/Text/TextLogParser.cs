using EpochLens.Readers.ConsoleLogs;
using EpochLens.Readers.Input;
using EpochLens.Settings;

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

    /// <summary>Templates remembered; a file with more kinds of line than this learns the rest line by line.</summary>
    private const int MaxTemplates = 4096;

    private const int AverageNotYetSeen = -2;

    private readonly LineTokenizer _tokenizer = new();
    private readonly HeaderedColumns _columns = new();
    private readonly Dictionary<ulong, LineTemplate> _templates = [];
    private readonly ProblemReporter _problems;
    private readonly string? _metric;
    private readonly bool _keepWallTimes;
    private double _headerEpoch = double.NaN;
    private ConsoleLineReader? _at;
    private readonly long _maxRecords;
    private readonly SettingSpelling _spell;
    private bool _reportedFull;

    public TextLogParser(ReadOptions options, ProblemReporter problems)
    {
        _problems = problems;

        // A line is held as a record (about 80 bytes with its values) until the series are built, outside the
        // point budget: half a point's share keeps a bomb of printed lines inside the memory budget.
        _maxRecords = Math.Min(MaxRecords, Math.Max(1, options.MaxPoints / 2));
        _spell = options.Spell;
        _metric = options.Metric;
        _keepWallTimes = options.KeepWallTimes;
    }

    public ChunkedList<TextRecord> Records { get; } = new();

    private string Location => _at?.Location ?? "";

    private long LineNumber => _at?.Line ?? 0;

    public ChunkedList<LabeledValue> Values { get; } = new();

    public TextLabelTable Labels { get; } = new();

    public TextShapes Shapes { get; } = new();

    /// <summary>A batch size the file printed ("batch_size=64" in the printed arguments), with its line; 0 when none.</summary>
    public (long Size, long Line) BatchSize { get; private set; }

    /// <summary>Epoch lengths the file states in words, in line order ("1 epoch = 20 batches", "Steps per epoch: 1487").</summary>
    public List<StatedEpochLength> StatedEpochLengths { get; } = [];

    /// <summary>Gradient accumulation factors above 1 the file prints, in line order.</summary>
    public List<StatedEpochLength> Accumulations { get; } = [];

    public int TrainingLines { get; private set; }

    /// <summary>Lines with an epoch or a labelled step counter and other values, but no loss label (see <see cref="LineTemplate.IsLossFree"/>).</summary>
    public int LossFreeLines { get; private set; }

    /// <summary>The value labels of the first such line: what --metric could name.</summary>
    public IReadOnlyList<string> LossFreeLabels => _lossFreeLabels;

    private readonly List<string> _lossFreeLabels = [];

    private LineTemplate? _lossFreeExample;

    /// <summary>The record limit was reached: the rest of the file need not be read.</summary>
    public bool IsFull => _reportedFull;

    /// <param name="line">The line's text.</param>
    /// <param name="at">Where the line is, for problems (its location string is made only when one is reported); null in detection.</param>
    public void Parse(ReadOnlySpan<char> line, ConsoleLineReader? at)
    {
        _at = at;
        line = _columns.Label(line);

        // Lines without a digit carry no number (a "nan" loss still comes with its epoch's digits).
        if (line.IndexOfAnyInRange('0', '9') < 0)
        {
            return;
        }

        line = GluedCounters.Label(BareCounterPrefix.Label(line));
        _tokenizer.Tokenize(line);
        var fields = _tokenizer.Fields;
        bool isDict = IsPrintedDict(line);

        // What the labels mean is the same for every line of one template: worked out once per template, not per line.
        LineTemplate? template;
        bool unusual = _tokenizer.DanglingLoss.Start >= 0 || _tokenizer.TooManyFields;
        ulong key = TemplateKey(line, fields, isDict);
        if (unusual || !_templates.TryGetValue(key, out template))
        {
            template = Learn(line, fields, isDict);
            if (!unusual && _templates.Count < MaxTemplates)
            {
                _templates[key] = template;
            }
        }

        Apply(template, line, fields);
    }

    /// <summary>The line's shape, with its phase word: held-out lines' series are named after it.</summary>
    private ulong TemplateKey(ReadOnlySpan<char> line, ReadOnlySpan<TextField> fields, bool isDict)
    {
        ulong key = TextShapes.Hash(line, fields, isDict);
        if (_tokenizer.HeldOutPhase)
        {
            var (start, length) = _tokenizer.PhaseWord;
            foreach (char c in line.Slice(start, length))
            {
                key = (key ^ c) * 1099511628211;
            }

            key = (key ^ 0x5bd1e995) * 1099511628211;
        }

        return key;
    }

    /// <summary>
    /// A printed Python dict, alone or after a logger's prefix ("12/11/2023 05:18:52 - INFO - __main__ - {'loss': ...}"),
    /// as the Hugging Face Trainer's logs are printed or logged.
    /// </summary>
    private static bool IsPrintedDict(ReadOnlySpan<char> line)
    {
        var text = line.TrimEnd();
        int open = text.IndexOf('{');
        return open >= 0 && text.EndsWith("}") && text[(open + 1)..].TrimStart() is ['\'' or '"', ..];
    }

    private LineTemplate Learn(ReadOnlySpan<char> line, ReadOnlySpan<TextField> fields, bool isDict)
    {
        var (epoch, step, loss) = Classify(line, fields);
        bool heldOutPhase = _tokenizer.HeldOutPhase;
        bool heldOutLoss = HasHeldOutLoss(line, fields);
        var template = new LineTemplate
        {
            Epoch = epoch,
            Step = step,
            Loss = loss,
            IsDict = isDict,
            IsHeader = epoch >= 0 && loss < 0 && step < 0 && !heldOutPhase && !heldOutLoss,
            IsTraining = loss >= 0 && !heldOutPhase,
            IsLossFree = loss < 0 && !heldOutPhase && !heldOutLoss && _tokenizer.DanglingLoss.Start < 0 && (epoch >= 0 || (step >= 0 && fields[step].LabelLength > 0))
                && HasOtherValue(fields, epoch, step),
            IsHeldOut = (heldOutPhase || _metric is null) && heldOutLoss,
            BatchSizeField = BatchSizeField(line, fields),
            EpochLengthField = FirstField(line, fields, static label => TextLabels.IsEpochLength(label)),
            AccumulationField = AccumulationField(line, fields),
        };

        if (template.IsTraining)
        {
            template.TrainingIds = LabelIds(line, fields, epoch, step, prefix: [], heldOutLine: false);
        }

        if (template.IsHeldOut)
        {
            template.HeldOutIds = LabelIds(line, fields, epoch, step, HeldOutPrefix(line, fields), heldOutLine: true);
        }

        return template;
    }

    /// <summary>
    /// The word that names a held-out line's other series: its phase word ("Test" in "Test set: ..."), or the held-out
    /// word of its loss label ("test" in "test Loss: 0.29 Top-1 Acc: 89.4"), so that its "Acc" is not the training "Acc".
    /// </summary>
    private ReadOnlySpan<char> HeldOutPrefix(ReadOnlySpan<char> line, ReadOnlySpan<TextField> fields)
    {
        if (_tokenizer.HeldOutPhase)
        {
            var (phaseStart, phaseLength) = _tokenizer.PhaseWord;
            return line.Slice(phaseStart, phaseLength);
        }

        foreach (var field in fields)
        {
            var label = field.Label(line);
            if (field.Kind == TextFieldKind.Value && TextLabels.IsLoss(label) && TextLabels.HeldOutWord(label, out int offset, out int length))
            {
                return label.Slice(offset, length);
            }
        }

        return [];
    }

    private void Apply(LineTemplate template, ReadOnlySpan<char> line, ReadOnlySpan<TextField> fields)
    {
        if (template.BatchSizeField >= 0 && BatchSize.Size == 0 && fields[template.BatchSizeField].Value is >= 1 and <= 1 << 24 and var size && size == Math.Floor(size))
        {
            BatchSize = ((long)size, LineNumber);
        }

        if (template.EpochLengthField >= 0)
        {
            Note(StatedEpochLengths, fields[template.EpochLengthField].Value, 2, line);
        }

        if (template.AccumulationField >= 0)
        {
            Note(Accumulations, fields[template.AccumulationField].Value, 2, line);
        }

        if (template.IsHeader && StatesEpochLength(line, fields[template.Epoch]))
        {
            // "1 epoch = 20 batches": the length of every epoch, not the epoch the lines under it are in.
            Note(StatedEpochLengths, fields[template.Epoch].Value, 2, line);
            return;
        }

        if (template.IsHeader)
        {
            // "Epoch 3/10" on its own line: the lines under it are that epoch's.
            _headerEpoch = fields[template.Epoch].Value;
            ReportDangling(line, template.Epoch);
            return;
        }

        double epochValue = template.Epoch >= 0 ? fields[template.Epoch].Value : _headerEpoch;
        // A line with a labelled step counter ("iter: 19", "step 340") needs no epoch: iteration-based loops
        // (detectron2, nanoGPT) print none, and the epoch length then comes from the user or the loss.
        if (template.IsTraining && (!double.IsNaN(epochValue) || (template.Step >= 0 && fields[template.Step].LabelLength > 0)))
        {
            if (template.Step >= 0 && fields[template.Step].Value is var counter && (counter < 0 || counter != Math.Floor(counter) || counter > 1e15))
            {
                // Counters are read as doubles and multiplied into global steps: past 10^15 they would lose whole steps.
                string why = counter > 1e15 ? "beyond the 10^15 steps a printed counter is read to" : counter < 0 ? "negative" : "not a whole number";
                _problems.Report(Location, ProblemKind.BadValue, $"the step counter {ProblemReporter.Quote(fields[template.Step].Label(line))} is {counter}, {why}: line skipped");
                return;
            }

            AddTraining(template, line, fields, epochValue);
        }
        else if (template.IsHeldOut)
        {
            AddRecord(true, -1, template.HeldOutIds!, fields, epochValue, -1, -1, line);
        }
        else if (template.IsLossFree)
        {
            CountLossFree(template, line, fields);
        }
        else if (!double.IsNaN(epochValue))
        {
            ReportDangling(line, template.Epoch);
        }
    }

    private static bool HasOtherValue(ReadOnlySpan<TextField> fields, int epoch, int step)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (i != epoch && i != step && fields[i].Kind == TextFieldKind.Value && fields[i].LabelLength > 0)
            {
                return true;
            }
        }

        return false;
    }

    private void CountLossFree(LineTemplate template, ReadOnlySpan<char> line, ReadOnlySpan<TextField> fields)
    {
        LossFreeLines++;
        template.LossFreeCount++;

        // The labels to offer are those of the most common such line (the training lines), not of the first (often a
        // summary such as "Total epochs: 100; iters: 5600" printed before training starts).
        if (template == _lossFreeExample || template.LossFreeCount <= (_lossFreeExample?.LossFreeCount ?? 0))
        {
            return;
        }

        _lossFreeExample = template;
        _lossFreeLabels.Clear();
        for (int i = 0; i < fields.Length && _lossFreeLabels.Count < 12; i++)
        {
            if (i != template.Epoch && i != template.Step && fields[i].Kind == TextFieldKind.Value && fields[i].LabelLength > 0)
            {
                _lossFreeLabels.Add(fields[i].Label(line).ToString());
            }
        }
    }

    /// <summary>The epoch field, the step counter and the training loss of a line (-1 where missing), by their labels.</summary>
    private (int Epoch, int Step, int Loss) Classify(ReadOnlySpan<char> line, ReadOnlySpan<TextField> fields)
    {
        int epoch = -1, step = -1, loss = -1, otherName = -1;
        bool heldOutPhase = _tokenizer.HeldOutPhase;
        for (int i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            var label = field.Label(line);
            if (epoch < 0 && (TextLabels.IsEpoch(label) || IsPhaseEpoch(line, fields, i)))
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
            else if (otherName < 0 && _metric is null && !heldOutPhase && field.Kind == TextFieldKind.Value
                && TextLabels.IsLossByAnotherName(label) && !TextLabels.HeldOutWord(label, out _, out _))
            {
                otherName = i;
            }
        }

        return (epoch, step, loss >= 0 ? loss : otherName);
    }

    /// <summary>
    /// "Train: 3 [ 120/1251 ( 10%)]", as timm prints its epochs: a whole number labelled only "Train" (or "Training")
    /// and followed at once by an unlabelled counter is the epoch that counter runs in.
    /// </summary>
    private static bool IsPhaseEpoch(ReadOnlySpan<char> line, ReadOnlySpan<TextField> fields, int i)
    {
        var field = fields[i];
        var label = field.Label(line);
        return field.Kind == TextFieldKind.Value && field.Value >= 0 && field.Value == Math.Floor(field.Value)
            && (label.Equals("train", StringComparison.OrdinalIgnoreCase) || label.Equals("training", StringComparison.OrdinalIgnoreCase))
            && i + 1 < fields.Length && fields[i + 1].Kind != TextFieldKind.Value && fields[i + 1].LabelLength == 0;
    }

    private static bool IsStepCounter(ReadOnlySpan<char> label, TextField field) =>
        field.Kind == TextFieldKind.Value ? TextLabels.IsStep(label) : label.IsEmpty || TextLabels.IsStep(label);

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

    private void AddTraining(LineTemplate template, ReadOnlySpan<char> line, ReadOnlySpan<TextField> fields, double epochValue)
    {
        if (template.Shape == LineTemplate.NoShapeYet)
        {
            ulong hash = TextShapes.Hash(line, fields, template.IsDict);
            if (!Shapes.TryFind(hash, out int shape))
            {
                int lossLabel = Labels.Get([], fields[template.Loss].Label(line), average: false, heldOut: false);
                var example = line.Length <= 120 ? line.ToString() : line[..120].ToString() + "...";
                shape = lossLabel < 0 ? -1 : Shapes.Add(hash, new TextShape(lossLabel, template.Step < 0 ? null : fields[template.Step].Kind, template.Epoch >= 0, template.IsDict, example));
            }

            template.Shape = shape;
        }

        if (template.Shape < 0)
        {
            return;
        }

        if (_tokenizer.TooManyFields)
        {
            _problems.Report(Location, ProblemKind.LimitReached, $"more than {LineTokenizer.MaxFields} numbers in one line: the rest were not read");
        }

        long counter = template.Step >= 0 ? (long)fields[template.Step].Value : -1;
        long total = template.Step >= 0 ? fields[template.Step].Total : -1;
        if (AddRecord(false, template.Shape, template.TrainingIds!, fields, epochValue, counter, total, line))
        {
            Shapes.All[template.Shape].Lines++;
            TrainingLines++;
        }
    }

    private bool AddRecord(bool heldOut, int shape, int[] ids, ReadOnlySpan<TextField> fields, double epochValue, long counter, long total, ReadOnlySpan<char> line)
    {
        if (!HasRoom())
        {
            return false;
        }

        int start = Values.Count;
        for (int i = 0; i < fields.Length; i++)
        {
            if (ids[2 * i] >= 0)
            {
                Values.Add(new LabeledValue(ids[2 * i], fields[i].Value));
            }

            if (fields[i].HasAverage && ids[(2 * i) + 1] != -1)
            {
                if (ids[(2 * i) + 1] == AverageNotYetSeen)
                {
                    var of = Labels[ids[2 * i]];
                    ids[(2 * i) + 1] = Labels.Get([], of.Name, average: true, of.HeldOut);
                }

                if (ids[(2 * i) + 1] >= 0)
                {
                    Values.Add(new LabeledValue(ids[(2 * i) + 1], fields[i].Average));
                }
            }
        }

        if (heldOut && Values.Count == start)
        {
            return false;
        }

        Records.Add(new TextRecord(heldOut, shape, LineNumber, epochValue, counter, total, WallTime(line), start, Values.Count - start));
        return true;
    }

    /// <summary>
    /// The label id of each field's value and of its parenthesised average (two per field; -1: not kept): every labelled
    /// value but the epoch and the counter. Held-out lines' labels get the phase word in front unless they carry one.
    /// </summary>
    private int[] LabelIds(ReadOnlySpan<char> line, ReadOnlySpan<TextField> fields, int epoch, int step, ReadOnlySpan<char> prefix, bool heldOutLine)
    {
        var ids = new int[2 * fields.Length];
        Array.Fill(ids, -1);
        for (int i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            var label = field.Label(line);
            if (i == epoch || i == step || field.Kind != TextFieldKind.Value || label.IsEmpty || TextLabels.IsBatchSize(label)
                || (_metric is not null && !TextLabels.SameName(label, _metric)))
            {
                continue;
            }

            bool labelHeldOut = TextLabels.HeldOutWord(label, out _, out _);
            var own = heldOutLine && !labelHeldOut ? prefix : [];
            bool heldOut = heldOutLine || labelHeldOut;
            ids[2 * i] = Labels.Get(own, label, average: false, heldOut);
            for (int repeat = 2; ids[2 * i] >= 0 && Array.IndexOf(ids, ids[2 * i], 0, 2 * i) >= 0 && repeat <= LineTokenizer.MaxFields; repeat++)
            {
                // The same label twice in a line ("Top-1 Acc: 91.7 Top-5 Acc: 99.4"): the second is its own series, "Acc #2".
                var numbered = $"{field.Label(line)} #{repeat}";
                ids[2 * i] = Labels.Get(own, numbered, average: false, heldOut);
                label = numbered;
            }

            // A template's later lines may show an average where its first did not ("0.73 (0.81)" is not in the shape).
            ids[(2 * i) + 1] = ids[2 * i] < 0 ? -1 : field.HasAverage ? Labels.Get(own, label, average: true, heldOut) : AverageNotYetSeen;
        }

        return ids;
    }

    private delegate bool LabelTest(ReadOnlySpan<char> label);

    private static int FirstField(ReadOnlySpan<char> line, ReadOnlySpan<TextField> fields, LabelTest labelled)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (fields[i].Kind == TextFieldKind.Value && fields[i].LabelLength > 0 && labelled(fields[i].Label(line)))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// "gradient_accumulation_steps=32", and "=> calculated gradient accumulation steps: 32", where a label keeps only
    /// "steps" (labels are a few words long) and "accumulation" stands just before it.
    /// </summary>
    private static int AccumulationField(ReadOnlySpan<char> line, ReadOnlySpan<TextField> fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            var label = field.Label(line);
            if (field.Kind == TextFieldKind.Value && field.LabelLength > 0
                && (TextLabels.IsAccumulation(label) || (TextLabels.IsStep(label) && TextLabels.IsAccumulation(line[Math.Max(0, field.LabelStart - 24)..field.LabelStart]))))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Keeps a whole number of at least <paramref name="least"/> (and below 10^12) with its line.</summary>
    private void Note(List<StatedEpochLength> list, double value, long least, ReadOnlySpan<char> line)
    {
        if (value >= least && value < 1e12 && value == Math.Floor(value) && list.Count < 1000)
        {
            var text = line.Trim();
            list.Add(new StatedEpochLength((long)value, LineNumber, text.Length <= 60 ? text.ToString() : text[..60].ToString() + "..."));
        }
    }

    /// <summary>"1 epoch = 20 batches", "epoch: 1487 iterations": the epoch's number is followed by a unit of steps.</summary>
    private static bool StatesEpochLength(ReadOnlySpan<char> line, TextField epoch)
    {
        if (epoch.Kind != TextFieldKind.Value)
        {
            return false;
        }

        int i = epoch.LabelStart + epoch.LabelLength;
        while (i < line.Length && line[i] is ' ' or '=' or ':' or '\t')
        {
            i++;
        }

        int digits = i;
        while (i < line.Length && char.IsAsciiDigit(line[i]))
        {
            i++;
        }

        if (i == digits || i >= line.Length || line[i] != ' ')
        {
            return false;
        }

        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }

        int word = i;
        while (i < line.Length && char.IsAsciiLetter(line[i]))
        {
            i++;
        }

        return TextLabels.IsStepUnit(line[word..i]);
    }

    private static int BatchSizeField(ReadOnlySpan<char> line, ReadOnlySpan<TextField> fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (fields[i].Kind == TextFieldKind.Value && TextLabels.IsBatchSize(fields[i].Label(line)))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A line with an epoch and "loss=" but no number after it is a damaged training line.</summary>
    private void ReportDangling(ReadOnlySpan<char> line, int epoch)
    {
        var (start, length) = _tokenizer.DanglingLoss;
        if (start >= 0 && epoch >= 0)
        {
            _problems.Report(Location, ProblemKind.BadValue,
                $"'{line.Slice(start, length)}' is not followed by a number ({ProblemReporter.Quote(line)}): line skipped");
        }
    }

    private double WallTime(ReadOnlySpan<char> line) =>
        _keepWallTimes && MmLogPrefix.TryTimestamp(line.TrimStart(), out double time, out _) ? time : double.NaN;

    private bool HasRoom()
    {
        if (Records.Count < _maxRecords)
        {
            return true;
        }

        if (!_reportedFull)
        {
            _reportedFull = true;
            _problems.Report(Location, ProblemKind.LimitReached, _maxRecords < MaxRecords
                ? $"more than {_maxRecords:N0} training lines, as many as the memory budget holds ({_spell(Setting.MemoryBudget)} raises it): the rest of the file was not read"
                : $"more than {MaxRecords} training lines: the rest of the file was not read");
        }

        return false;
    }
}
