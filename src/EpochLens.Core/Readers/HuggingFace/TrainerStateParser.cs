using System.Text.Json;
using EpochLens.Logs;
using EpochLens.Readers.Input;
using EpochLens.Readers.Json;
using EpochLens.Readers.JsonLines;
using EpochLens.Readers.Series;

namespace EpochLens.Readers.HuggingFace;

/// <summary>
/// Streams a trainer_state.json (tens of MB for long runs) with Utf8JsonReader over a refilled buffer,
/// keeping only the series. Format facts from transformers' trainer_callback.py (TrainerState.save_to_json:
/// json.dumps(asdict(state), indent=2, sort_keys=True), so log_history comes before logging_steps,
/// max_steps and num_train_epochs, and a NaN grad_norm is written as Python's bare NaN) and trainer.py
/// (Trainer.log appends {**logs, "step": global_step} with "epoch" to log_history).
/// A file cut short by a killed run keeps every entry before the cut.
/// </summary>
internal sealed class TrainerStateParser
{
    private const int MaxBuffer = 64 << 20;

    /// <summary>Bytes kept across a refill while looking for the next entry: a separator can straddle two reads.</summary>
    private const int EntrySeparatorReach = 4096;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    private readonly string _file;
    private readonly ReadOptions _options;
    private readonly ProblemReporter _problems;
    private readonly JsonKeys _keys = new(name => new JsonKey(name, name == "epoch", name == "step"));
    private readonly List<(JsonKey Key, double Value)> _entry = [];
    private TopKey _topKey;
    private bool _inHistory;
    private bool _sawRoot;
    private JsonKey? _entryKey;
    private int _entryKeys;
    private StepReading _entryStepReading;
    private long _entryStep;
    private long _entries;
    private long _entryOffset;
    private double _loggingSteps = double.NaN;
    private double _maxSteps = double.NaN;
    private double _numTrainEpochs = double.NaN;

    public TrainerStateParser(string file, ReadOptions options, IProblemSink problems)
    {
        _file = file;
        _options = options;
        _problems = new ProblemReporter(file, problems, options.Strict);
    }

    private enum TopKey
    {
        Other,
        LogHistory,
        LoggingSteps,
        MaxSteps,
        NumTrainEpochs,
    }

    public TrainingLog Read(string sourceName, string format)
    {
        using (var raw = LogFile.Open(_file, _options))
        {
            if (raw is FileStream { Length: 0 })
            {
                throw new LogReadException(_file, "the file is empty: not a trainer_state.json");
            }

            using var stream = new QuotingStream(TextEncoding.WithoutUtf8Mark(raw));
            Parse(stream);
            if (raw is SizeLimitedStream { LimitReached: true } bounded)
            {
                _problems.Report("", ProblemKind.LimitReached, bounded.LimitMessage);
            }
        }

        return Finish(sourceName, format);
    }

    private void Parse(Stream stream)
    {
        var buffer = new byte[1 << 16];
        int filled = 0;
        long bufferStart = 0;
        bool final = false;
        bool resynchronising = false;
        var state = new JsonReaderState(ReaderOptions);

        // Drops the first bytes of the buffer, read or skipped.
        void Drop(int count)
        {
            buffer.AsSpan(count, filled - count).CopyTo(buffer);
            filled -= count;
            bufferStart += count;
        }

        while (true)
        {
            (filled, final) = Fill(stream, ref buffer, filled);
            if (resynchronising)
            {
                // After a damaged entry: on at the next one, with the reader's state of an element of log_history.
                int next = NextEntry(buffer.AsSpan(0, filled));
                Drop(next >= 0 ? next : Math.Max(0, filled - EntrySeparatorReach));
                if (next < 0)
                {
                    if (final)
                    {
                        return;
                    }

                    continue;
                }

                resynchronising = false;
                state = InsideHistory();
            }

            var reader = new Utf8JsonReader(buffer.AsSpan(0, filled), final, state);
            long good = 0;
            var goodState = state;
            try
            {
                while (reader.Read())
                {
                    Handle(ref reader, bufferStart);
                    good = reader.BytesConsumed;
                    goodState = reader.CurrentState;
                }
            }
            catch (JsonException e)
            {
                bool resumable = _inHistory;
                if (!ReportDamage(buffer.AsSpan((int)good, filled - (int)good), goodState, bufferStart + good, e, resumable))
                {
                    return;
                }

                Drop((int)good + 1);
                resynchronising = true;
                continue;
            }

            if (final)
            {
                if (!_sawRoot)
                {
                    _problems.Report("", ProblemKind.Malformed, "no JSON object in the file");
                }

                return;
            }

            state = reader.CurrentState;
            Drop((int)reader.BytesConsumed);
            if (filled == buffer.Length)
            {
                if (buffer.Length >= MaxBuffer)
                {
                    _problems.Report($"byte {bufferStart}", ProblemKind.Malformed, $"a single JSON token longer than {MaxBuffer} bytes: reading stopped there");
                    return;
                }

                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
    }

    /// <summary>
    /// Where the next log_history entry starts: the '{' after a '}' and a comma (with any white space between), as
    /// json.dumps writes entries, which are flat objects; -1 when the text holds none.
    /// </summary>
    private static int NextEntry(ReadOnlySpan<byte> text)
    {
        for (int close = text.IndexOf((byte)'}'); close >= 0;)
        {
            int at = SkipWhiteSpace(text, close + 1);
            if (at < text.Length && text[at] == (byte)',')
            {
                at = SkipWhiteSpace(text, at + 1);
                if (at < text.Length && text[at] == (byte)'{')
                {
                    return at;
                }
            }

            int further = text[(close + 1)..].IndexOf((byte)'}');
            close = further < 0 ? -1 : close + 1 + further;
        }

        return -1;
    }

    private static int SkipWhiteSpace(ReadOnlySpan<byte> text, int at)
    {
        while (at < text.Length && text[at] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            at++;
        }

        return at;
    }

    /// <summary>The reader's state inside the log_history array of the root object, made by reading just that much.</summary>
    private static JsonReaderState InsideHistory()
    {
        var reader = new Utf8JsonReader("{\"log_history\":["u8, isFinalBlock: false, new JsonReaderState(ReaderOptions));
        while (reader.Read())
        {
        }

        return reader.CurrentState;
    }

    private (int Filled, bool Final) Fill(Stream stream, ref byte[] buffer, int filled)
    {
        try
        {
            while (filled < buffer.Length)
            {
                int read = stream.Read(buffer, filled, buffer.Length - filled);
                if (read == 0)
                {
                    return (filled, true);
                }

                filled += read;
            }

            return (filled, false);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            _problems.Report("", ProblemKind.Truncated, $"the compressed data is damaged ({e.Message}): reading stopped there");
            return (filled, true);
        }
    }

    /// <summary>
    /// A cut file is a valid prefix of JSON (a killed run); anything else is damage in the middle, which inside
    /// log_history skips to the next entry. True when reading goes on.
    /// </summary>
    private bool ReportDamage(ReadOnlySpan<byte> rest, JsonReaderState state, long offset, JsonException error, bool resumable)
    {
        bool prefix = true;
        try
        {
            var probe = new Utf8JsonReader(rest, isFinalBlock: false, state);
            while (probe.Read())
            {
            }
        }
        catch (JsonException)
        {
            prefix = false;
        }

        var where = _inHistory ? new SourcePosition("log_history entry", _entries + 1, _entryOffset).ToString() : $"byte {offset}";
        var reason = JsonHead.Reason(error);
        if (prefix)
        {
            _problems.Report(where, ProblemKind.Truncated, $"the file ends inside the JSON (a killed run?): the {_entries} complete log_history entries before it are kept");
            return false;
        }

        if (resumable)
        {
            _problems.Report(where, ProblemKind.Malformed, $"not valid JSON at byte {offset} or just after ({reason}): the entry is skipped, reading goes on at the next log_history entry");
            return true;
        }

        _problems.Report(where, ProblemKind.Malformed, $"not valid JSON at byte {offset} or just after ({reason}): the {_entries} complete log_history entries before it are kept, the rest is not read");
        return false;
    }

    private void Handle(ref Utf8JsonReader reader, long bufferStart)
    {
        int depth = reader.CurrentDepth;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject when depth == 0:
                _sawRoot = true;
                break;
            case JsonTokenType.PropertyName when depth == 1:
                _topKey = reader.ValueTextEquals("log_history"u8) ? TopKey.LogHistory
                    : reader.ValueTextEquals("logging_steps"u8) ? TopKey.LoggingSteps
                    : reader.ValueTextEquals("max_steps"u8) ? TopKey.MaxSteps
                    : reader.ValueTextEquals("num_train_epochs"u8) ? TopKey.NumTrainEpochs
                    : TopKey.Other;
                break;
            case JsonTokenType.StartArray when depth == 1 && _topKey == TopKey.LogHistory:
                _inHistory = true;
                break;
            case JsonTokenType.EndArray when depth == 1:
                _inHistory = false;
                break;
            case JsonTokenType.Number or JsonTokenType.String when depth == 1:
                if (JsonNumber.TryGet(ref reader, out double top))
                {
                    switch (_topKey)
                    {
                        case TopKey.LoggingSteps: _loggingSteps = top; break;
                        case TopKey.MaxSteps: _maxSteps = top; break;
                        case TopKey.NumTrainEpochs: _numTrainEpochs = top; break;
                    }
                }

                break;
            case JsonTokenType.StartObject when depth == 2 && _inHistory:
                _entry.Clear();
                _entryKey = null;
                _entryKeys = 0;
                _entryStepReading = StepReading.NotANumber;
                _entryOffset = bufferStart + reader.TokenStartIndex;
                break;
            case JsonTokenType.PropertyName when depth == 3 && _inHistory:
                _entryKey = Key(ref reader);
                break;
            case JsonTokenType.Number or JsonTokenType.String when depth == 3 && _inHistory && _entryKey is not null:
                if (JsonNumber.TryGet(ref reader, out double value))
                {
                    _entry.Add((_entryKey, value));
                    if (_entryKey.MayBeStep)
                    {
                        // Read from its digits: as a double, steps past 2^53 merge.
                        _entryStepReading = JsonNumber.ReadStep(ref reader, 0, out _entryStep, out _);
                    }
                }

                break;
            case JsonTokenType.EndObject when depth == 2 && _inHistory:
                _entries++;
                CommitEntry();
                break;
        }
    }

    /// <summary>The entry's key at the reader, decoded once (<see cref="JsonKeys"/>); null for a key that is no text.</summary>
    private JsonKey? Key(ref Utf8JsonReader reader)
    {
        var where = new SourcePosition("log_history entry", _entries + 1, _entryOffset);
        int length = _keys.AppendName(ref reader, 0);
        if (length < 0)
        {
            _problems.Report(where.ToString(), ProblemKind.Encoding, "a key with an escape that is no text (a lone UTF-16 surrogate): its value skipped");
            return null;
        }

        var key = _keys.Lookup(_entryKeys++, length, out bool isNew);
        if (isNew && !reader.ValueIsEscaped && !System.Text.Unicode.Utf8.IsValid(reader.ValueSpan))
        {
            _problems.Report(where.ToString(), ProblemKind.Encoding, $"a key with bytes that are not valid UTF-8, read as '{key.Name}'");
        }

        return key;
    }

    private void CommitEntry()
    {
        var where = new SourcePosition("log_history entry", _entries, _entryOffset);
        double stepValue = double.NaN;
        foreach (var (key, value) in _entry)
        {
            if (key.MayBeStep)
            {
                stepValue = value;
            }
        }

        if (_entryStepReading != StepReading.Whole)
        {
            string found = double.IsNaN(stepValue) ? "no \"step\"" : $"\"step\" is {stepValue}, {StepText.Describe(_entryStepReading)}";
            _problems.Report(where.ToString(), ProblemKind.BadValue, $"{found}: entry skipped");
            return;
        }

        long step = _entryStep;

        foreach (var (key, value) in _entry)
        {
            if (key.MayBeStep || (_options.Metric is { } metric && key.Name != metric && !key.IsEpoch))
            {
                continue;
            }

            // Past the most series a file may make, a new key's numbers are dropped.
            (key.Series ?? _keys.NewSeries(key, false, RoleOf(key.Name)))?.Add(step, value, double.NaN, _problems, where);
        }
    }

    /// <summary>The Trainer's own key names; "train_loss" is the whole run's mean in the final summary, not a training curve.</summary>
    private static SeriesRole RoleOf(string key) => key switch
    {
        "loss" => SeriesRole.TrainLoss,
        "eval_loss" => SeriesRole.HeldOutLoss,
        "learning_rate" => SeriesRole.LearningRate,
        "grad_norm" => SeriesRole.GradNorm,
        "epoch" => SeriesRole.Epoch,
        _ => SeriesRole.Other,
    };

    private TrainingLog Finish(string sourceName, string format)
    {
        var series = new List<MetricSeries>();
        MetricSeries? epochs = null;
        foreach (var collector in _keys.WithSeries.Select(k => k.Series!))
        {
            if (collector.Name == "loss")
            {
                // Built below, once the window is known.
                continue;
            }

            var built = collector.Build(_problems);
            if (built.Role == SeriesRole.Epoch)
            {
                epochs = built;
            }

            if (_options.Metric is null || built.Name == _options.Metric)
            {
                series.Add(built);
            }
        }

        if (_keys.WithSeries.Find(k => k.Name == "loss")?.Series is { } loss)
        {
            var built = loss.Build(_problems);
            series.Insert(0, built.With(averaging: IntervalMean(
                _loggingSteps >= 1 ? (int)Math.Round(_loggingSteps) : null, built.Steps, "transformers' Trainer logs the mean loss over each logging interval")));
        }

        return new TrainingLog(sourceName, format, series, Hint(epochs));
    }

    /// <summary>
    /// The Trainer's loss is a mean over the logging interval: in Trainer._maybe_log_save_evaluate,
    /// logs["loss"] = round(tr_loss_scalar / (self.state.global_step - self._globalstep_last_logged), 4),
    /// where tr_loss sums the per-step losses since the last log and is then reset. The window is
    /// logging_steps, or, when the file does not say, the usual spacing of the logged steps.
    /// </summary>
    public static ValueAveraging IntervalMean(int? loggingSteps, ReadOnlySpan<long> steps, string evidence)
    {
        int? window = loggingSteps;
        var source = "logging_steps";
        if (window is null && steps.Length > 1)
        {
            var gaps = new long[steps.Length - 1];
            for (int i = 1; i < steps.Length; i++)
            {
                gaps[i - 1] = steps[i] - steps[i - 1];
            }

            Array.Sort(gaps);
            window = (int)Math.Min(int.MaxValue, gaps[gaps.Length / 2]);
            source = "the median spacing of the logged steps";
        }

        return window is null
            ? new ValueAveraging(AveragingKind.MovingWindow, null, evidence)
            : new ValueAveraging(AveragingKind.MovingWindow, window, $"{evidence}: {window} steps ({source})");
    }

    /// <summary>
    /// Steps per epoch from the entries' own (step, epoch) pairs: Trainer.log writes the fractional epoch
    /// progress with every entry, so step / epoch is the epoch length whatever capped the run.
    /// max_steps / num_train_epochs is only a cross-check and a fallback: when max_steps capped the run, the
    /// Trainer sets num_train_epochs = ceil(max_steps / steps per epoch) and the ratio is short of the true
    /// length (10000 / 97 = 103.09 for 104). When it fits the entries (within a step, and where they cross whole
    /// epochs) and is a whole number, it is the exact length, which the entries only approach: with gradient
    /// accumulation the epoch counts batches, a fraction of a step per epoch off the optimizer steps.
    /// </summary>
    private EpochHint? Hint(MetricSeries? epochs)
    {
        double? fromEntries = epochs is null ? null : EpochHints.StepsPerEpochFromFraction(epochs.Steps, epochs.Values);
        double? fromState = _maxSteps > 0 && _numTrainEpochs > 0 ? _maxSteps / _numTrainEpochs : null;
        if (fromEntries is not double entries)
        {
            return fromState is double alone
                ? Counted(alone, "trainer_state.json max_steps / num_train_epochs (log_history has no fractional epochs to take it from)")
                : null;
        }

        var origin = $"trainer_state.json log_history step / epoch ({entries:0.##})";
        if (fromState is not double state)
        {
            return Counted(entries, origin);
        }

        if (FitsEntries(state, entries, epochs!))
        {
            return state == Math.Floor(state)
                ? Counted(state, $"{origin}, matched by max_steps / num_train_epochs = {state:0.##}, the whole number used")
                : Counted(entries, $"{origin}; max_steps / num_train_epochs = {state:0.##} agrees");
        }

        var why = state < entries && _numTrainEpochs == Math.Ceiling(_maxSteps / Math.Round(entries))
            ? $"max_steps {_maxSteps:0} capped the run and num_train_epochs {_numTrainEpochs:0} is rounded up"
            : "it does not fit the logged epochs";
        return Counted(entries, $"{origin}; not max_steps / num_train_epochs = {state:0.##}: {why}");
    }

    /// <summary>The Trainer's global step counts updates from 1: epoch e holds steps eN+1 to (e+1)N.</summary>
    private static EpochHint Counted(double stepsPerEpoch, string origin) => new(stepsPerEpoch, null, origin, FirstEpochStart: 1);

    /// <summary>Whether max_steps / num_train_epochs fits the entries: within a step of their ratio (plus the epochs' rounding) and at every whole-epoch crossing.</summary>
    private static bool FitsEntries(double state, double entries, MetricSeries epochs)
    {
        double top = 0;
        foreach (double e in epochs.Values)
        {
            top = double.IsFinite(e) ? Math.Max(top, e) : top;
        }

        double tolerance = 1 + (top > 0 ? entries * 0.01 / top : 0);
        return Math.Abs(state - entries) <= tolerance && EpochHints.FitsEpochCrossings(state, epochs.Steps, epochs.Values);
    }
}
