using static EpochLens.Diagnosis.Detectors.Signals;

namespace EpochLens.Diagnosis.Detectors;

/// <summary>
/// Weights reloaded at a boundary: a parameter jump far larger than any update (direct, with update norms), or
/// from the loss alone a jump back up at the boundary followed by a whole epoch of falling again.
/// </summary>
internal sealed class StateReloadDetector() : CauseDetector(CauseId.StateReload)
{
    public override DetectorVerdict Detect(EpochAnalysis analysis)
    {
        var norm = analysis[MeasurementIds.UpdateNormAtBoundary];
        var jump = analysis[MeasurementIds.BoundaryJumpWide] ?? analysis[MeasurementIds.BoundaryJump];
        var slope = analysis[MeasurementIds.WithinEpochSlope];
        var evidence = new List<Evidence>();
        Confidence? confidence = null;
        var lossJump = StrongestJump(analysis);
        bool lossJumpsUp = lossJump is { Value: > 0 } && Significant(lossJump);
        bool oneOddUpdate = norm is { Value: > 1.5 } && Significant(norm)
            && analysis[MeasurementIds.UpdateNormAtSecondStep] is not { Value: > 1.2 }
            && analysis[MeasurementIds.UpdateNormShift] is not { Value: > 1.3 or < 0.77 };
        bool noAccumulation = analysis[MeasurementIds.StepsPerUpdate] is { Value: < 1.2 };
        if (norm is not null && Significant(norm) && (norm.Value >= OptimizerResetDetector.ReloadRatio || (oneOddUpdate && (lossJumpsUp || noAccumulation))))
        {
            if (lossJumpsUp)
                evidence.Add(Cite(lossJump!, $"and the loss jumps {lossJump!.Value:+0.0} robust SD back up there"));

            evidence.Insert(0, Cite(norm, $"the weights change {norm.Value:0.0}x more across the boundary than in a normal update, once, with the updates after it back to normal: they were replaced"));
            confidence = Confidence.From(P(norm), "update norm at boundaries, rank test", norm.Value >= OptimizerResetDetector.ReloadRatio || lossJumpsUp ? ConfidenceLevel.High : ConfidenceLevel.Medium);
        }

        if (norm is not null && confidence is null)
            return DetectorVerdict.NotFound($"no parameter jump at the boundary (update norm {norm.Value:0.0}x its neighbours, a reload gives far more)");

        // A reload sets the loss back for as long as it takes to regain the lost progress: most of the epoch,
        // where a fresh optimizer settles within a fraction of it.
        var transient = analysis[MeasurementIds.TransientLength];
        double share = transient is null ? 0 : transient.Value / analysis.Structure.StepsPerEpoch;
        // The rise starting at the epoch's first loss (before any update of the epoch) marks replaced weights, and
        // then a shorter set-back will do; a rise that waits for the first update is something the updates do.
        var onset = norm is null ? Onset(analysis) : RiseOnset.Unknown;
        if (onset == RiseOnset.AfterFirstUpdate)
            return DetectorVerdict.NotFound("the first loss of each epoch, computed before its first update, is at the old level: the weights were not replaced at the boundary");

        bool upThenFalling = jump is not null && jump.Value > 0 && Significant(jump) && slope is not null && slope.Value < 0 && Significant(slope)
            && (share >= 0.4 || (onset == RiseOnset.AtFirstStep && share >= 0.1));
        if (upThenFalling)
        {
            evidence.Add(Cite(jump!, $"the loss jumps {jump!.Value:+0.0} robust SD back up at the boundary"));
            if (onset == RiseOnset.AtFirstStep && analysis[MeasurementIds.BoundaryJump] is { } firstPoint)
                evidence.Add(Cite(firstPoint, $"already at the epoch's first loss ({firstPoint.Value:+0.0} robust SD), which is computed before any update: the weights changed between the epochs"));

            evidence.Add(Cite(slope!, $"and falls {-slope!.Value:0.0} robust SD through the epoch beyond the trend, re-learning what was lost"));
            var fromLoss = Confidence.From(Math.Min(1, Math.Max(P(jump), P(slope)) * 2), "jump up at the boundary and fall through the epoch, rotation tests", ConfidenceLevel.Medium);
            if (confidence is null) confidence = fromLoss;
        }

        if (confidence is null)
        {
            return DetectorVerdict.NotFound(norm is not null
                ? $"no parameter jump at the boundary (update norm {norm.Value:0.0}x its neighbours)"
                : "no jump back up at the boundary followed by an epoch of falling again");
        }

        if (analysis[MeasurementIds.OptimizerStepReset] is { Value: >= 0.5 })
            return DetectorVerdict.NotFound("the optimizer's step counter restarts at the boundaries: a fresh optimizer, not reloaded weights");

        return DetectorVerdict.Found(new Finding(
            Cause,
            "The weights are reloaded at the boundary: the loss goes back to an earlier level and the epoch is spent regaining it.",
            confidence,
            evidence,
            [new CounterEvidence(CauseId.OptimizerReset, "a fresh optimizer disturbs the loss for a short warm-up; a reload sets it back for the whole epoch")],
            TrainingSeverity(analysis, "Real: training done before the reload is thrown away.", SeverityLevel.High),
            "Check what loads weights at the end of an epoch: restore-best callbacks, checkpoint loading inside the loop, EMA or SWA weight swaps that are not swapped back."));
    }
}
