using EpochLens.Logs;
using EpochLens.Readers.ConsoleLogs;
using EpochLens.Readers.Input;
using EpochLens.Readers.JsonLines;
using EpochLens.Readers.Series;
using EpochLens.Settings;

namespace EpochLens.Readers.Text;

/// <summary>
/// Turns the lines a <see cref="TextLogParser"/> kept into training logs: picks the training loop's line shape
/// (the most common one, counters and epochs weighing in: <see cref="TextShape.Weight"/>; with the shapes that differ from it only in extra labels), splits runs where the epoch
/// goes back to its start, gives every line its global step from the counters it prints, and puts held-out lines
/// at the last training step before them.
/// </summary>
internal sealed class TextLogBuilder(string name, ReadOptions options, ProblemReporter problems, TextLogParser parser)
{
    /// <summary>More runs than this in one file are not read (each run is a full set of series).</summary>
    public const int MaxRuns = 1000;

    private const string AverageEvidence =
        "the value in parentheses after each value, as PyTorch examples' AverageMeter prints 'val (avg)': the mean since the meter was created, usually at each epoch's start";

    private const string DictEvidence =
        "the Hugging Face Trainer prints the mean loss over each logging_steps window; a step here is one printed line";

    private readonly string _name = name;
    private readonly ProblemReporter _problems = problems;
    private readonly TextLogParser _parser = parser;
    private readonly bool _keepWallTimes = options.KeepWallTimes;
    private readonly SettingSpelling _spell = options.Spell;

    public List<TrainingLog> Build()
    {
        var logs = new List<TrainingLog>();
        var shapes = _parser.Shapes;
        if (shapes.Count == 0)
        {
            return logs;
        }

        var primary = shapes.MaxBy(s => s.Weight)!;
        var read = new bool[shapes.Count];
        for (int i = 0; i < shapes.Count; i++)
        {
            var shape = shapes[i];
            read[i] = shape.LossLabel == primary.LossLabel && (shape.Counter is null) == (primary.Counter is null) && shape.IsDict == primary.IsDict;
            if (!read[i])
            {
                _problems.Report("", ProblemKind.Assumed,
                    $"{shape.Lines} line(s) like {ProblemReporter.Quote(shape.Example)} are not read as training points: the training lines are those like {ProblemReporter.Quote(primary.Example)}");
            }
        }

        if (_parser.ShapesOverflowed)
        {
            _problems.Report("", ProblemKind.LimitReached, $"more than {TextLogParser.MaxShapes} kinds of training line: lines of the others were not read");
        }

        if (_parser.Labels.Overflowed)
        {
            _problems.Report("", ProblemKind.LimitReached, $"more than {TextLabelTable.MaxLabels} labels: the values of the others were not read");
        }

        var records = _parser.Records;
        int wraps = EpochsFromWrappingCounter(read);

        // Lines with a step but no epoch are read only when no training line shows an epoch.
        bool epochs = false;
        int epochless = 0;
        for (int i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (!record.HeldOut && read[record.Shape])
            {
                epochs |= !double.IsNaN(record.Epoch);
                epochless += double.IsNaN(record.Epoch) ? 1 : 0;
            }
        }

        if (epochs && epochless > 0)
        {
            _problems.Report("", ProblemKind.Assumed, $"{epochless} training line(s) with a step counter but before any epoch is printed are not read");
        }
        else if (wraps > 0)
        {
            _problems.Report("", ProblemKind.Assumed, $"the training lines print no epoch, but their step counter starts again after reaching its total ('i/N'): each of the {wraps} restarts is taken as a new epoch");
        }
        else if (!epochs && _parser.StatedEpochLengths.Count == 0)
        {
            _problems.Report("", ProblemKind.Assumed, $"the training lines print a step counter but no epoch: the steps are the counter's, and where epochs begin must come from {_spell(Setting.StepsPerEpoch)} or the loss");
        }

        var runs = SplitRuns(read);
        for (int r = 0; r < runs.Count; r++)
        {
            var name = runs.Count == 1 ? _name : $"{_name} (run {r + 1})";
            if (BuildRun(name, runs[r].Start, runs[r].End, read, primary, epochs) is { } log)
            {
                logs.Add(log);
            }
        }

        return logs;
    }

    /// <summary>
    /// Where no training line prints an epoch but the step counter has a total ("it 340/1250") and starts again each
    /// time it reaches it, each restart is an epoch: the total is the epoch's length, and a resumed run would start
    /// again from its checkpoint, not from the first step just after the last. Numbers the epochs from 1 in the records
    /// and returns the restarts; 0 (records untouched) where any line prints an epoch, the totals differ, or the
    /// counter goes back anywhere but from the epoch's last logging interval.
    /// </summary>
    private int EpochsFromWrappingCounter(bool[] read)
    {
        var records = _parser.Records;
        var train = new List<int>();
        long total = -1, stride = 0;
        for (int i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (record.HeldOut || !read[record.Shape])
            {
                continue;
            }

            if (!double.IsNaN(record.Epoch) || record.Counter < 0 || record.Total <= 0 || (total > 0 && record.Total != total))
            {
                return 0;
            }

            total = record.Total;
            if (train.Count > 0 && record.Counter > records[train[^1]].Counter)
            {
                stride = Math.Max(stride, record.Counter - records[train[^1]].Counter);
            }

            train.Add(i);
        }

        int wraps = 0;
        for (int k = 1; k < train.Count; k++)
        {
            long previous = records[train[k - 1]].Counter, counter = records[train[k]].Counter;
            if (counter <= previous)
            {
                if (previous + stride < total || counter > stride)
                {
                    return 0;
                }

                wraps++;
            }
        }

        if (wraps == 0)
        {
            return 0;
        }

        int epoch = 1;
        for (int k = 0; k < train.Count; k++)
        {
            var record = records[train[k]];
            epoch += k > 0 && record.Counter <= records[train[k - 1]].Counter ? 1 : 0;
            records.Set(train[k], record with { Epoch = epoch });
        }

        return wraps;
    }

    /// <summary>Record ranges, one per run: a new run starts where the epoch goes back to (or below) the run's first epoch.</summary>
    private List<(int Start, int End)> SplitRuns(bool[] read)
    {
        var records = _parser.Records;
        var runs = new List<(int, int)>();
        int start = 0;
        double first = double.NaN, last = double.NaN;
        for (int i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (record.HeldOut || !read[record.Shape])
            {
                continue;
            }

            if (double.IsNaN(first))
            {
                first = last = record.Epoch;
                continue;
            }

            if (record.Epoch < last && record.Epoch <= first)
            {
                if (runs.Count == MaxRuns - 1)
                {
                    _problems.Report(Where(record), ProblemKind.LimitReached, $"more than {MaxRuns} runs in one file: the rest were not read");
                    runs.Add((start, i));
                    return runs;
                }

                runs.Add((start, i));
                start = i;
                first = record.Epoch;
            }

            last = record.Epoch;
        }

        runs.Add((start, records.Count));
        return runs;
    }

    private TrainingLog? BuildRun(string name, int start, int end, bool[] read, TextShape primary, bool epochs)
    {
        var records = _parser.Records;
        var train = new List<int>();
        for (int i = start; i < end; i++)
        {
            if (!records[i].HeldOut && read[records[i].Shape] && double.IsNaN(records[i].Epoch) != epochs)
            {
                train.Add(i);
            }
        }

        if (train.Count == 0)
        {
            return null;
        }

        var steps = new long[train.Count];
        var hint = epochs ? AssignSteps(train, steps, primary) : CounterSteps(train, steps) ?? StatedLength(records[train[^1]].Line);
        return Collect(name, start, end, train, steps, hint, primary);
    }

    /// <summary>
    /// For lines with a step counter and no epoch: the epoch length the log stated last before the run's last line
    /// ("1 epoch = 20 batches"; a file of restarted runs keeps the last one's points), counted from the counter's first
    /// step; null (with a note) where it states none, or where the same section also prints a gradient accumulation,
    /// which makes its batches no steps.
    /// </summary>
    private EpochHint? StatedLength(long lastLine)
    {
        if (_parser.StatedEpochLengths.Count == 0)
        {
            return null;
        }

        int k = _parser.StatedEpochLengths.FindLastIndex(s => s.Line < lastLine);
        if (k < 0)
        {
            _problems.Report("", ProblemKind.Assumed, $"the training lines print a step counter but no epoch, and no epoch length is stated before them: where epochs begin must come from {_spell(Setting.StepsPerEpoch)} or the loss");
            return null;
        }

        var stated = _parser.StatedEpochLengths[k];
        long sectionStart = k > 0 ? _parser.StatedEpochLengths[k - 1].Line : 0;
        var accumulation = _parser.Accumulations.FindLast(a => a.Line > sectionStart && a.Line < lastLine);

        if (accumulation.Line != 0)
        {
            _problems.Report($"line {stated.Line}", ProblemKind.Assumed,
                $"the log states an epoch length ({ProblemReporter.Quote(stated.Text)}) but also a gradient accumulation of {accumulation.Value} (line {accumulation.Line}): its batches are not steps, so where epochs begin must come from {_spell(Setting.StepsPerEpoch)} or the loss");
            return null;
        }

        _problems.Report($"line {stated.Line}", ProblemKind.Assumed,
            $"the training lines print a step counter but no epoch: epochs are {stated.Value} steps long as the log states ({ProblemReporter.Quote(stated.Text)}), counted from the counter's first step");
        return new EpochHint(stated.Value, null, $"the log's own statement on line {stated.Line}", FirstEpochStart: 1);
    }

    /// <summary>Lines without epochs: each line's step is its counter (from 1 when the counter starts at 0); no epochs are known.</summary>
    private EpochHint? CounterSteps(List<int> train, long[] steps)
    {
        var records = _parser.Records;
        bool zeroBased = train.Exists(i => records[i].Counter == 0);
        for (int j = 0; j < steps.Length; j++)
        {
            steps[j] = records[train[j]].Counter + (zeroBased ? 1 : 0);
        }

        return null;
    }

    /// <summary>Each training line's global step, and what the counters say about epochs (null when the epoch series must tell).</summary>
    private EpochHint? AssignSteps(List<int> train, long[] steps, TextShape primary)
    {
        var records = _parser.Records;
        double firstEpoch = double.PositiveInfinity;
        bool wholeEpochs = true;
        foreach (int i in train)
        {
            firstEpoch = Math.Min(firstEpoch, Math.Floor(records[i].Epoch));
            wholeEpochs &= records[i].Epoch == Math.Floor(records[i].Epoch);
        }

        var where = Where(records[train[0]]);
        if (primary.Counter is null || !wholeEpochs || !double.IsFinite(firstEpoch))
        {
            for (int j = 0; j < steps.Length; j++)
            {
                steps[j] = j + 1;
            }

            _problems.Report(where, ProblemKind.Assumed, primary.Counter is null
                ? "the training lines print no step counter: a step is one printed line, in order"
                : "the epochs are not whole numbers: a step is one printed line, in order");
            return null;
        }

        bool zeroBased = false;
        long maxCounter = 0;
        int resets = 0, carries = 0;
        for (int j = 0; j < train.Count; j++)
        {
            var record = records[train[j]];
            zeroBased |= record.Counter == 0;
            maxCounter = Math.Max(maxCounter, record.Counter);
            if (j > 0 && record.Epoch > records[train[j - 1]].Epoch)
            {
                // A global step strictly grows; one that stays put across an epoch change ("[300/320]" printed once
                // per epoch) restarts every epoch like any other per-epoch counter.
                if (record.Counter <= records[train[j - 1]].Counter)
                {
                    resets++;
                }
                else
                {
                    carries++;
                }
            }
        }

        if (primary.Counter != TextFieldKind.SampleCounter && carries > resets)
        {
            // The counter runs on across epochs: it is the global step itself.
            for (int j = 0; j < steps.Length; j++)
            {
                steps[j] = records[train[j]].Counter + (zeroBased ? 1 : 0);
            }

            return null;
        }

        long unit = 1;
        long perEpoch;
        long totalMode = Mode(train, static r => r.Total, positiveOnly: true);

        // A counter that reaches its total counts the steps done (tqdm's "1000/1000"): its 0 comes before any step.
        bool counts = primary.Counter == TextFieldKind.Counter && totalMode > 0 && train.Exists(i => records[i].Counter == records[i].Total);
        zeroBased &= !counts;
        if (primary.Counter == TextFieldKind.SampleCounter)
        {
            unit = SampleUnit(train, totalMode, where);
            perEpoch = (totalMode + unit - 1) / unit;
            zeroBased = true;
        }
        else if (totalMode > 0)
        {
            perEpoch = totalMode;
        }
        else
        {
            perEpoch = maxCounter + (zeroBased ? 1 : 0);
            _problems.Report(where, ProblemKind.Assumed,
                $"the step counter restarts every epoch but does not print its total: the epoch length is taken as the largest count seen, {perEpoch}");
        }

        perEpoch = Math.Clamp(perEpoch, 1, 1L << 40);
        var starts = new SortedSet<long>();
        long previous = long.MinValue;
        int otherTotal = 0, firstOther = -1;
        for (int j = 0; j < steps.Length; j++)
        {
            var record = records[train[j]];
            long k = (long)Math.Min(Math.Floor(record.Epoch) - firstEpoch, 1 << 20);
            steps[j] = counts && record.Counter == 0 ? -1 : (k * perEpoch) + (record.Counter / unit) + (zeroBased ? 1 : 0);
            starts.Add((k * perEpoch) + 1);
            if (steps[j] >= 0 && steps[j] < previous && record.Total > 0 && record.Total != totalMode
                && j > 0 && records[train[j - 1]].Epoch == record.Epoch)
            {
                // Another counter printed in the same shape (an epoch's closing line with its own total, "[5600/5640]"
                // among "[i/9024]"): it goes back inside its epoch, which would read as a resumed run and drop the
                // epoch's later points.
                otherTotal++;
                firstOther = firstOther < 0 ? j : firstOther;
                steps[j] = -1;
            }
            else if (steps[j] >= 0)
            {
                previous = steps[j];
            }
        }

        if (otherTotal > 0)
        {
            var first = records[train[firstOther]];
            _problems.Report(Where(first), ProblemKind.Assumed,
                $"{otherTotal} training line(s) whose counter has another total ('{first.Counter}/{first.Total}' among '/{totalMode}') and goes back inside its epoch are not read as steps");
        }

        return new EpochHint(perEpoch, [.. starts], primary.Counter == TextFieldKind.SampleCounter
            ? "the epoch and sample counters of the printed lines"
            : "the epoch number and the step counter that restarts every epoch in the printed lines");
    }

    /// <summary>
    /// The samples per step for "[640/60000 (1%)]" counters: the batch size when the file printed one that divides the
    /// counter's increments, else the usual increment itself (one printed line is then one step).
    /// </summary>
    private long SampleUnit(List<int> train, long total, string where)
    {
        var records = _parser.Records;
        var deltas = new Dictionary<long, int>();
        for (int j = 1; j < train.Count; j++)
        {
            var (a, b) = (records[train[j - 1]], records[train[j]]);
            if (a.Epoch == b.Epoch && b.Counter > a.Counter)
            {
                long d = b.Counter - a.Counter;
                deltas[d] = deltas.GetValueOrDefault(d) + 1;
            }
        }

        long delta = deltas.Count == 0 ? Math.Max(1, total) : deltas.MaxBy(p => p.Value).Key;
        var (batch, line) = _parser.BatchSize;
        if (batch > 0 && delta % batch == 0)
        {
            _problems.Report(where, ProblemKind.Assumed,
                $"the counter counts samples ('[i/{total} (p%)]'): steps are samples divided by the batch size {batch} printed on line {line}");
            return batch;
        }

        _problems.Report(where, ProblemKind.Assumed,
            $"the counter counts samples ('[i/{total} (p%)]') and no batch size is printed: a step is one printed line (every {delta} samples), {(total + delta - 1) / delta} to an epoch");
        return delta;
    }

    private long Mode(List<int> train, Func<TextRecord, long> of, bool positiveOnly)
    {
        var counts = new Dictionary<long, int>();
        foreach (int i in train)
        {
            long v = of(_parser.Records[i]);
            if (!positiveOnly || v > 0)
            {
                counts[v] = counts.GetValueOrDefault(v) + 1;
            }
        }

        return counts.Count == 0 ? 0 : counts.MaxBy(p => p.Value).Key;
    }

    private TrainingLog? Collect(string name, int start, int end, List<int> train, long[] steps, EpochHint? hint, TextShape primary)
    {
        var records = _parser.Records;
        var values = _parser.Values;
        var labels = _parser.Labels;
        var builders = new MetricSeriesBuilder?[labels.Labels.Count];
        var lastHeldOut = new double[labels.Labels.Count];
        Array.Fill(lastHeldOut, double.NaN);
        var epochs = new MetricSeriesBuilder("epoch", _keepWallTimes);
        long lastStep = long.MinValue;
        bool reportedBack = false;
        int j = 0, heldOutBeforeTraining = 0, replaced = 0;
        for (int i = start; i < end; i++)
        {
            var record = records[i];
            long step;
            bool fromTrainingLine = !record.HeldOut;
            if (fromTrainingLine)
            {
                if (j >= train.Count || train[j] != i)
                {
                    continue; // a line of another shape
                }

                step = steps[j++];
                if (step < 0)
                {
                    continue; // a progress bar's "0/N": no step done yet
                }

                var order = epochs.Add(step, record.Epoch, record.WallTime);
                replaced += order == StepOrder.ReplacedDuplicate ? 1 : 0;
                if (order == StepOrder.Restarted && !reportedBack)
                {
                    reportedBack = true;
                    _problems.Report(Where(record), ProblemKind.StepsWentBack,
                        $"step {step} is before earlier steps (a resumed run): {epochs.LastRemoved} later point(s) superseded");
                }

                lastStep = step;
            }
            else if (lastStep == long.MinValue)
            {
                heldOutBeforeTraining++;
                continue;
            }
            else
            {
                step = lastStep;
            }

            for (int v = record.ValueStart; v < record.ValueStart + record.ValueCount; v++)
            {
                var (id, value) = values[v];
                var label = labels[id];
                if (fromTrainingLine && label.HeldOut)
                {
                    // A progress bar repeats the last validation result on every update until the next one.
                    if (value.Equals(lastHeldOut[id]))
                    {
                        continue;
                    }

                    lastHeldOut[id] = value;
                }

                (builders[id] ??= new MetricSeriesBuilder(label.Name, _keepWallTimes)).Add(step, value, record.WallTime);
            }
        }

        if (replaced > 0)
        {
            // A progress bar redrawn at the same step does this harmlessly; many such lines mean the steps were misread.
            _problems.Report("", ProblemKind.Assumed, $"{name}: {replaced} training line(s) fell on the same step as the line before and replaced it");
        }

        if (heldOutBeforeTraining > 0)
        {
            _problems.Report("", ProblemKind.Assumed, $"{name}: {heldOutBeforeTraining} validation or test line(s) before the first training line are not read (no step to put them at)");
        }

        var series = new List<MetricSeries>();
        bool heldOutLossTaken = false;
        int heldOutAverage = HeldOutAverage(builders, labels.Labels);
        for (int id = 0; id < builders.Length; id++)
        {
            if (builders[id] is not { Count: > 0 } builder)
            {
                continue;
            }

            var label = labels[id];
            var (role, averaging) = id == heldOutAverage
                ? (SeriesRole.HeldOutLoss, (ValueAveraging?)null)
                : Describe(label, id, primary, ref heldOutLossTaken, heldOutAverage >= 0);
            series.Add(SeriesSet.Checked(builder.Build(role, averaging), _problems, name));
        }

        if (series.Count == 0)
        {
            return null;
        }

        var epochSeries = epochs.Build(SeriesRole.Epoch, ValueAveraging.PerStep);
        if (epochSeries.NonFiniteCount == epochSeries.Count)
        {
            // Lines that print no epoch: no epoch series to offer, the epochs come from elsewhere.
            return new TrainingLog(name, TextLogReader.Default.Format, series, hint);
        }

        series.Add(epochSeries);
        hint ??= EpochsFromSeries(epochSeries);
        return new TrainingLog(name, TextLogReader.Default.Format, series, hint);
    }

    /// <summary>
    /// The running average of a held-out loss, when the evaluation prints one beside each batch's loss
    /// ("Test: [ 48/48]  Loss: 1.21 (1.25)"): a held-out point is the last line of an evaluation, where the average
    /// covers the whole set and the value only its last batch. -1 when there is none.
    /// </summary>
    private static int HeldOutAverage(MetricSeriesBuilder?[] builders, IReadOnlyList<TextLabel> labels)
    {
        for (int id = 0; id < builders.Length; id++)
        {
            if (builders[id] is { Count: > 0 } && labels[id] is { HeldOut: true, IsLoss: true, IsAverage: true })
            {
                return id;
            }
        }

        return -1;
    }

    private static (SeriesRole, ValueAveraging?) Describe(TextLabel label, int id, TextShape primary, ref bool heldOutLossTaken, bool heldOutAverageTaken)
    {
        if (label.IsAverage)
        {
            return (SeriesRole.Other, new ValueAveraging(AveragingKind.RunningMeanSinceEpochStart, null, AverageEvidence));
        }

        if (id == primary.LossLabel)
        {
            return (SeriesRole.TrainLoss, primary.IsDict ? new ValueAveraging(AveragingKind.MovingWindow, null, DictEvidence) : null);
        }

        if (label.HeldOut && label.IsLoss && !heldOutLossTaken && !heldOutAverageTaken)
        {
            heldOutLossTaken = true;
            return (SeriesRole.HeldOutLoss, null);
        }

        var role = SeriesRoles.FromName(label.Name.Replace(' ', '_'));
        return (role is SeriesRole.TrainLoss or SeriesRole.HeldOutLoss ? SeriesRole.Other : role, null);
    }

    /// <summary>
    /// Epoch starts (and the length, when every whole epoch has as many steps) from the epoch series; steps per epoch
    /// from fractional epochs (the Hugging Face Trainer's progress).
    /// </summary>
    private static EpochHint? EpochsFromSeries(MetricSeries epochs)
    {
        var hint = EpochHints.FromEpochSeries(epochs, "the epoch number of the printed lines");
        if (hint?.EpochStartSteps is not { Count: > 2 } starts)
        {
            return hint;
        }

        long length = starts[1] - starts[0];
        for (int i = 2; i < starts.Count; i++)
        {
            if (starts[i] - starts[i - 1] != length)
            {
                return hint;
            }
        }

        return hint with { StepsPerEpoch = length };
    }

    private static string Where(TextRecord record) => $"line {record.Line}";
}
