using EpochLens.Readers.ConsoleLogs;

namespace EpochLens.Readers.Text;

/// <summary>
/// Reads a printed log into <see cref="TextRecord"/>s: training lines (an epoch or a labelled step and a loss, grouped
/// by shape), held-out lines (a validation or test loss), and epoch headers ("Epoch 3/10") that give their epoch to the
/// lines under them. What the lines mean together is <see cref="TextLogBuilder"/>'s.
/// </summary>
internal sealed partial class TextLogParser(ConsoleLogParser.Context context) : ConsoleLogParser(context)
{
    /// <summary>More kept lines than this (about 2 GiB of text) are not read: the log would not fit in memory.</summary>
    public const int MaxRecords = 50_000_000;

    public const int MaxShapes = 256;

    /// <summary>A file with more kinds of line than this learns the rest line by line.</summary>
    private const int MaxTemplates = 4096;

    private const int AverageNotYetSeen = -2;

    private static readonly string[] TimingWords = ["time", "data", "eta", "lr", "rate", "speed", "mem", "/s", "sec"];

    private readonly LineTokenizer _tokenizer = new();
    private readonly HeaderedColumns _columns = new();
    private readonly Dictionary<string, LineTemplate> _templates = [];
    private readonly Dictionary<string, int> _shapeIds = [];
    private char[] _key = new char[256];
    private readonly string? _metric = context.Options.Metric;

    // A line is held as a record (about 80 bytes with its values) until the series are built, outside the point
    // budget: half a point's share keeps a bomb of printed lines inside the memory budget.
    private readonly long _maxRecords = Math.Min(MaxRecords, Math.Max(1, context.Options.MaxPoints / 2));
    private double _headerEpoch = double.NaN;
    private LineTemplate? _lossFreeExample;
    private bool _full;

    public ChunkedList<TextRecord> Records { get; } = new();

    public ChunkedList<LabeledValue> Values { get; } = new();

    public TextLabelTable Labels { get; } = new();

    public List<TextShape> Shapes { get; } = [];

    public bool ShapesOverflowed { get; private set; }

    /// <summary>A batch size the file printed ("batch_size=64" in the printed arguments), with its line; 0 when none.</summary>
    public (long Size, long Line) BatchSize { get; private set; }

    /// <summary>Epoch lengths the file states in words, in line order.</summary>
    public List<StatedEpochLength> StatedEpochLengths { get; } = [];

    /// <summary>Gradient accumulation factors above 1 the file prints, in line order.</summary>
    public List<StatedEpochLength> Accumulations { get; } = [];

    public int TrainingLines => Shapes.Sum(s => s.Lines);

    /// <summary>Lines with an epoch or a labelled step counter and other values, but no loss label.</summary>
    public int LossFreeLines { get; private set; }

    /// <summary>The value labels of the most common such line: what --metric could name.</summary>
    public List<string> LossFreeLabels { get; } = [];

    public override bool IsFull => _full;

    private long LineNumber => Lines?.Line ?? 0;

    public override void Parse(ReadOnlySpan<char> line)
    {
        line = _columns.Label(line);

        // Lines without a digit carry no number (a "nan" loss still comes with its epoch's digits).
        if (!line.ContainsAnyInRange('0', '9')) return;
        line = UnlabelledCounters.Glued(UnlabelledCounters.BarePrefix(line));
        _tokenizer.Tokenize(line);
        var fields = _tokenizer.Fields;
        bool isDict = IsPrintedDict(line);

        // What the labels mean is the same for every line of one template: worked out once per template, not per line.
        bool unusual = _tokenizer.DanglingLoss.Start >= 0 || _tokenizer.TooManyFields;
        var key = TemplateKey(line, fields, isDict);
        if (unusual || !_templates.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var template))
        {
            template = Learn(line, fields, isDict);
            if (!unusual && _templates.Count < MaxTemplates) _templates[key.ToString()] = template;
        }

        Apply(template, line, fields, key);
    }

    /// <summary>
    /// Each field's label (case and separators folded) and kind, and the phase word (held-out lines' series are named
    /// after it), each part after its length so no two lines' parts read alike. A training line's is its shape. Held in
    /// a buffer reused line after line; the dictionaries copy it only for a new template or shape.
    /// </summary>
    private ReadOnlySpan<char> TemplateKey(ReadOnlySpan<char> line, ReadOnlySpan<TextField> fields, bool isDict)
    {
        int n = 0;
        Append(isDict ? 'd' : 't');
        foreach (var field in fields)
        {
            var label = field.Label(line);
            Append((char)label.Length);
            foreach (char c in label) Append(TextLabels.Normal(c));
            Append((char)field.Kind);
        }

        if (_tokenizer.HeldOutPhase)
        {
            var (start, length) = _tokenizer.PhaseWord;
            Append((char)length);
            foreach (char c in line.Slice(start, length)) Append(c);
        }

        return _key.AsSpan(0, n);

        void Append(char c)
        {
            if (n == _key.Length) Array.Resize(ref _key, n * 2);
            _key[n++] = c;
        }
    }

    /// <summary>A printed Python dict, alone or after a logger's prefix, as the Hugging Face Trainer logs.</summary>
    private static bool IsPrintedDict(ReadOnlySpan<char> line)
    {
        var text = line.TrimEnd();
        int open = text.IndexOf('{');
        return open >= 0 && text.EndsWith("}") && text[(open + 1)..].TrimStart() is ['\'' or '"', ..];
    }

    private LineTemplate Learn(ReadOnlySpan<char> line, ReadOnlySpan<TextField> fields, bool isDict)
    {
        bool phase = _tokenizer.HeldOutPhase, heldOutLoss = false, otherValue = false;
        int epoch = -1, step = -1, loss = -1, otherName = -1, batchSize = -1, epochLength = -1, accumulation = -1;

        // What names a held-out line's other series: its phase word ("Test" in "Test set: ..."), or the held-out word
        // of its loss label ("test" in "test Loss: 0.29 Top-1 Acc: 89.4"), so that its "Acc" is not the training "Acc".
        var (prefixStart, prefixLength) = phase ? _tokenizer.PhaseWord : (0, 0);
        for (int i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            var label = field.Label(line);
            bool value = field.Kind == TextFieldKind.Value;
            bool isLoss = value && TextLabels.IsLoss(label);
            bool heldOut = TextLabels.HeldOutWord(label, out int offset, out int length);
            bool training = _metric is null && !phase && value && !heldOut;
            if (epoch < 0 && (TextLabels.IsEpoch(label) || IsPhaseEpoch(label, fields, i))) epoch = i;
            else if (step < 0 && (TextLabels.IsStep(label) || (!value && label.IsEmpty))) step = i;
            else if (loss < 0 && (_metric is not null ? value && IsMetric(label) : training && isLoss)) loss = i;
            else if (otherName < 0 && training && TextLabels.IsLossByAnotherName(label)) otherName = i;

            if (!value) continue;
            heldOutLoss |= isLoss && (phase || heldOut) && IsMetric(label);
            if (isLoss && heldOut && prefixLength == 0) (prefixStart, prefixLength) = (field.LabelStart + offset, length);
            batchSize = batchSize < 0 && TextLabels.IsBatchSize(label) ? i : batchSize;
            if (label.IsEmpty) continue;
            otherValue |= i != epoch && i != step;
            epochLength = epochLength < 0 && TextLabels.IsEpochLength(label) ? i : epochLength;

            // "gradient_accumulation_steps=32", and "=> calculated gradient accumulation steps: 32", where a label
            // keeps only "steps" (labels are a few words long) and "accumulation" stands just before it.
            bool accumulates = TextLabels.IsAccumulation(label)
                || (TextLabels.IsStep(label) && TextLabels.IsAccumulation(line[Math.Max(0, field.LabelStart - 24)..field.LabelStart]));
            accumulation = accumulation < 0 && accumulates ? i : accumulation;
        }

        loss = loss >= 0 ? loss : otherName;
        bool header = epoch >= 0 && loss < 0 && step < 0 && !phase && !heldOutLoss;
        var template = new LineTemplate(epoch, step, loss, isDict, header,
            IsTraining: loss >= 0 && !phase,
            IsLossFree: !header && loss < 0 && !phase && !heldOutLoss && _tokenizer.DanglingLoss.Start < 0 && otherValue
                && (epoch >= 0 || (step >= 0 && fields[step].LabelLength > 0)),
            IsHeldOut: (phase || _metric is null) && heldOutLoss,
            batchSize, epochLength, accumulation);
        if (template.IsTraining) template.TrainingIds = LabelIds(line, fields, epoch, step, [], heldOutLine: false);
        if (template.IsHeldOut)
            template.HeldOutIds = LabelIds(line, fields, epoch, step, line.Slice(prefixStart, prefixLength), heldOutLine: true);

        return template;
    }

    private void Apply(LineTemplate template, ReadOnlySpan<char> line, ReadOnlySpan<TextField> fields, ReadOnlySpan<char> key)
    {
        if (template.BatchSizeField >= 0 && BatchSize.Size == 0 && IsWhole(fields[template.BatchSizeField].Value, 1, 1 << 24))
            BatchSize = ((long)fields[template.BatchSizeField].Value, LineNumber);

        if (template.EpochLengthField >= 0) Note(StatedEpochLengths, fields[template.EpochLengthField].Value, line);
        if (template.AccumulationField >= 0) Note(Accumulations, fields[template.AccumulationField].Value, line);
        double epoch = template.Epoch >= 0 ? fields[template.Epoch].Value : _headerEpoch;
        if (template.IsHeader && StatesEpochLength(line, fields[template.Epoch]))
        {
            // "1 epoch = 20 batches": the length of every epoch, not the epoch the lines under it are in.
            Note(StatedEpochLengths, epoch, line);
            return;
        }

        // "Epoch 3/10" on its own line: the lines under it are that epoch's.
        if (template.IsHeader) _headerEpoch = epoch;

        // A line with a labelled step counter ("iter: 19", "step 340") needs no epoch: iteration-based loops
        // (detectron2, nanoGPT) print none, and the epoch length then comes from the user or the loss.
        if (template.IsTraining && (!double.IsNaN(epoch) || (template.Step >= 0 && fields[template.Step].LabelLength > 0)))
            AddTraining(template, line, fields, epoch, key);
        else if (template.IsHeldOut) AddRecord(-1, template.HeldOutIds!, fields, epoch, -1, -1, line);
        else if (template.IsLossFree) CountLossFree(template, line, fields);
        else if (template.IsHeader || !double.IsNaN(epoch)) ReportDangling(line, template.Epoch);
    }

    private void CountLossFree(LineTemplate template, ReadOnlySpan<char> line, ReadOnlySpan<TextField> fields)
    {
        LossFreeLines++;
        template.LossFreeCount++;

        // The labels to offer are those of the most common such line (the training lines), not of the first (often a
        // summary such as "Total epochs: 100; iters: 5600" printed before training starts).
        if (template.LossFreeCount <= (_lossFreeExample?.LossFreeCount ?? 0) || ReferenceEquals(template, _lossFreeExample))
            return;

        _lossFreeExample = template;
        LossFreeLabels.Clear();
        for (int i = 0; i < fields.Length && LossFreeLabels.Count < 12; i++)
        {
            if (i != template.Epoch && i != template.Step && fields[i].Kind == TextFieldKind.Value && fields[i].LabelLength > 0)
                LossFreeLabels.Add(fields[i].Label(line).ToString());
        }
    }

    private bool IsMetric(ReadOnlySpan<char> label) => _metric is null || TextLabels.SameName(label, _metric);

    /// <summary>timm's "Train: 3 [ 120/1251 ( 10%)]": a whole number labelled "Train" is the counter's epoch.</summary>
    private static bool IsPhaseEpoch(ReadOnlySpan<char> label, ReadOnlySpan<TextField> fields, int i) =>
        fields[i].Kind == TextFieldKind.Value && IsWhole(fields[i].Value, 0, double.PositiveInfinity)
        && (label.Equals("train", StringComparison.OrdinalIgnoreCase)
            || label.Equals("training", StringComparison.OrdinalIgnoreCase))
        && i + 1 < fields.Length && fields[i + 1].Kind != TextFieldKind.Value && fields[i + 1].LabelLength == 0;

    private void AddTraining(
        LineTemplate template, ReadOnlySpan<char> line, ReadOnlySpan<TextField> fields, double epoch, ReadOnlySpan<char> key)
    {
        if (template.Step >= 0 && fields[template.Step].Value is var counter && !IsWhole(counter, 0, 1e15))
        {
            // Counters are read as doubles and multiplied into global steps: past 10^15 they would lose whole steps.
            string why = counter > 1e15 ? "beyond the 10^15 steps a printed counter is read to" : counter < 0 ? "negative" : "not a whole number";
            Report(ProblemKind.BadValue, $"the step counter {ProblemReporter.Quote(fields[template.Step].Label(line))} is {counter}, {why}: line skipped");
            return;
        }

        int shape = template.Shape ??= ShapeOf(template, line, fields, key);
        if (shape < 0) return;
        if (_tokenizer.TooManyFields)
            Report(ProblemKind.LimitReached, $"more than {LineTokenizer.MaxFields} numbers in one line: the rest were not read");

        var (counterValue, total) = template.Step >= 0 ? ((long)fields[template.Step].Value, fields[template.Step].Total) : (-1L, -1L);
        if (!AddRecord(shape, template.TrainingIds!, fields, epoch, counterValue, total, line)) return;
        Shapes[shape].Lines++;
    }

    /// <summary>The line's shape, added when new; -1 past <see cref="MaxShapes"/> or the label limit.</summary>
    private int ShapeOf(LineTemplate template, ReadOnlySpan<char> line, ReadOnlySpan<TextField> fields, ReadOnlySpan<char> key)
    {
        if (_shapeIds.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out int id)) return id;
        int lossLabel = Labels.Get([], fields[template.Loss].Label(line), average: false, heldOut: false);
        if (lossLabel < 0) return -1;
        ShapesOverflowed |= Shapes.Count == MaxShapes;
        if (Shapes.Count == MaxShapes) return -1;
        var counter = template.Step < 0 ? (TextFieldKind?)null : fields[template.Step].Kind;
        Shapes.Add(new TextShape(lossLabel, counter, template.Epoch >= 0, template.IsDict, Shorten(line, 120)));
        return _shapeIds[key.ToString()] = Shapes.Count - 1;
    }

    private bool AddRecord(
        int shape, int[] ids, ReadOnlySpan<TextField> fields, double epoch, long counter, long total, ReadOnlySpan<char> line)
    {
        if (!HasRoom()) return false;
        int start = Values.Count;
        for (int i = 0; i < fields.Length; i++)
        {
            if (ids[2 * i] >= 0) Values.Add(new LabeledValue(ids[2 * i], fields[i].Value));
            if (!fields[i].HasAverage || ids[(2 * i) + 1] == -1) continue;
            if (ids[(2 * i) + 1] == AverageNotYetSeen)
            {
                var of = Labels[ids[2 * i]];
                ids[(2 * i) + 1] = Labels.Get([], of.Name, average: true, of.HeldOut);
            }

            if (ids[(2 * i) + 1] >= 0) Values.Add(new LabeledValue(ids[(2 * i) + 1], fields[i].Average));
        }

        if (shape < 0 && Values.Count == start) return false;
        Records.Add(new(shape, LineNumber, epoch, counter, total, WallTime(line), start, Values.Count - start));
        return true;
    }

    /// <summary>
    /// The label ids of each field's value and parenthesised average (-1: not kept): every labelled value but the epoch
    /// and the counter. Held-out lines' labels get the phase word in front unless they carry one.
    /// </summary>
    private int[] LabelIds(ReadOnlySpan<char> line, ReadOnlySpan<TextField> fields, int epoch, int step, ReadOnlySpan<char> prefix, bool heldOutLine)
    {
        var ids = new int[2 * fields.Length];
        Array.Fill(ids, -1);
        for (int i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            var label = field.Label(line);
            if (i == epoch || i == step || field.Kind != TextFieldKind.Value || label.IsEmpty || TextLabels.IsBatchSize(label) || !IsMetric(label))
                continue;

            bool labelHeldOut = TextLabels.HeldOutWord(label, out _, out _);
            var own = heldOutLine && !labelHeldOut ? prefix : [];
            bool heldOut = heldOutLine || labelHeldOut;
            ids[2 * i] = Labels.Get(own, label, average: false, heldOut);
            for (int repeat = 2; ids[2 * i] >= 0 && Array.IndexOf(ids, ids[2 * i], 0, 2 * i) >= 0 && repeat <= LineTokenizer.MaxFields; repeat++)
            {
                // The same label twice in a line ("Top-1 Acc: 91.7 Top-5 Acc: 99.4"): the second is its own series, "Acc #2".
                label = $"{field.Label(line)} #{repeat}";
                ids[2 * i] = Labels.Get(own, label, average: false, heldOut);
            }

            // A template's later lines may show an average where its first did not ("0.73 (0.81)" is not in the shape).
            ids[(2 * i) + 1] = ids[2 * i] < 0 ? -1 : field.HasAverage ? Labels.Get(own, label, average: true, heldOut) : AverageNotYetSeen;
        }

        return ids;
    }

    private void Note(List<StatedEpochLength> list, double value, ReadOnlySpan<char> line)
    {
        if (IsWhole(value, 2, 1e12 - 1) && list.Count < 1000)
            list.Add(new StatedEpochLength((long)value, LineNumber, Shorten(line.Trim(), 60)));
    }

    /// <summary>"1 epoch = 20 batches", "epoch: 1487 iterations": the epoch's number is followed by a unit of steps.</summary>
    private static bool StatesEpochLength(ReadOnlySpan<char> line, TextField epoch) =>
        epoch.Kind == TextFieldKind.Value
        && NumberAndWord().Match(line.ToString(), epoch.LabelStart + epoch.LabelLength) is { Success: true } match
        && TextLabels.IsStepUnit(match.Groups[1].ValueSpan);

    [GeneratedRegex(@"\G[ =:\t]*[0-9]+ +([A-Za-z]*)")]
    private static partial Regex NumberAndWord();

    /// <summary>A line with an epoch and "loss=" but no number after it is a damaged training line.</summary>
    private void ReportDangling(ReadOnlySpan<char> line, int epoch)
    {
        var (start, length) = _tokenizer.DanglingLoss;
        if (start < 0 || epoch < 0) return;
        Report(ProblemKind.BadValue,
            $"'{line.Slice(start, length)}' is not followed by a number ({ProblemReporter.Quote(line)}): line skipped");
    }

    /// <summary>Lines with no loss label are an error that names their values.</summary>
    public override IReadOnlyList<TrainingLog> Finish()
    {
        var read = new TextLogBuilder(Name, Options, Problems, this).Build();
        if (read.Count > 0 || TrainingLines > 0 || LossFreeLines == 0 || Options.Metric is not null) return read;
        throw new LogReadException(Problems.File,
            $"{LossFreeLines:N0} printed line(s) show an epoch or a step counter, but none labels a loss; the values they show are " +
            $"{string.Join(", ", LossFreeLabels.Select(l => ProblemReporter.Quote(l)))}: name the one to diagnose with {Options.Spell(Setting.Metric)} (for example {Options.Spell(new SettingHint(Setting.Metric, ProblemReporter.Quote(Example(LossFreeLabels))))})");
    }

    public override string NothingRead(string? metric) => metric is null
        ? "no printed training lines found (looked for lines with an epoch number or a step counter and a loss, e.g. 'epoch 3 step 120/500 loss=0.73' or 'iter 200: loss 2.31')"
        : $"no printed line shows an epoch number or a step counter and the metric '{metric}'";

    /// <summary>The first value that could be a loss: not a timing, a rate or a memory figure.</summary>
    private static string Example(List<string> labels) =>
        labels.FirstOrDefault(l => !TimingWords.Any(w => l.Contains(w, StringComparison.OrdinalIgnoreCase))) ?? labels[0];

    private double WallTime(ReadOnlySpan<char> line) =>
        Options.KeepWallTimes && MmLogPrefix.TryTimestamp(line.TrimStart(), out double time, out _) ? time : double.NaN;

    private bool HasRoom()
    {
        if (Records.Count < _maxRecords) return true;
        if (!_full)
        {
            Report(ProblemKind.LimitReached, _maxRecords < MaxRecords
                ? $"more than {_maxRecords:N0} training lines, as many as the memory budget holds ({Options.Spell(Setting.MemoryBudget)} raises it): the rest of the file was not read"
                : $"more than {MaxRecords} training lines: the rest of the file was not read");
        }

        _full = true;
        return false;
    }

    private static bool IsWhole(double value, double least, double most) => value >= least && value <= most && value == Math.Floor(value);

    private static string Shorten(ReadOnlySpan<char> text, int length) => text.Length <= length ? text.ToString() : $"{text[..length]}...";

    /// <summary>
    /// What the fields of one line template mean (field indices, -1 where none), worked out on its first line. A
    /// header is an epoch alone ("Epoch 3/10"); a loss-free line shows an epoch or a labelled step counter and other
    /// values but no loss ("(epoch: 1, iters: 100) G_GAN: 1.2"): counted, so that a file of them is refused with the
    /// names --metric could take.
    /// </summary>
    private sealed record LineTemplate(int Epoch, int Step, int Loss, bool IsDict, bool IsHeader, bool IsTraining,
        bool IsLossFree, bool IsHeldOut, int BatchSizeField, int EpochLengthField, int AccumulationField)
    {
        public int LossFreeCount { get; set; }

        /// <summary>Label ids for a training line, two per field (value, average), -1 where not kept.</summary>
        public int[]? TrainingIds { get; set; }

        public int[]? HeldOutIds { get; set; }

        /// <summary>The training shape, once the first line was kept; -1 past the limit.</summary>
        public int? Shape { get; set; }
    }
}
