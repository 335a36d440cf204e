using static EpochLens.Diagnosis.Detectors.Signals;

namespace EpochLens.Diagnosis.Detectors;

/// <summary>The logged value is the epoch's running mean: a curve that steadies like 1/k and de-averages into plausible losses.</summary>
internal sealed class RunningMeanLoggingDetector() : CauseDetector(CauseId.RunningMeanLogging)
{
    public override DetectorVerdict Detect(EpochAnalysis analysis)
    {
        var decay = analysis[MeasurementIds.SpreadDecay];
        var negatives = analysis[MeasurementIds.DeAveragedNegativeShare];
        bool logSays = analysis.Series.Averaging.Kind == AveragingKind.RunningMeanSinceEpochStart;
        var evidence = new List<Evidence>();
        if (logSays)
            evidence.Add(new Evidence("log-format", analysis.Series.Averaging.Evidence ?? "the log states that its values are running means since the epoch start", 1, null, null));

        if (decay is null && !logSays)
            return DetectorVerdict.NotTestable("too few points per epoch to see how the curve steadies");

        if (negatives is { Value: > 0.05 } && !logSays)
            return DetectorVerdict.NotFound($"de-averaging gives {negatives.Value:P0} negative losses; running means of a loss never would");

        if (decay is not null && !logSays && !(decay.Value <= -0.5 && Significant(decay)))
            return DetectorVerdict.NotFound($"step-to-step changes do not shrink through the epoch as a running mean's would (log-log slope {decay.Value:0.00}, {Describe(decay.PValue)})");

        if (decay is not null)
            evidence.Add(Cite(decay, $"step-to-step changes shrink through the epoch with log-log slope {decay.Value:0.00} (a running mean gives -1, per-step values about {decay.Expected:0.00})"));

        if (negatives is not null)
            evidence.Add(Cite(negatives, $"de-averaging the curve gives plausible losses: {negatives.Value:P1} negative (per-step values would give many)"));

        if (StrongestJump(analysis) is { } jump && Significant(jump))
            evidence.Add(Cite(jump, $"the curve jumps by {jump.Value:+0.0;-0.0} robust SD at each boundary, where the mean restarts from a single loss"));

        double p = logSays ? 0 : Math.Min(1, P(decay) * 2);
        var cap = negatives is null && !logSays ? ConfidenceLevel.Medium : ConfidenceLevel.High;
        var confidence = logSays
            ? new Confidence(ConfidenceLevel.High, 0, "the log states how its values were averaged")
            : Confidence.From(p, "spread-decay rotation test, with de-averaging as a check", cap);
        if (confidence is null) return DetectorVerdict.NotFound("the steadying through the epoch is too weak to tell");

        return DetectorVerdict.Found(new Finding(
            Cause,
            "The logged loss is a running mean of the epoch so far, reset at every boundary: the spikes are the first few values of each epoch, means of one or two losses.",
            confidence,
            evidence,
            [
                new CounterEvidence(CauseId.Recency, "a training effect makes the loss move, not the curve grow smoother through the epoch like 1/k"),
                new CounterEvidence(CauseId.OptimizerReset, "a transient after the boundary would not make the curve smoother as the epoch goes on"),
            ],
            new Severity(SeverityLevel.Low, Impact.LogOnly, null, null, null, "Only the plot is wrong: the training itself is unaffected. The early points of each epoch average so few losses that they swing up or down."),
            "Log the per-step loss (or an exponential moving average that is not reset at epoch boundaries) instead of the epoch's running mean."));
    }
}
