namespace EpochLens.Readers.ConsoleLogs;

/// <summary>
/// Turns the segments of a Keras console log into one training log per <c>fit</c> call. Formats followed:
/// keras/src/utils/progbar.py (Keras 3: "k/N ━━━━ 5s 2ms/step - loss: x", verbose=2 "k/N - 3s - 2ms/step - loss: x"),
/// tensorflow/python/keras/utils/generic_utils.py Progbar (TF1/TF2: "k/N [====>...] - ETA: 2:03 - loss: x",
/// final "k/N [=====] - 5s 2ms/step - loss: x - val_loss: y", TF2 verbose=2 "k/N - 3s - loss: x - 3s/epoch - 2ms/step"),
/// keras/engine/training_arrays.py ("Train on N samples, validate on M samples"; TF1 verbose=2 " - 5s - loss: x").
/// </summary>
internal sealed class KerasLogParser(ConsoleLogParser.Context context) : ConsoleLogParser(context)
{
    private const string RunningMeanEvidence =
        "Keras progress lines show each metric's mean over the epoch's batches so far (Progbar averaging of the epoch's running metrics), reset at every epoch";

    private const string EpochEndEvidence = "Keras prints each metric's mean over the whole epoch at the epoch's end";

    // The timing parts: "5s", "2ms/step", "5s 83us/sample", "3s/epoch", Keras 3's "1:02 2ms/step".
    private static readonly SearchValues<char> TimingChars =
        SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ/.: ,");

    private readonly List<TrainingLog> _logs = [];
    private readonly SeriesSet _series = new(context);
    private Run _run = new();

    public override void Parse(ReadOnlySpan<char> segment)
    {
        var text = ConsoleText.TrimQuoting(segment);
        if (text.IsEmpty) return;
        if (text.StartsWith("Epoch ")) ParseEpochHeader(text["Epoch ".Length..]);
        else if (text.StartsWith("Train on ") || text.StartsWith("Train for ")) StartRunHeader(text);
        else if (char.IsAsciiDigit(text[0])) ParseProgress(text);
        else if (text.StartsWith("- ") && text.Contains(": ", StringComparison.Ordinal)) ParseEpochSummary(text);
    }

    public override IReadOnlyList<TrainingLog> Finish()
    {
        if (!_series.HasPoints) return _logs;
        var name = _logs.Count == 0 ? Name : $"{Name} (run {_logs.Count + 1})";
        var origin = _run.CountsSamples ? "Keras progress 'k/N' (k counts samples, not batches)" : "Keras progress 'k/N'";
        var hint = _run.EpochsAreSteps
            ? new EpochHint(1, [.. _run.EpochStarts], "Keras per-epoch lines (no 'k/N' counter): one step per epoch")
            : _run.StepsPerEpoch is { } n ? new EpochHint(n, [.. _run.EpochStarts], origin) : null;
        _logs.Add(new TrainingLog(name, KerasReader.Default.Format, _series.Build(Describe, name), hint));
        return _logs;
    }

    public override string NothingRead(string? metric) => metric is null
        ? "no Keras training progress found (expected 'Epoch n/m' lines followed by 'k/N [=====] - loss: x' progress lines)"
        : $"no Keras progress line shows the metric '{metric}'";

    /// <summary>
    /// The "k/N" or "k/Unknown" that opens a progress line (N null for Unknown), when a bar ("[", "━") or the " - " of
    /// the verbose=2 form follows it: any other "3/4" text is no progress line.
    /// </summary>
    internal static bool TryCounter(ref ReadOnlySpan<char> text, out long position, out long? target)
    {
        target = null;
        var rest = text;
        if (!TextNumber.TryTakeDigits(ref rest, out position) || !rest.StartsWith("/")) return false;
        rest = rest[1..];
        if (rest.StartsWith("Unknown")) rest = rest["Unknown".Length..];
        else if (TextNumber.TryTakeDigits(ref rest, out long n)) target = n;
        else return false;
        text = rest;
        return rest.StartsWith(" [") || rest.StartsWith(" ━") || rest.StartsWith(" - ");
    }

    private (SeriesRole, ValueAveraging?) Describe(SeriesEntry entry)
    {
        var name = entry.Builder.Name;
        if (name is "lr" or "learning_rate") return (SeriesRole.LearningRate, null);
        if (name == "epoch") return (SeriesRole.Epoch, null);

        // Evaluated once per epoch over the validation data, not averaged along training.
        if (entry.IsValidation) return (name == "val_loss" ? SeriesRole.HeldOutLoss : SeriesRole.Other, null);
        var role = name == "loss" ? SeriesRole.TrainLoss : SeriesRole.Other;
        return entry.SawMidEpochValue && !_run.EpochsAreSteps
            ? (role, new ValueAveraging(AveragingKind.RunningMeanSinceEpochStart, null, RunningMeanEvidence))
            : (role, new ValueAveraging(AveragingKind.EpochMean, null, EpochEndEvidence));
    }

    private void StartNewRunIfUsed()
    {
        if (_run.Epoch is null && !_series.HasPoints) return;
        Finish();
        _run = new Run();
    }

    /// <summary>"Train on 60000 samples, validate on 10000 samples" or "Train for 1875 steps, ...": a new fit call.</summary>
    private void StartRunHeader(ReadOnlySpan<char> text)
    {
        StartNewRunIfUsed();
        int comma = text.IndexOf(',');
        _run.CountsSamples = (comma < 0 ? text : text[..comma]).TrimEnd().EndsWith("samples");
    }

    /// <summary>"Epoch 3/10" (after "Epoch "). Other "Epoch ..." lines (callbacks' "Epoch 00003: ...") are not headers.</summary>
    private void ParseEpochHeader(ReadOnlySpan<char> text)
    {
        if (!TextNumber.TryTakeDigits(ref text, out long epoch) || text.IsEmpty || text[0] != '/') return;
        text = text[1..];
        bool numbered = TextNumber.TryTakeDigits(ref text, out long epochs);

        // "Epoch 3/10 done ...": someone's own print, not the Keras header.
        if (numbered && !text.IsEmpty && char.IsWhiteSpace(text[0]) && !text.Trim().IsEmpty) return;
        if (!numbered || !text.Trim().IsEmpty || epoch == 0 || epoch > epochs || epoch > int.MaxValue)
        {
            Report(ProblemKind.Malformed, $"not a valid epoch header: 'Epoch {ProblemReporter.Quote(text)}' ignored");
            return;
        }

        if (epoch == 1) StartNewRunIfUsed();
        (_run.Epoch, _run.EpochOpen, _run.JustClosed, _run.LastPosition) = ((int)epoch, true, false, 0);
        (_run.EpochOrigin, _run.EpochTarget) = (null, null);
    }

    private void ParseProgress(ReadOnlySpan<char> text)
    {
        var rest = text;
        if (!TryCounter(ref rest, out long position, out long? target)) return;
        if (target is 0 || position > target)
        {
            Report(ProblemKind.Malformed, $"progress counter {position}/{target} is out of range: line skipped");
            return;
        }

        if (_run.Epoch is null)
        {
            // Keras 3 prints no "Epoch 1/1" header for a single-epoch fit.
            _run.Epoch = 1;
            _run.EpochOpen = true;
        }
        else if (!_run.EpochOpen && !(_run.JustClosed && position == _run.LastPosition && target == _run.EpochTarget))
        {
            // An evaluate() or predict() bar after the epoch: not training progress. (Keras 3 draws the last
            // step twice, the second time with the val_ metrics: that redraw is kept.)
            _run.JustClosed = false;
            return;
        }
        else if (_run.EpochTarget is { } shown && target is { } now && shown != now)
        {
            return;
        }

        if (!TrySkipBar(ref rest))
        {
            Report(ProblemKind.Malformed, $"progress bar is damaged: {ProblemReporter.Quote(text)} skipped");
            return;
        }

        _run.EpochTarget ??= target;
        _run.StepsPerEpoch ??= target;
        long length = target ?? _run.StepsPerEpoch ?? 0;
        if (!StepText.TryEpochStep(_run.Epoch ?? 1, length, position, out _))
        {
            Report(ProblemKind.Malformed, $"progress counter {position} in epoch {_run.Epoch}: its step would not fit in 64 bits: line skipped");
            return;
        }

        if (_run.EpochOrigin is null)
        {
            _run.EpochOrigin = length > 0 ? (_run.Epoch!.Value - 1) * length : _run.LastStep;
            _run.EpochStarts.Add(_run.EpochOrigin.Value + 1);
        }

        bool final = position == target;
        bool redraw = position == _run.LastPosition;
        _run.LastPosition = position;
        Record(_run.EpochOrigin.Value + position, rest, final, redraw);
        _run.EpochOpen &= !final;
        _run.JustClosed |= final;
    }

    /// <summary>TF1 verbose=2: " - 5s - loss: 0.4957 - acc: 0.8256 - val_loss: ..." once per epoch, with no counter.</summary>
    private void ParseEpochSummary(ReadOnlySpan<char> text)
    {
        if (_run.Epoch is null || !_run.EpochOpen) return;
        _run.EpochsAreSteps |= _run.StepsPerEpoch is null;
        long step = _run.Epoch.Value * (_run.EpochsAreSteps ? 1 : _run.StepsPerEpoch!.Value);
        if (_run.EpochsAreSteps) _run.EpochStarts.Add(step);
        Record(step, text[1..], final: true, redraw: false);
        _run.EpochOpen = false;
    }

    /// <summary>Skips the bar and the timing that follow the counter; false when the bar is damaged.</summary>
    private static bool TrySkipBar(ref ReadOnlySpan<char> rest)
    {
        if (rest.StartsWith(" ["))
        {
            int close = rest.IndexOf(']');
            if (close < 0 || rest[2..close].ContainsAnyExcept("=>.")) return false;
            rest = rest[(close + 1)..];
        }
        else if (rest.StartsWith(" ━"))
        {
            rest = rest[1..].TrimStart('━');
        }

        return true;
    }

    /// <summary>Records the "name: value" parts of " - "-separated text at one step.</summary>
    private void Record(long step, ReadOnlySpan<char> parts, bool final, bool redraw)
    {
        foreach (var range in parts.Split(" - ".AsSpan()))
        {
            var part = parts[range].Trim();
            int colon = part.IndexOf(": ");
            var name = colon < 0 ? default : part[..colon];
            if (part.IsEmpty || name.SequenceEqual("ETA") || (colon < 0 && IsTiming(part))) continue;
            if (colon < 0 || !ConsoleText.IsMetricName(name))
            {
                Report(ProblemKind.Malformed, $"unrecognised part {ProblemReporter.Quote(part)} skipped");
            }
            else if (!_series.Wants(name))
            {
                continue;
            }
            else if (!TextNumber.TryParseDouble(part[(colon + 2)..], out double value))
            {
                Report(ProblemKind.BadValue, $"'{name}' is not a number: {ProblemReporter.Quote(part[(colon + 2)..])} skipped");
            }
            else
            {
                bool validation = name.StartsWith("val_");
                _series.Add(name, step, value, double.NaN, validation, countRepeat: !redraw && !validation)
                    .SawMidEpochValue |= !final;
            }
        }

        if (!_series.EndLine(step, epochShownAgain: _run.Epoch ?? 0)) return;
        _series.Get("epoch")?.Builder.Add(step, _run.Epoch ?? 0);
        _run.CountsSamples |= parts.Contains("/sample", StringComparison.Ordinal);
        _run.LastStep = Math.Max(_run.LastStep, step);
    }

    private static bool IsTiming(ReadOnlySpan<char> part) =>
        char.IsAsciiDigit(part[0]) && !part.ContainsAnyExcept(TimingChars);

    /// <summary>What the current <c>fit</c> call has shown so far; a new call starts afresh.</summary>
    private sealed class Run
    {
        public readonly SortedSet<long> EpochStarts = [];
        public bool CountsSamples; // k in "k/N" counts samples ("Train on N samples", "83us/sample"), not batches
        public long? StepsPerEpoch; // the first known N of "k/N", in what k counts
        public bool EpochsAreSteps; // one line per epoch and no "k/N" (TF1 verbose=2)
        public int? Epoch; // the epoch being shown (1-based), null before the first
        public bool EpochOpen; // the epoch's final k == N line not seen yet
        public bool JustClosed; // the last progress line closed the epoch (a redraw of it is still the epoch's)
        public long? EpochOrigin; // the step before the epoch's first, once known
        public long? EpochTarget; // N of the epoch's bar (null for "Unknown")
        public long LastPosition; // the last k shown in the epoch
        public long LastStep; // the largest step recorded in the run
    }
}
