namespace EpochLens.Readers.TensorBoard;

/// <summary>
/// The scalars of one run (a folder's event files in file-name order) as TensorBoard's EventAccumulator keeps them
/// (plugin_event_accumulator.py, _ProcessEvent and _MaybePurgeOrphanedData). A SessionLog START at step s
/// (SummaryWriter(purge_step=s)) discards every tag's points at steps >= s once file_version >= 2 was seen, as
/// TensorBoard 2.21 did making the tb-resumed fixture (some versions skip the run's first START). Two differences,
/// both reported, that strictly increasing steps force: a step that goes back supersedes the tag's later points
/// (TensorBoard does so only without file_version 2, else overlaps both curves), and a repeated step keeps the later
/// value (TensorBoard keeps both).
/// </summary>
internal sealed class RunAccumulator(ReadOptions options, ProblemReporter problems)
{
    private const int StackTagChars = 256;

    private readonly Dictionary<string, TagState> _tags = new(StringComparer.Ordinal);
    private TagState? _last;

    /// <summary>Set again by each poll of a followed run, which has its own sink.</summary>
    public ProblemReporter Problems { get; set; } = problems;

    /// <summary>The file being read and its scanner, for problem locations.</summary>
    public string File { get; set; } = "";

    public TfRecordScanner? Scanner { get; set; }

    /// <summary>2 for "brain.Event:2"; 0 before one is seen, -1 when unparsable.</summary>
    public double FileVersion { get; private set; }

    public string Location => Scanner is null ? "" : $"record {Scanner.RecordIndex} at byte {Scanner.RecordOffset}";

    /// <summary>How far a followed run has got: the last step of any kept tag.</summary>
    public long? LastStep => _tags.Values.Max(t => t.Builder?.LastStep);

    /// <summary>The records read into the run, well-formed Events or not.</summary>
    public long Records { get; private set; }

    public void Report(ProblemKind kind, string message) => Problems.Report(File, Location, kind, message);

    public void Read(ReadOnlySpan<byte> payload)
    {
        Records++;
        if (EventDecoder.TryDecode(payload, this, options.KeepWallTimes)) return;
        Report(ProblemKind.Malformed, "a record that is not a well-formed Event: skipped");
    }

    /// <summary>The tag's state, made on first sight; a repeated tag hits a one-entry cache without decoding.</summary>
    public TagState Tag(ReadOnlySpan<byte> utf8)
    {
        if (_last is { } last && utf8.SequenceEqual(last.Utf8)) return last;

        Span<char> chars = utf8.Length <= StackTagChars ? stackalloc char[StackTagChars] : new char[utf8.Length];
        int count = Encoding.UTF8.GetChars(utf8, chars);
        var name = chars[..count];
        if (!_tags.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var tag))
        {
            string text = name.ToString();
            bool wanted = options.Metric is null || options.Metric == text;
            tag = new TagState(text, utf8.ToArray(), wanted ? new MetricSeriesBuilder(text, options.KeepWallTimes) : null);
            _tags.Add(text, tag);
        }

        _last = tag;
        return tag;
    }

    public void Add(TagState tag, long step, double value, double wallTime)
    {
        var builder = tag.Builder!;
        long? lastStep = builder.LastStep;
        switch (builder.Add(step, value, wallTime))
        {
            case StepOrder.Restarted:
                Problems.Note(File, Location, ProblemKind.StepsWentBack, $"tag '{tag.Name}': step {step} follows step {lastStep}: "
                    + $"treated as a resumed run, {builder.LastRemoved} later point(s) superseded");
                break;
            case StepOrder.ReplacedDuplicate when tag.Duplicates++ == 0:
                tag.FirstDuplicateStep = step;
                break;
        }
    }

    /// <summary>As event_util.ParseFileVersion: the number after "brain.Event:", else -1. True (for the decoder).</summary>
    public bool SetFileVersion(ReadOnlySpan<byte> version)
    {
        int colon = version.LastIndexOf("brain.Event:"u8);
        var number = colon < 0 ? version : version[(colon + "brain.Event:"u8.Length)..];
        FileVersion = double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : -1;
        return true;
    }

    public void SessionStart(long step)
    {
        if (FileVersion < 2) return;

        long removed = _tags.Values.Sum(tag => tag.Builder?.DiscardFrom(step) ?? 0L);
        if (removed == 0) return;

        Problems.Note(File, Location, ProblemKind.StepsWentBack, $"SessionLog START at step {step} (a resumed run, e.g. "
            + $"SummaryWriter(purge_step={step})): {removed} earlier point(s) at steps >= {step} discarded, as TensorBoard does");
    }

    public void NonScalarTensor(TagState tag)
    {
        if (tag.NonScalarTensors++ > 0) return;
        Report(ProblemKind.Malformed,
            $"tag '{tag.Name}': a 'scalars' tensor that is not a one-element number: skipped (later ones are counted)");
    }

    /// <summary>With <paramref name="keepPoints"/> the series are copies and the run can read on.</summary>
    public TrainingLog Build(string source, bool keepPoints = false)
    {
        var series = new List<MetricSeries>();
        foreach (var tag in _tags.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            if (tag.Builder is null || tag.Builder.Count == 0) continue;

            string name = $"tag '{tag.Name}'";
            if (tag.Duplicates > 0)
            {
                Problems.Note(source, "", ProblemKind.DuplicateStep,
                    $"{name}: {tag.Duplicates} repeated step(s), the first at step {tag.FirstDuplicateStep}: the later value kept");
            }

            if (tag.NonScalarTensors > 1)
            {
                Problems.Note(source, "", ProblemKind.Malformed,
                    $"{name}: {tag.NonScalarTensors} non-scalar 'scalars' tensors skipped");
            }

            var built = keepPoints ? tag.Builder.Snapshot(TagRoles.Of(tag.Name)) : tag.Builder.Build(TagRoles.Of(tag.Name));
            if (built.NonFiniteCount > 0)
            {
                Problems.Note(source, "", ProblemKind.NonFinite,
                    $"{name}: {built.NonFiniteCount} NaN or infinite value(s), kept");
            }

            series.Add(built);
        }

        if (options.Metric is not null && series.Count == 0)
        {
            var known = string.Join(", ", _tags.Keys.Order(StringComparer.Ordinal).Take(20));
            Problems.Note(source, "", ProblemKind.Skipped,
                $"no scalars for tag '{options.Metric}' (tags here: {(known.Length == 0 ? "none" : known)})");
        }

        return new TrainingLog(source, TensorBoardReader.Default.Format, series, EpochHintFrom(series));
    }

    /// <summary>Lightning logs whole epochs (exact if logged every step), the Trainer epoch fractions.</summary>
    private static EpochHint? EpochHintFrom(List<MetricSeries> series)
    {
        var epoch = series.FirstOrDefault(s => s.Role == SeriesRole.Epoch);
        if (epoch is null || epoch.Count < 2) return null;

        var tag = $"TensorBoard tag '{epoch.Name}'";
        var hint = EpochHints.FromEpochSeries(epoch, $"{tag}: the first logged step of each epoch");
        if (hint is { StepsPerEpoch: { } perEpoch })
        {
            long? first = epoch.Name == "train/epoch" ? 1 : null; // the Trainer's global step, counted from 1
            var origin = $"{tag}: step / fractional epoch ({perEpoch:0.##})";
            return perEpoch >= 1 ? hint with { Origin = origin, FirstEpochStart = first } : null;
        }

        // Whole epochs only when they never go back.
        var values = epoch.Values;
        bool monotone = true;
        for (int i = 0; i < values.Length; i++)
            monotone &= double.IsFinite(values[i]) && (i == 0 || values[i] >= values[i - 1]);
        return monotone ? hint : null;
    }
}
