namespace EpochLens.Readers.TensorBoard;

/// <summary>
/// The scalars of one run (a folder's event files, read in file-name order) as TensorBoard's
/// EventAccumulator would keep them (tensorboard/backend/event_processing/plugin_event_accumulator.py,
/// _ProcessEvent and _MaybePurgeOrphanedData), with two deliberate differences that a series of
/// strictly increasing steps forces, both reported:
/// <list type="bullet">
/// <item>A SessionLog START at step s (what SummaryWriter(purge_step=s) writes) discards every tag's points
/// at steps >= s, once the run has seen file_version >= 2 ("brain.Event:2"): as TensorBoard does, and as
/// the tb-resumed fixture's expected values show. (Some TensorBoard versions skip the run's first START;
/// TensorBoard 2.21, which made the fixture, purged on it.)</item>
/// <item>A step that goes back within a tag supersedes that tag's points from there on
/// (<see cref="MetricSeriesBuilder"/>): TensorBoard does this only for files without file_version 2 and
/// otherwise shows both curves overlapping. A repeated step keeps the later value (TensorBoard keeps both).</item>
/// </list>
/// </summary>
internal sealed class RunAccumulator(ReadOptions options, ProblemReporter problems)
{
    private const int StackTagChars = 256;

    private readonly Dictionary<string, TagState> _tags = new(StringComparer.Ordinal);
    private TagState? _last;

    /// <summary>Where problems go: a followed run's accumulator outlives each poll, which has its own sink.</summary>
    public ProblemReporter Problems { get; set; } = problems;

    /// <summary>The file being read, for problem reports.</summary>
    public string File { get; set; } = "";

    /// <summary>The scanner reading it, for record locations in problem reports.</summary>
    public TfRecordScanner? Scanner { get; set; }

    /// <summary>The run's event file version (2 for "brain.Event:2"), or 0 before one is seen; -1 when unparsable.</summary>
    public double FileVersion { get; private set; }

    public string Location => Scanner is null ? "" : $"record {Scanner.RecordIndex} at byte {Scanner.RecordOffset}";

    /// <summary>The last step of any kept tag, or null before the first point: how far a followed run has got.</summary>
    public long? LastStep => _tags.Values.Max(t => t.Builder?.LastStep);

    /// <summary>The records read into the run, well-formed Events or not.</summary>
    public long Records { get; private set; }

    /// <summary>Reports damage at the record being read.</summary>
    public void Report(ProblemKind kind, string message) => Problems.Report(File, Location, kind, message);

    /// <summary>Adds a record's scalars; a record that is not a well-formed Event is reported and skipped.</summary>
    public void Read(ReadOnlySpan<byte> payload)
    {
        Records++;
        if (EventDecoder.TryDecode(payload, this, options.KeepWallTimes)) return;
        Report(ProblemKind.Malformed, "a record that is not a well-formed Event: skipped");
    }

    /// <summary>The tag's state, made on first sight. Repeated tags hit a one-entry cache without decoding.</summary>
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

    /// <summary>
    /// Follows event_util.ParseFileVersion: the number after "brain.Event:", or -1 when there is none. Every text is
    /// taken, so this is true (for the decoder's field switch).
    /// </summary>
    public bool SetFileVersion(ReadOnlySpan<byte> version)
    {
        int colon = version.LastIndexOf("brain.Event:"u8);
        var number = colon < 0 ? version : version[(colon + "brain.Event:"u8.Length)..];
        FileVersion = double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : -1;
        return true;
    }

    /// <summary>A SessionLog START: a (re)started writer purges what the run holds from its step on.</summary>
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

    /// <summary>
    /// The run's log: its series by tag name and what they say about epochs; reports per-series facts once each. With
    /// <paramref name="keepPoints"/> the series are copies and the run can go on reading (a followed run).
    /// </summary>
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

    /// <summary>
    /// An "epoch" scalar says where epochs are. Lightning logs whole epoch numbers: the first logged step of
    /// each new value starts an epoch (exact only when it was logged every step). The Hugging Face Trainer's
    /// TensorBoardCallback logs "train/epoch" as its fractional epoch progress: step / epoch is the epoch length.
    /// </summary>
    private static EpochHint? EpochHintFrom(List<MetricSeries> series)
    {
        var epoch = series.FirstOrDefault(s => s.Role == SeriesRole.Epoch);
        if (epoch is null || epoch.Count < 2) return null;

        var values = epoch.Values;
        bool fractional = false;
        foreach (double v in values) fractional |= double.IsFinite(v) && v != Math.Floor(v);
        if (fractional)
        {
            // "train/epoch" is the Trainer's TensorBoardCallback, which logs at its global step, counted from 1.
            double? perEpoch = EpochHints.StepsPerEpochFromFraction(epoch.Steps, values);
            string origin = $"TensorBoard tag '{epoch.Name}': step / fractional epoch ({perEpoch:0.##})";
            return perEpoch >= 1 ? new EpochHint(perEpoch, null, origin, epoch.Name == "train/epoch" ? 1 : null) : null;
        }

        var starts = new List<long>();
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]) || (i > 0 && values[i] < values[i - 1])) return null;
            if (i == 0 || values[i] > values[i - 1]) starts.Add(epoch.Steps[i]);
        }

        return starts.Count < 2 ? null : new EpochHint(null, starts, $"TensorBoard tag '{epoch.Name}': the first logged step of each epoch");
    }
}
