using EpochLens.Readers.ConsoleLogs;

namespace EpochLens.Readers.Text;

/// <summary>
/// Turns the lines a <see cref="TextLogParser"/> kept into training logs: reads the training loop's shape and those
/// differing from it only in extra labels, splits runs where the epoch goes back to its start, gives every line its
/// global step from its counters, and puts held-out lines at the last training step before them.
/// </summary>
internal sealed class TextLogBuilder(string name, ReadOptions options, ProblemReporter problems, TextLogParser parser)
{
    /// <summary>More runs than this in one file are not read (each run is a full set of series).</summary>
    public const int MaxRuns = 1000;

    private static readonly ValueAveraging RunningAverage = new(AveragingKind.RunningMeanSinceEpochStart, null,
        "the value in parentheses after each value, as PyTorch examples' AverageMeter prints 'val (avg)': the mean since the meter was created, usually at each epoch's start");

    private static readonly ValueAveraging DictAverage = new(AveragingKind.MovingWindow, null,
        "the Hugging Face Trainer prints the mean loss over each logging_steps window; a step here is one printed line");

    private readonly ChunkedList<TextRecord> _records = parser.Records;
    private readonly SettingSpelling _spell = options.Spell;

    public List<TrainingLog> Build()
    {
        var shapes = parser.Shapes;
        if (shapes.Count == 0) return [];
        var primary = shapes.MaxBy(s => s.Weight)!;
        bool[] read = [.. shapes.Select(s => s.LossLabel == primary.LossLabel
            && (s.Counter is null) == (primary.Counter is null) && s.IsDict == primary.IsDict)];
        foreach (var shape in shapes.Where((_, i) => !read[i]))
        {
            problems.Report("", ProblemKind.Assumed,
                $"{shape.Lines} line(s) like {ProblemReporter.Quote(shape.Example)} are not read as training points: the training lines are those like {ProblemReporter.Quote(primary.Example)}");
        }

        if (parser.ShapesOverflowed)
            problems.Report("", ProblemKind.LimitReached, $"more than {TextLogParser.MaxShapes} kinds of training line: lines of the others were not read");

        if (parser.Labels.Overflowed)
            problems.Report("", ProblemKind.LimitReached, $"more than {TextLabelTable.MaxLabels} labels: the values of the others were not read");

        var train = Enumerable.Range(0, _records.Count)
            .Where(i => !_records[i].HeldOut && read[_records[i].Shape]).ToList();
        int wraps = EpochsFromWrappingCounter(train);

        // Lines with a step but no epoch are read only when no training line shows an epoch.
        int epochless = train.Count(i => double.IsNaN(_records[i].Epoch));
        bool epochs = epochless < train.Count;
        string? assumed = epochs && epochless > 0
            ? $"{epochless} training line(s) with a step counter but before any epoch is printed are not read"
            : wraps > 0
                ? $"the training lines print no epoch, but their step counter starts again after reaching its total ('i/N'): each of the {wraps} restarts is taken as a new epoch"
                : !epochs && parser.StatedEpochLengths.Count == 0
                    ? $"the training lines print a step counter but no epoch: the steps are the counter's, and where epochs begin must come from {_spell(Setting.StepsPerEpoch)} or the loss"
                    : null;
        if (assumed is not null) problems.Report("", ProblemKind.Assumed, assumed);

        var runs = SplitRuns(train);
        var logs = new List<TrainingLog>();
        for (int r = 0; r < runs.Count; r++)
        {
            var (from, to) = runs[r];
            var run = train.GetRange(from, to - from).FindAll(i => double.IsNaN(_records[i].Epoch) != epochs);
            if (run.Count == 0) continue;
            var steps = new long[run.Count];

            // Lines without epochs take their counter as the step, and the epoch length the log states.
            var hint = epochs ? AssignSteps(run, steps, primary) : StatedLength(_records[run[^1]].Line);
            if (!epochs) CounterSteps(run, steps);
            string runName = runs.Count == 1 ? name : $"{name} (run {r + 1})";

            // A run's records, its held-out lines with them, go from its first training line to the next run's.
            var records = (from == 0 ? 0 : train[from], to == train.Count ? _records.Count : train[to]);
            if (Collect(runName, records, run, steps, hint, primary) is { } log) logs.Add(log);
        }

        return logs;
    }

    /// <summary>
    /// Where no training line prints an epoch but the step counter restarts each time it reaches its one total ("it
    /// 340/1250"), each restart is an epoch (a resumed run would restart from its checkpoint, not from the first step):
    /// numbers the epochs from 1 in the records and returns the restarts; 0, records untouched, otherwise.
    /// </summary>
    private int EpochsFromWrappingCounter(List<int> train)
    {
        long total = -1, stride = 0;
        int wraps = 0;
        for (int k = 0; k < train.Count; k++)
        {
            var record = _records[train[k]];
            if (!double.IsNaN(record.Epoch) || record.Counter < 0 || record.Total <= 0 || (total > 0 && record.Total != total))
                return 0;

            total = record.Total;
            if (k > 0) stride = Math.Max(stride, record.Counter - _records[train[k - 1]].Counter);
        }

        for (int k = 1; k < train.Count; k++)
        {
            long previous = _records[train[k - 1]].Counter, counter = _records[train[k]].Counter;
            if (counter > previous) continue;

            // Going back anywhere but from the epoch's last logging interval to its first is no epoch's end.
            if (previous + stride < total || counter > stride) return 0;
            wraps++;
        }

        if (wraps == 0) return 0;
        for (int k = 0, epoch = 1; k < train.Count; k++)
        {
            ref var record = ref _records[train[k]];
            epoch += k > 0 && record.Counter <= _records[train[k - 1]].Counter ? 1 : 0;
            record = record with { Epoch = epoch };
        }

        return wraps;
    }

    /// <summary>Training line ranges, one per run: a run starts where the epoch drops to or below its first.</summary>
    private List<(int From, int To)> SplitRuns(List<int> train)
    {
        var runs = new List<(int, int)>();
        int start = 0;
        double first = double.NaN, last = double.NaN;
        for (int k = 0; k < train.Count; k++)
        {
            double epoch = _records[train[k]].Epoch;
            if (epoch < last && epoch <= first)
            {
                runs.Add((start, k));
                if (runs.Count == MaxRuns)
                {
                    problems.Report(Where(_records[train[k]]), ProblemKind.LimitReached, $"more than {MaxRuns} runs in one file: the rest were not read");
                    return runs;
                }

                (start, first) = (k, epoch);
            }

            (first, last) = (double.IsNaN(first) ? epoch : first, epoch);
        }

        runs.Add((start, train.Count));
        return runs;
    }

    /// <summary>
    /// For counter-only lines: the epoch length stated last before the run's last line (a file of restarted runs keeps
    /// the last one's points), from the counter's first step; null (with a note) where none is stated, or where the
    /// same section prints a gradient accumulation (its batches are then no steps).
    /// </summary>
    private EpochHint? StatedLength(long lastLine)
    {
        var stated = parser.StatedEpochLengths;
        if (stated.Count == 0) return null;
        int k = stated.FindLastIndex(s => s.Line < lastLine);
        if (k < 0)
        {
            problems.Report("", ProblemKind.Assumed, $"the training lines print a step counter but no epoch, and no epoch length is stated before them: where epochs begin must come from {_spell(Setting.StepsPerEpoch)} or the loss");
            return null;
        }

        long sectionStart = k > 0 ? stated[k - 1].Line : 0;
        var accumulation = parser.Accumulations.FindLast(a => a.Line > sectionStart && a.Line < lastLine);
        if (accumulation.Line != 0)
        {
            problems.Report($"line {stated[k].Line}", ProblemKind.Assumed,
                $"the log states an epoch length ({ProblemReporter.Quote(stated[k].Text)}) but also a gradient accumulation of {accumulation.Value} (line {accumulation.Line}): its batches are not steps, so where epochs begin must come from {_spell(Setting.StepsPerEpoch)} or the loss");
            return null;
        }

        problems.Report($"line {stated[k].Line}", ProblemKind.Assumed,
            $"the training lines print a step counter but no epoch: epochs are {stated[k].Value} steps long as the log states ({ProblemReporter.Quote(stated[k].Text)}), counted from the counter's first step");
        return new EpochHint(stated[k].Value, null, $"the log's own statement on line {stated[k].Line}", FirstEpochStart: 1);
    }

    /// <summary>Each line's step is its counter (from 1 when the counter starts at 0).</summary>
    private void CounterSteps(List<int> train, long[] steps)
    {
        long offset = train.Exists(i => _records[i].Counter == 0) ? 1 : 0;
        for (int j = 0; j < steps.Length; j++) steps[j] = _records[train[j]].Counter + offset;
    }

    /// <summary>Each training line's global step, and what the counters say about epochs (null when the epoch series must tell).</summary>
    private EpochHint? AssignSteps(List<int> train, long[] steps, TextShape primary)
    {
        double firstEpoch = train.Min(i => Math.Floor(_records[i].Epoch));
        bool wholeEpochs = train.All(i => _records[i].Epoch == Math.Floor(_records[i].Epoch));
        var where = Where(_records[train[0]]);
        if (primary.Counter is null || !wholeEpochs || !double.IsFinite(firstEpoch))
        {
            for (int j = 0; j < steps.Length; j++) steps[j] = j + 1;
            problems.Report(where, ProblemKind.Assumed, primary.Counter is null
                ? "the training lines print no step counter: a step is one printed line, in order"
                : "the epochs are not whole numbers: a step is one printed line, in order");
            return null;
        }

        // A global step strictly grows; one that stays put across an epoch change ("[300/320]" printed once per
        // epoch) restarts every epoch like any other per-epoch counter.
        var epochChanges = Enumerable.Range(1, train.Count - 1)
            .Where(j => _records[train[j]].Epoch > _records[train[j - 1]].Epoch);
        int resets = epochChanges.Count(j => _records[train[j]].Counter <= _records[train[j - 1]].Counter);
        int carries = epochChanges.Count() - resets;
        if (primary.Counter != TextFieldKind.SampleCounter && carries > resets)
        {
            // The counter runs on across epochs: it is the global step itself.
            CounterSteps(train, steps);
            return null;
        }

        bool zeroBased = train.Exists(i => _records[i].Counter == 0);
        long totalMode = MostCommon(train.Select(i => _records[i].Total).Where(t => t > 0)) ?? 0;
        long unit = 1, perEpoch = totalMode;

        // A counter that reaches its total counts the steps done (tqdm's "1000/1000"): its 0 comes before any step.
        bool counts = primary.Counter == TextFieldKind.Counter && totalMode > 0
            && train.Exists(i => _records[i].Counter == _records[i].Total);
        zeroBased &= !counts;
        if (primary.Counter == TextFieldKind.SampleCounter)
        {
            unit = SampleUnit(train, totalMode, where);
            perEpoch = (totalMode + unit - 1) / unit;
            zeroBased = true;
        }
        else if (totalMode <= 0)
        {
            perEpoch = Math.Max(0, train.Max(i => _records[i].Counter)) + (zeroBased ? 1 : 0);
            problems.Report(where, ProblemKind.Assumed,
                $"the step counter restarts every epoch but does not print its total: the epoch length is taken as the largest count seen, {perEpoch}");
        }

        perEpoch = Math.Clamp(perEpoch, 1, 1L << 40);
        var starts = new SortedSet<long>();
        long previous = long.MinValue;
        int otherTotal = 0, firstOther = -1;
        for (int j = 0; j < steps.Length; j++)
        {
            var record = _records[train[j]];
            long k = (long)Math.Min(Math.Floor(record.Epoch) - firstEpoch, 1 << 20);
            steps[j] = counts && record.Counter == 0 ? -1 : (k * perEpoch) + (record.Counter / unit) + (zeroBased ? 1 : 0);
            starts.Add((k * perEpoch) + 1);
            if (steps[j] >= 0 && steps[j] < previous && record.Total > 0 && record.Total != totalMode
                && j > 0 && _records[train[j - 1]].Epoch == record.Epoch)
            {
                // Another counter in the same shape (an epoch's closing line with its own total, "[5600/5640]" among
                // "[i/9024]") goes back inside its epoch: as a resumed run, it would drop the epoch's later points.
                otherTotal++;
                firstOther = firstOther < 0 ? j : firstOther;
                steps[j] = -1;
            }

            previous = steps[j] >= 0 ? steps[j] : previous;
        }

        if (otherTotal > 0)
        {
            var first = _records[train[firstOther]];
            problems.Report(Where(first), ProblemKind.Assumed,
                $"{otherTotal} training line(s) whose counter has another total ('{first.Counter}/{first.Total}' among '/{totalMode}') and goes back inside its epoch are not read as steps");
        }

        return new EpochHint(perEpoch, [.. starts], primary.Counter == TextFieldKind.SampleCounter
            ? "the epoch and sample counters of the printed lines"
            : "the epoch number and the step counter that restarts every epoch in the printed lines");
    }

    /// <summary>
    /// Samples per step for "[640/60000 (1%)]" counters: a printed batch size that divides the counter's increments,
    /// else the usual increment itself (one printed line is then one step).
    /// </summary>
    private long SampleUnit(List<int> train, long total, string where)
    {
        var increments = Enumerable.Range(1, train.Count - 1)
            .Select(j => (A: _records[train[j - 1]], B: _records[train[j]]))
            .Where(p => p.A.Epoch == p.B.Epoch && p.B.Counter > p.A.Counter).Select(p => p.B.Counter - p.A.Counter);
        long delta = MostCommon(increments) ?? Math.Max(1, total);
        var (batch, line) = parser.BatchSize;
        if (batch > 0 && delta % batch == 0)
        {
            problems.Report(where, ProblemKind.Assumed,
                $"the counter counts samples ('[i/{total} (p%)]'): steps are samples divided by the batch size {batch} printed on line {line}");
            return batch;
        }

        problems.Report(where, ProblemKind.Assumed,
            $"the counter counts samples ('[i/{total} (p%)]') and no batch size is printed: a step is one printed line (every {delta} samples), {(total + delta - 1) / delta} to an epoch");
        return delta;
    }

    /// <summary>The most common value (the first seen of those tied), or null when there is none.</summary>
    private static long? MostCommon(IEnumerable<long> values) =>
        values.CountBy(v => v).OrderByDescending(p => p.Value).Select(p => (long?)p.Key).FirstOrDefault();

    private TrainingLog? Collect(string name, (int Start, int End) run, List<int> train, long[] steps, EpochHint? hint, TextShape primary)
    {
        var labels = parser.Labels;
        var builders = new MetricSeriesBuilder?[labels.Count];
        var lastHeldOut = new double[labels.Count];
        Array.Fill(lastHeldOut, double.NaN);
        var epochs = new MetricSeriesBuilder("epoch", options.KeepWallTimes);
        long lastStep = long.MinValue;
        bool reportedBack = false;
        int j = 0, heldOutBeforeTraining = 0, replaced = 0;
        for (int i = run.Start; i < run.End; i++)
        {
            var record = _records[i];
            long step;
            if (record.HeldOut)
            {
                // Held-out lines go at the last training step before them; before the first there is none.
                heldOutBeforeTraining += lastStep == long.MinValue ? 1 : 0;
                if (lastStep == long.MinValue) continue;
                step = lastStep;
            }
            else
            {
                // Not a line of another shape, nor a progress bar's "0/N" (no step done yet).
                if (j >= train.Count || train[j] != i || (step = steps[j++]) < 0) continue;
                var order = epochs.Add(step, record.Epoch, record.WallTime);
                replaced += order == StepOrder.ReplacedDuplicate ? 1 : 0;
                if (order == StepOrder.Restarted && !reportedBack)
                {
                    reportedBack = true;
                    problems.Report(Where(record), ProblemKind.StepsWentBack,
                        $"step {step} is before earlier steps (a resumed run): {epochs.LastRemoved} later point(s) superseded");
                }

                lastStep = step;
            }

            for (int v = record.ValueStart; v < record.ValueStart + record.ValueCount; v++)
            {
                var (id, value) = parser.Values[v];
                var label = labels[id];
                if (!record.HeldOut && label.HeldOut)
                {
                    // A progress bar repeats the last validation result on every update until the next one.
                    if (value.Equals(lastHeldOut[id])) continue;
                    lastHeldOut[id] = value;
                }

                (builders[id] ??= new MetricSeriesBuilder(label.Name, options.KeepWallTimes)).Add(step, value, record.WallTime);
            }
        }

        // A progress bar redrawn at the same step does this harmlessly; many such lines mean the steps were misread.
        if (replaced > 0)
            problems.Report("", ProblemKind.Assumed, $"{name}: {replaced} training line(s) fell on the same step as the line before and replaced it");

        if (heldOutBeforeTraining > 0)
            problems.Report("", ProblemKind.Assumed, $"{name}: {heldOutBeforeTraining} validation or test line(s) before the first training line are not read (no step to put them at)");

        var kept = Enumerable.Range(0, builders.Length).Where(id => builders[id] is { Count: > 0 }).ToList();
        if (kept.Count == 0) return null;

        // The held-out loss is the running average of one, when the evaluation prints it beside each batch's loss
        // ("Test: [ 48/48] Loss: 1.21 (1.25)"): a held-out point is the last line of an evaluation, where the average
        // covers the whole set and the value only its last batch. Else it is the first held-out loss.
        int heldOutLoss = kept.FirstOrDefault(id => labels[id] is { HeldOut: true, IsLoss: true, IsAverage: true }, -1);
        heldOutLoss = heldOutLoss >= 0 ? heldOutLoss : kept.FirstOrDefault(
            id => id != primary.LossLabel && labels[id] is { HeldOut: true, IsLoss: true, IsAverage: false }, -1);
        var series = kept.ConvertAll(
            id => SeriesSet.Checked(Build(builders[id]!, id, heldOutLoss, primary), problems, name));
        var epochSeries = epochs.Build(SeriesRole.Epoch, ValueAveraging.PerStep);

        // Lines that print no epoch: no epoch series to offer, the epochs come from elsewhere.
        if (epochSeries.NonFiniteCount < epochSeries.Count)
        {
            series.Add(epochSeries);
            hint ??= EpochsFromSeries(epochSeries);
        }

        return new TrainingLog(name, TextLogReader.Default.Format, series, hint);
    }

    /// <summary>A label's series; only the shape's loss and the held-out loss take the loss roles.</summary>
    private MetricSeries Build(MetricSeriesBuilder builder, int id, int heldOutLoss, TextShape primary) =>
        id == heldOutLoss ? builder.Build(SeriesRole.HeldOutLoss, null)
        : parser.Labels[id].IsAverage ? builder.Build(SeriesRole.Other, RunningAverage)
        : id == primary.LossLabel ? builder.Build(SeriesRole.TrainLoss, primary.IsDict ? DictAverage : null)
        : builder.Build(SeriesRoles.FromName(parser.Labels[id].Name.Replace(' ', '_')) is var role
            and not (SeriesRole.TrainLoss or SeriesRole.HeldOutLoss) ? role : SeriesRole.Other, null);

    /// <summary>
    /// Epoch starts (and the length, when every whole epoch has as many steps) from the epoch series; steps per epoch
    /// from fractional epochs (the Hugging Face Trainer's progress).
    /// </summary>
    private static EpochHint? EpochsFromSeries(MetricSeries epochs)
    {
        var hint = EpochHints.FromEpochSeries(epochs, "the epoch number of the printed lines");
        if (hint?.EpochStartSteps is not { Count: > 2 } starts) return hint;
        long length = starts[1] - starts[0];
        bool even = Enumerable.Range(2, starts.Count - 2).All(i => starts[i] - starts[i - 1] == length);
        return even ? hint with { StepsPerEpoch = length } : hint;
    }

    private static string Where(TextRecord record) => $"line {record.Line}";
}
