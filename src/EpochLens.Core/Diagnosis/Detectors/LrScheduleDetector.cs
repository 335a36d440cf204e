using static EpochLens.Diagnosis.Detectors.Signals;

namespace EpochLens.Diagnosis.Detectors;

/// <summary>The learning rate changes at the boundaries: needs the learning rate in the log.</summary>
internal sealed class LrScheduleDetector() : CauseDetector(CauseId.LrSchedule)
{
    /// <summary>A noise change counts as the loss's response only at this p: it is one more test beside the level tests.</summary>
    private const double NoiseResponseBelow = 1e-3;

    public override DetectorVerdict Detect(EpochAnalysis analysis)
    {
        var change = analysis[MeasurementIds.LearningRateChange];
        if (change is null) return DetectorVerdict.NotTestable("the log has no learning rate");

        if ((change.Value < 0.5 || !Significant(change)) && analysis[MeasurementIds.LearningRateStepResponse] is { } response)
            return StepSchedule(analysis, response);

        if (change.Value < 0.5 || !Significant(change))
            return DetectorVerdict.NotFound($"the learning rate changes at {change.Value:P0} of boundaries, no more than elsewhere");

        var evidence = new List<Evidence> { Cite(change, $"the learning rate changes at {change.Value:P0} of boundaries ({change.Method})") };
        var (structureP, strongest) = StructureEvidence(analysis);
        var cap = ConfidenceLevel.High;
        string summary;
        // The loss may answer a new rate in its noise rather than its level.
        var noise = analysis[MeasurementIds.BoundaryNoiseChange];
        if (strongest is not null && structureP <= Confidence.LowBelow)
        {
            evidence.Add(Cite(strongest, $"and the loss changes there too: {strongest.Title.ToLowerInvariant()} {strongest.Value:0.00} {strongest.Unit}"));
            summary = "The learning rate changes at every epoch boundary, and the loss responds there: the structure is the schedule's doing.";
        }
        else if (noise is not null && Significant(noise, NoiseResponseBelow) && Math.Abs(noise.Value) >= 0.1)
        {
            evidence.Add(Cite(noise, $"and the loss becomes {(noise.Value > 0 ? "noisier" : "steadier")} there: its spread changes {Math.Exp(noise.Value):0.00}x across the boundary"));
            summary = "The learning rate changes at every epoch boundary, and the loss's noise changes with it: the structure is the schedule's doing.";
        }
        else
        {
            cap = ConfidenceLevel.Low;
            summary = "The learning rate changes at epoch boundaries, but the loss shows no clear response.";
        }

        var confidence = Confidence.From(P(change), "learning-rate changes at boundaries against other steps, binomial test", cap);
        return confidence is null
            ? DetectorVerdict.NotFound("the learning-rate changes at boundaries are too few")
            : DetectorVerdict.Found(new Finding(
                Cause,
                summary,
                confidence,
                evidence,
                [new CounterEvidence(CauseId.OptimizerReset, "an optimizer rebuilt each epoch also restarts a scheduler built with it; check the optimizer's step count if it is logged")],
                new Severity(SeverityLevel.Low, Impact.Intended, null, null, null, "Usually intended (per-epoch decay, warm restarts). If it is not, check whether scheduler.step() runs per epoch where it should run per batch, or a warm-up restarts every epoch."),
                "Nothing, if the schedule is intended. Otherwise step the scheduler where it belongs and create it once, outside the epoch loop."));
    }

    /// <summary>
    /// A step schedule (MultiStepLR, a "step" policy) that decays the rate at a few epoch boundaries: the loss's level
    /// moves at once there, which is the schedule working, not a fault; the other causes were judged with the trend
    /// broken at those steps.
    /// </summary>
    private static DetectorVerdict StepSchedule(EpochAnalysis analysis, Measurement response)
    {
        var steps = analysis.RateSteps.Where(s => s.Epoch > 0).ToList();
        var numbers = steps.Select(s => (s.Epoch + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        string epochs = numbers.Count > 1 ? $"{string.Join(", ", numbers[..^1])} and {numbers[^1]}" : numbers[0];
        string way = steps.All(s => s.Ratio < 1) ? "down" : steps.All(s => s.Ratio > 1) ? "up" : "";
        string where = $"at the start of epoch{(steps.Count > 1 ? "s" : "")} {epochs}";
        if (response.Value <= 0 || !Significant(response))
            return DetectorVerdict.NotFound($"the learning rate steps {way} {where} (a step schedule), but the loss moves there no more than elsewhere ({Describe(response.PValue)})".Replace("  ", " ", StringComparison.Ordinal));

        var confidence = Confidence.From(P(response), "loss change across the learning-rate steps against the same contrast at every other point, rank test with a t tail");
        if (confidence is null)
            return DetectorVerdict.NotFound($"the loss's change at the learning-rate steps {where} is too weak to tell");

        bool decays = way == "down";
        return DetectorVerdict.Found(new Finding(
            CauseId.LrSchedule,
            $"The learning rate steps {way} {where} (a step schedule), and the loss {(decays ? "drops" : "moves")} there at once: {(steps.Count > 1 ? "those boundaries are" : "that boundary is")} the schedule's doing.".Replace("  ", " ", StringComparison.Ordinal),
            confidence,
            [Cite(response, $"the loss moves {response.Value:0.0} robust SD the way the rate did across the step{(steps.Count > 1 ? "s" : "")} ({response.Method})")],
            [new CounterEvidence(CauseId.Recency, "the other boundaries were judged with the loss's trend allowed to break at the steps, so the steps cannot pass for a pattern repeated every epoch")],
            new Severity(SeverityLevel.Low, Impact.Intended, null, null, null, decays
                ? "Intended: a decay lets the model settle into a lower loss. Watch the held-out loss after each decay; if it rises while the training loss keeps falling, the later decays come too late or training runs too long."
                : "Usually intended (a restart or a step up). If it is not, check the scheduler's milestones."),
            "Nothing, if the schedule is intended: the drop at a decay is the reason to have one."));
    }
}
