using static EpochLens.Diagnosis.Detectors.Signals;

namespace EpochLens.Diagnosis.Detectors;

/// <summary>
/// Memorisation under reshuffling: every example is easier the next time it comes round. Without a trend to
/// hide it, the detrended loss rises through the epoch and drops at the boundary (a sawtooth); in multi-epoch
/// fine-tuning, where each epoch starts visibly lower and stays flat, the drop at each epoch start is a
/// stair-step. Both are one cause, told apart only by shape (the README says why they share an id). With
/// sample ids, a sample's loss grows with the steps since it was last seen.
/// </summary>
internal sealed class RecencyDetector() : CauseDetector(CauseId.Recency)
{
    /// <summary>A drop at the epoch start at least this large (relative) makes a stair-step worth a medium severity without a held-out loss.</summary>
    private const double NotableDrop = 0.10;

    public override DetectorVerdict Detect(EpochAnalysis analysis)
    {
        var slope = analysis[MeasurementIds.WithinEpochSlope];
        var jump = analysis[MeasurementIds.BoundaryJumpWide] ?? analysis[MeasurementIds.BoundaryJump];
        var step = analysis[MeasurementIds.EpochStartStep];
        var ids = analysis[MeasurementIds.SampleRecency];
        var together = analysis[MeasurementIds.RiseAndDrop];
        var evidence = new List<Evidence>();
        Confidence? confidence = null;
        var counter = new List<CounterEvidence>();
        bool sawtooth = slope is not null && slope.Value > 0 && Significant(slope) && jump is not null && jump.Value < 0;
        bool stair = step is not null && step.Value < 0 && Significant(step);
        // Each shape test alone (the smaller p, doubled for the two looks), or both as one test: a strong
        // sawtooth may leave the level-shift fit little to see, and a faint effect may need both to show.
        double alone = sawtooth || stair ? Math.Min(1, 2 * Math.Min(sawtooth ? P(slope) : 1, stair ? P(step) : 1)) : 1;
        bool jointly = together is { Value: > 0 } && P(together) < alone && Significant(together);
        if (jointly && !sawtooth && !stair)
        {
            // Neither shape alone passes, both together do: describe it by the stronger of the two that points the memorisation way.
            bool rises = slope is { Value: > 0 } && jump is { Value: < 0 };
            stair = step is { Value: < 0 } && (!rises || P(step) <= P(slope));
            sawtooth = !stair && rises;
            jointly = stair || sawtooth;
        }

        if (sawtooth)
        {
            evidence.Add(Cite(slope!, $"the detrended loss rises {slope!.Value:0.00} robust SD through each epoch"));
            evidence.Add(Cite(jump!, $"and drops {jump!.Value:0.00} robust SD at the boundary: a sawtooth"));
        }

        if (stair)
            evidence.Add(Cite(step!, $"each epoch starts {-step!.Value:P0} lower than the previous one ended ({Interval(step)}; {step.SampleSize} boundaries)"));

        if (jointly)
        {
            evidence.Add(Cite(together!, $"the rise and the drop tested together as one shape: z = {together!.Value:0.0}"));
            confidence = Confidence.From(P(together), "rise through the epoch and drop at its start, tested together with their correlation on null runs allowed for");
        }
        else if (sawtooth || stair)
        {
            confidence = Confidence.From(alone, stair && (!sawtooth || P(step) < P(slope))
                ? "level shift at the epoch start, regression discontinuity against positions inside epochs"
                : "rise through the epoch, rotation test");
        }

        if (ids is not null)
        {
            if (ids.Value > 0 && Significant(ids))
            {
                evidence.Add(Cite(ids, $"a sample's loss grows with the steps since it was last seen (correlation {ids.Value:0.000} at equal position in the epoch)"));
                var direct = Confidence.From(P(ids), "loss against steps since last seen, within position strata");
                confidence = Confidence.Stronger(confidence, direct);
            }
            else if (confidence is not null && stair)
            {
                // A drop at each epoch start needs no forgetting within the epoch: every sample is one pass further along.
                counter.Add(new CounterEvidence(CauseId.EpochAlignedUnexplained, $"the sample ids show no effect of the time since a sample was last seen ({Describe(ids.PValue)}): the drop comes with each pass over the data, not from forgetting between passes"));
                confidence = Confidence.From(P(step), "level shift at the epoch start, regression discontinuity against positions inside epochs") ?? confidence;
                evidence.RemoveAll(e => e.MeasurementId == slope?.Id || e.MeasurementId == jump?.Id);
                sawtooth = false;
            }
            else if (confidence is not null)
            {
                counter.Add(new CounterEvidence(CauseId.EpochAlignedUnexplained, $"but the sample ids show no memory of recent samples ({Describe(ids.PValue)}); something else shapes the epoch"));
                confidence = confidence with { Level = ConfidenceLevel.Low };
            }
        }

        if (confidence is null)
        {
            return DetectorVerdict.NotFound(slope is null && step is null
                ? "too few points per epoch to see a rise through it or a drop at its start"
                : NotFoundReason(slope, step));
        }

        confidence = WeighAlternatives(analysis, confidence, counter);
        bool flat = stair && !sawtooth;
        var severity = Severity(analysis, step, flat, evidence);
        string summary = flat
            ? $"Each epoch starts with a drop in the loss{DropSize(step)} and stays about flat: the model has memorised part of the training set, so every example is easier when it comes round again. This is the stair-step of multi-epoch fine-tuning, shaped by Adam's adaptive step (the \"Epochal Sawtooth\")."
            : "The model has memorised part of the training set and remembers recently seen samples: with reshuffling, the loss rises through each epoch as samples were seen longer ago, and drops when the next epoch starts.";
        return DetectorVerdict.Found(new Finding(Cause, summary, confidence, evidence, counter, severity, Advice));
    }

    /// <summary>
    /// The advice, with the direction of beta2 as measured: the "Epochal Sawtooth" paper (arXiv 2410.10056) finds
    /// a smaller beta2 strengthens the effect, and its replication code agreed when measured by this engine.
    /// </summary>
    internal const string Advice =
        "Nothing is broken in the training loop. Judge it by the held-out loss: if that rises while the training loss steps down, the model is overfitting; train fewer epochs, add data or augmentation, or regularise (weight decay, dropout). " +
        "Adam's beta2 shapes the effect: a smaller beta2 makes it stronger and a larger one weakens it (on the \"Epochal Sawtooth\" paper's replication code, the rise through the epoch measured 5.9 robust SD at beta2 = 0.8, 3.9 at 0.95 and 3.4 at 0.999). " +
        "Sampling with replacement instead of reshuffling removes the alignment with the epoch.";

    private static string NotFoundReason(Measurement? slope, Measurement? step)
    {
        var parts = new List<string>();
        if (slope is not null)
            parts.Add($"the loss does not rise through the epoch beyond the trend ({slope.Value:+0.00;-0.00} robust SD, {Describe(slope.PValue)})");

        if (step is not null)
            parts.Add($"does not drop at the epoch start ({step.Value:+0.#%;-0.#%}, {Describe(step.PValue)})");

        return string.Join(" and ", parts);
    }

    /// <summary>A drop at the boundary has other explanations that leave their own marks: a repeated order, a schedule.</summary>
    private static Confidence WeighAlternatives(EpochAnalysis analysis, Confidence confidence, List<CounterEvidence> counter)
    {
        var position = analysis[MeasurementIds.PositionCorrelation];
        if (position is { Value: > 0 } && Significant(position, Confidence.MediumBelow))
        {
            counter.Add(new CounterEvidence(CauseId.FixedOrder, $"but the loss repeats position by position across epochs (correlation {position.Value:0.00}, {Describe(position.PValue)}): a repeated order explains the boundary better"));
            confidence = confidence with { Level = ConfidenceLevel.Low };
        }
        else
        {
            counter.Add(new CounterEvidence(CauseId.FixedOrder, "the data are reshuffled (no repeated per-position pattern), so the drop comes from having seen each sample before"));
        }

        if (analysis[MeasurementIds.OptimizerStepReset] is null)
            counter.Add(new CounterEvidence(CauseId.OptimizerReset, "an optimizer created anew every epoch can shape the loss like this too (its first, full-size updates fit each batch hard); the log has no optimizer step count to rule it out"));

        if (analysis[MeasurementIds.LearningRateChange] is { Value: >= 0.5 } lr && Significant(lr))
        {
            counter.Add(new CounterEvidence(CauseId.LrSchedule, $"but the learning rate changes at {lr.Value:P0} of the boundaries: the schedule may explain the drop"));
            confidence = confidence with { Level = ConfidenceLevel.Low };
        }

        return confidence;
    }

    private static Severity Severity(EpochAnalysis analysis, Measurement? step, bool flat, List<Evidence> evidence)
    {
        var severity = flat
            ? new Severity(SeverityLevel.Low, Impact.Training, step?.Value, null, null,
                $"Benign in itself, but a symptom of memorisation: the training loss{DropSize(step)} falls at each epoch start because the examples have been seen before, not because the model generalises better.")
            : TrainingSeverity(analysis, "Benign in itself, but a symptom of memorisation: items seen long ago are worse than items seen recently.");
        if (analysis[MeasurementIds.HeldOutGap] is { } gap)
        {
            bool overfitting = gap.Value > 0.05;
            evidence.Add(Cite(gap, overfitting
                ? $"the held-out loss has risen {gap.Value:P0} above its best: the model is overfitting"
                : $"the held-out loss is within {Math.Max(0, gap.Value):P0} of its best: no sign of overfitting yet"));
            return severity with
            {
                Level = overfitting ? SeverityLevel.High : severity.Level,
                Statement = severity.Statement + (overfitting ? " The held-out loss is rising: this is overfitting." : " The held-out loss does not show overfitting yet."),
            };
        }

        bool notable = flat && step is not null && -step.Value >= NotableDrop;
        return severity with
        {
            Level = notable && severity.Level < SeverityLevel.Medium ? SeverityLevel.Medium : severity.Level,
            Statement = severity.Statement + " Log a held-out loss to see whether it turns into overfitting.",
        };
    }

    private static string DropSize(Measurement? step) => step is { Value: < 0 } ? $" (by {-step.Value:P0} at each boundary)" : "";

    private static string Interval(Measurement m) => m.Low is { } low && m.High is { } high ? $"95 % interval {-high:P0} to {-low:P0}" : Describe(m.PValue);
}
