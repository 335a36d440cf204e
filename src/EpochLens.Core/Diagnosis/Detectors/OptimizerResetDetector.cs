using static EpochLens.Diagnosis.Detectors.Signals;

namespace EpochLens.Diagnosis.Detectors;

/// <summary>
/// The optimizer rebuilt each epoch: its step counter restarts (direct evidence when logged), or, from the loss
/// alone, a rise right after the boundary that settles well within the epoch.
/// </summary>
internal sealed class OptimizerResetDetector() : CauseDetector(CauseId.OptimizerReset)
{
    /// <summary>An update at the boundary more than this many times its neighbours is a weight reload, not a fresh optimizer.</summary>
    internal const double ReloadRatio = 20;

    public override DetectorVerdict Detect(EpochAnalysis analysis)
    {
        var counter = analysis[MeasurementIds.OptimizerStepReset];
        var norm = analysis[MeasurementIds.UpdateNormAtBoundary];
        var jump = StrongestJump(analysis);
        var transient = analysis[MeasurementIds.TransientLength];
        var evidence = new List<Evidence>();
        if (counter is not null)
        {
            if (counter.Value < 0.5)
                return DetectorVerdict.NotFound($"the optimizer's step counter restarts at {counter.Value:P0} of boundaries");

            evidence.Add(Cite(counter, $"the optimizer's step counter restarts at {counter.Value:P0} of boundaries (at {counter.Expected:P2} of other steps)"));
            if (norm is not null)
                evidence.Add(Cite(norm, $"the first update of each epoch is {norm.Value:0.0}x its neighbours (a fresh Adam moves every weight by about the learning rate)"));

            if (jump is not null && Significant(jump))
                evidence.Add(Cite(jump, $"the loss steps {jump.Value:+0.0;-0.0} robust SD at the boundary"));

            var direct = Confidence.From(P(counter), "optimizer step counter at boundaries, binomial test");
            return direct is null
                ? DetectorVerdict.NotFound("the step counter's restarts are too few to tell")
                : DetectorVerdict.Found(Make(analysis, direct, evidence));
        }

        // From the loss alone: an upward step at the boundary (or right after the epoch's first update) that
        // settles within half the epoch.
        double share = transient is null ? 0 : transient.Value / analysis.Structure.StepsPerEpoch;
        jump = RiseJump(analysis) ?? jump;
        if (jump is null || !(jump.Value > 0) || !Significant(jump))
            return DetectorVerdict.NotFound(jump is null ? "too few points to see the boundary" : $"no rise right after the boundary ({Describe(jump.PValue)})");

        // A last step far below the rest makes the step after the boundary look like a rise: that is a short last batch.
        double firstRise = analysis[MeasurementIds.FirstStepLevel] is { Value: > 0 } first && Significant(first) ? first.Value : 0;
        if (analysis[MeasurementIds.LastStepLevel] is { Value: < 0 } lastStep && Significant(lastStep) && -lastStep.Value >= 0.5 * jump.Value
            && -lastStep.Value > firstRise)
        {
            return DetectorVerdict.NotFound($"the apparent rise at the boundary is the last step's dip ({lastStep.Value:+0.0;-0.0} robust SD), not a rise after it");
        }

        var onset = Onset(analysis);
        if (onset == RiseOnset.AtFirstStep && norm is null)
            return DetectorVerdict.NotFound("the first loss of each epoch, computed before the epoch's first update, already carries the rise: the weights changed before the epoch began, which a fresh optimizer cannot do");

        if (share <= 0 || share >= 0.5)
            return DetectorVerdict.NotFound(share <= 0 ? "the rise at the boundary does not persist beyond a point" : "the rise at the boundary lasts the whole epoch, unlike an optimizer warming up again");

        if (norm is not null && (norm.Value >= ReloadRatio || !(norm.Value > 1) || !Significant(norm)))
            return DetectorVerdict.NotFound($"the update norm at the boundary ({norm.Value:0.0}x its neighbours) does not look like a fresh optimizer");

        // Updates that stay large for more than one step are the optimizer's moments starting again.
        var second = analysis[MeasurementIds.UpdateNormAtSecondStep];
        bool sustained = norm is not null && second is not null && second.Value > 1.2 && Significant(second);

        evidence.Add(Cite(jump, $"the loss rises {jump.Value:+0.0} robust SD right after the boundary"));
        evidence.Add(Cite(transient!, $"and settles after about {transient!.Value:0} steps ({share:P0} of the epoch)"));
        if (onset == RiseOnset.AfterFirstUpdate && analysis[MeasurementIds.BoundaryJump] is { } firstPoint)
            evidence.Add(Cite(firstPoint, $"the first loss of the epoch, computed before its first update, is still at the old level ({firstPoint.Value:+0.0;-0.0} robust SD): the rise comes with the updates"));
        if (norm is not null)
            evidence.Add(Cite(norm, $"the first update of each epoch is {norm.Value:0.0}x its neighbours"));

        if (sustained)
            evidence.Add(Cite(second!, $"and the second {second!.Value:0.0}x: the updates stay large while the moments rebuild"));

        // Without the update norms, only the epoch's first loss, logged on its own before the first update, tells a fresh
        // optimizer from weights swapped for nearby ones (an EMA or a recent checkpoint): where the log cannot show it,
        // the two are equally good readings of the same rise, and neither is named above low confidence.
        bool reloadExcluded = norm is not null || onset == RiseOnset.AfterFirstUpdate;
        var cap = sustained ? ConfidenceLevel.High : reloadExcluded && share < 0.35 ? ConfidenceLevel.Medium : norm is not null ? ConfidenceLevel.Medium : ConfidenceLevel.Low;
        // Corrected for the contrasts the rise was chosen among, and for the update-size test when it is used.
        var confidence = Confidence.From(Math.Min(1, Math.Max(P(jump) * RiseJumpLooks(analysis), sustained ? 2 * P(second) : 0)), "rise after the boundary and update sizes, rotation and rank tests", cap);
        return confidence is null
            ? DetectorVerdict.NotFound("the rise after the boundary is too weak")
            : DetectorVerdict.Found(Make(analysis, confidence, evidence));
    }

    private Finding Make(EpochAnalysis analysis, Confidence confidence, List<Evidence> evidence) => new(
        Cause,
        "The optimizer starts afresh at every epoch: its moment estimates and bias correction restart, so the first updates of each epoch are too large and the loss rises before it settles.",
        confidence,
        evidence,
        [
            new CounterEvidence(CauseId.LrSchedule, analysis[MeasurementIds.LearningRateChange] is null ? "a learning-rate warm restart looks the same in the loss; log the learning rate to tell them apart" : "the learning rate was logged and is taken into account separately"),
            new CounterEvidence(CauseId.StateReload, Onset(analysis) switch
            {
                RiseOnset.AfterFirstUpdate => "reloaded weights would lift the epoch's first loss, which is computed before any update; it is at the old level",
                RiseOnset.AtFirstStep => "a weight reload makes the loss jump back for much of the epoch, not for a short warm-up",
                _ => "weights swapped for nearby ones (an averaged or recent checkpoint) also give a short rise; the epoch's first loss, logged on its own before the first update, or the update norms tell them apart",
            }),
        ],
        TrainingSeverity(analysis, "Real, and often small at low learning rates: every epoch spends its first steps re-estimating the optimizer's moments."),
        "Create the optimizer once, before the epoch loop (and keep its state when resuming from a checkpoint).");
}
