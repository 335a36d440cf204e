using static EpochLens.Diagnosis.Detectors.Signals;

namespace EpochLens.Diagnosis.Detectors;

/// <summary>A smaller last batch: an anomaly at the last step of each epoch only, in level (summed loss) or spread (averaged).</summary>
internal sealed class PartialLastBatchDetector() : CauseDetector(CauseId.PartialLastBatch)
{
    public override DetectorVerdict Detect(EpochAnalysis analysis)
    {
        var level = analysis[MeasurementIds.LastStepLevel];
        var spread = analysis[MeasurementIds.LastStepVariance];
        if (level is null && spread is null)
            return DetectorVerdict.NotTestable("too few points per epoch to single out the last step");

        // The claim is about one step: the log must hold it, not a point some steps before it.
        double logged = EdgeStepShare(analysis, last: true);
        if (logged < EdgeStepsNeeded)
        {
            return DetectorVerdict.NotTestable(IsWindowMean(analysis.Series.Averaging)
                ? "each value is a mean over a logging window, so no point is the last step alone and a smaller last batch cannot be singled out"
                : $"the last step of the epoch is logged in {logged:P0} of the whole epochs (one point every {analysis.Signal.BinWidth:0.#} steps), so a smaller last batch cannot be singled out");
        }

        double p = Math.Min(1, Math.Min(P(level), P(spread)) * 2);
        var confidence = Confidence.From(p, "last-step level and spread, rotation tests");
        if (confidence is null)
            return DetectorVerdict.NotFound($"the last point of the epoch is like any other ({Describe(Math.Min(P(level), P(spread)))})");

        var evidence = new List<Evidence>();
        var counter = new List<CounterEvidence>();
        string mode;
        if (P(level) <= P(spread) && level is not null)
        {
            mode = level.Value < 0 ? "lower, as a loss summed over a smaller batch is" : "higher";
            evidence.Add(Cite(level, $"the last point of each epoch sits {level.Value:+0.00;-0.00} robust SD from the rest ({mode})"));
        }
        else
        {
            mode = "noisier, as a mean over fewer samples is";
            evidence.Add(Cite(spread!, $"the last point of each epoch is {Math.Exp(spread!.Value):0.0}x as variable as the rest ({mode})"));
        }

        // The signature is confined to the last step: an equally strong first step points elsewhere.
        var firstLevel = analysis[MeasurementIds.FirstStepLevel];
        var firstSpread = analysis[MeasurementIds.FirstStepVariance];
        double pFirst = Math.Min(P(firstLevel), P(firstSpread));

        // A first step pulled along by the last one's dip (a trend fitted through the dip) is not an anomaly of its own.
        bool firstOwn = P(firstLevel) <= P(firstSpread)
            ? firstLevel is not null && (level is null || Math.Abs(firstLevel.Value) >= 0.5 * Math.Abs(level.Value))
            : firstSpread is not null && (spread is null || Math.Abs(firstSpread.Value) >= 0.5 * Math.Abs(spread.Value));
        if (pFirst <= Confidence.LowBelow && firstOwn)
        {
            counter.Add(new CounterEvidence(CauseId.GradAccumulationLeftover, $"the first step of the epoch stands out too ({Describe(pFirst)}), which a smaller last batch alone would not do"));
            confidence = confidence with { Level = ConfidenceLevel.Low };
        }
        else
        {
            counter.Add(new CounterEvidence(CauseId.GradAccumulationLeftover, $"the first step of the next epoch is ordinary ({Describe(pFirst)}): nothing leaks across the boundary"
                + (analysis[MeasurementIds.AccumulationGroupAtBoundary] is null && analysis[MeasurementIds.UpdateNormAtLastStep] is null
                    ? "; a short last accumulation group stepped on its own looks the same in the loss (the optimizer's step count or update norms tell them apart)"
                    : "")));
        }

        return DetectorVerdict.Found(new Finding(
            Cause,
            $"The last step of each epoch is {mode.Split(',')[0]}: the last batch is smaller than the rest and its loss is weighted differently.",
            confidence,
            evidence,
            counter,
            new Severity(SeverityLevel.Low, Impact.Cosmetic, null, 1, 1 / analysis.Structure.StepsPerEpoch, "Mostly cosmetic: one step per epoch is weighted differently (a summed loss looks lower, an averaged one noisier); its gradient is off in the same proportion."),
            "Drop the incomplete batch (drop_last=True), or average the loss per sample so a smaller batch is weighted like the others."));
    }
}
