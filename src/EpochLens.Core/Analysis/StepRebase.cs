namespace EpochLens.Analysis;

/// <summary>
/// Moves a log whose steps lie beyond ±2^53 to count from its loss series' first step. The analysis turns steps
/// into doubles (trend fits, folds, spectra), and past 2^53 a double no longer holds every whole number: 20,000
/// points at steps 2^62+i would share a handful of values. Rebased, the same run is analysed exactly as if it had
/// been logged from step 0; every series moves by the same amount, so train and held-out stay aligned. A log
/// within ±2^53 is left as it is, so where epochs are counted from (step 0 of a resumed run) does not change.
/// </summary>
public static class StepRebase
{
    /// <summary>The step to count from: the loss series' first step when its steps lie beyond ±2^53, else 0.</summary>
    public static long OriginFor(MetricSeries loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        return loss.Count == 0 || (loss.Steps[0] >= -StepBounds.Limit && loss.Steps[^1] <= StepBounds.Limit) ? 0 : loss.Steps[0];
    }

    /// <summary>
    /// The log with every step less <paramref name="origin"/> (<see cref="TrainingLog.StepOrigin"/> set to it). A
    /// series or epoch mark that would then lie beyond ±2^53 cannot be analysed beside the loss and is left out,
    /// with a note.
    /// </summary>
    public static TrainingLog Rebase(TrainingLog log, long origin, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(notes);
        var series = new List<MetricSeries>(log.Series.Count);
        foreach (var s in log.Series)
        {
            if (s.Count == 0 || (Fits(s.Steps[0], origin) && Fits(s.Steps[^1], origin)))
            {
                series.Add(s.WithStepsShifted(-origin));
            }
            else
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"Series '{s.Name}' (steps {s.Steps[0]} to {s.Steps[^1]}) lies more than 2^53 steps from the loss's first step {origin} and was left out of the analysis."));
            }
        }

        var rebased = new TrainingLog(log.Source, log.Format, series, Rebase(log.Epochs, origin), Rebase(log.Samples, origin))
        {
            StepOrigin = origin,
        };
        notes.Add(string.Create(CultureInfo.InvariantCulture, $"The steps lie beyond ±2^53, where a double no longer holds every whole number: the analysis counted them from the first step, {origin}, and epochs begin there unless the log marks them. Steps reported here are the log's own."));
        return rebased;
    }

    /// <summary>A step of the analysis (rebased) as the log wrote it.</summary>
    public static long Restore(long step, long origin) => unchecked(step + origin);

    /// <summary>An epoch structure of the analysis with its starts as the log wrote them.</summary>
    private static EpochStructure Restore(EpochStructure structure, long origin)
    {
        ArgumentNullException.ThrowIfNull(structure);
        if (origin == 0) return structure;

        var starts = structure.StartSteps.ToArray();
        for (int i = 0; i < starts.Length; i++) starts[i] = Restore(starts[i], origin);

        return new EpochStructure(starts, structure.StepsPerEpoch, structure.Source, structure.Origin);
    }

    /// <summary>An epoch resolution of the analysis with its structure and explanation in the log's own steps.</summary>
    public static EpochResolution Restore(EpochResolution resolution, long origin)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        if (origin == 0) return resolution;

        return resolution with
        {
            Structure = resolution.Structure is { } structure ? Restore(structure, origin) : null,
            Explanation = resolution.Explanation.Replace(Periodicity.InferenceText.CountedFromZero, Periodicity.InferenceText.CountedFrom(origin), StringComparison.Ordinal),
        };
    }

    /// <summary>Whether <paramref name="step"/> - <paramref name="origin"/> lies within ±2^53 (computed without overflow).</summary>
    private static bool Fits(long step, long origin)
    {
        Int128 moved = (Int128)step - origin;
        return moved >= -StepBounds.Limit && moved <= StepBounds.Limit;
    }

    private static EpochHint? Rebase(EpochHint? hint, long origin)
    {
        if (hint is null) return null;

        var starts = hint.EpochStartSteps?.Where(s => Fits(s, origin)).Select(s => s - origin).ToList();
        long? first = hint.FirstEpochStart is { } f && Fits(f, origin) ? f - origin : null;
        return hint with { EpochStartSteps = starts, FirstEpochStart = first };
    }

    private static StepSamples? Rebase(StepSamples? samples, long origin)
    {
        if (samples is null) return null;

        var steps = new List<long>(samples.Steps.Count);
        var ids = new List<int[]>(samples.Ids.Count);
        for (int i = 0; i < samples.Steps.Count; i++)
        {
            if (Fits(samples.Steps[i], origin))
            {
                steps.Add(samples.Steps[i] - origin);
                ids.Add(samples.Ids[i]);
            }
        }

        return new StepSamples([.. steps], [.. ids]);
    }
}
