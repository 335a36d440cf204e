using static EpochLens.Diagnosis.Detectors.Signals;

namespace EpochLens.Diagnosis.Detectors;

/// <summary>The same sample order every epoch: the fine per-position pattern of the loss repeats.</summary>
internal sealed class FixedOrderDetector() : CauseDetector(CauseId.FixedOrder)
{
    public override DetectorVerdict Detect(EpochAnalysis analysis)
    {
        var order = analysis[MeasurementIds.SampleOrderRepeat];
        var correlation = analysis[MeasurementIds.PositionCorrelation];
        var evidence = new List<Evidence>();
        Confidence? confidence = null;
        if (order is not null)
        {
            if (order.Value < 0.5)
                return DetectorVerdict.NotFound($"the sample ids show reshuffling: only {order.Value:P1} of positions repeat the previous epoch's sample");

            evidence.Add(Cite(order, $"{order.Value:P1} of positions train on the same sample as one epoch before (about {order.Expected:P2} by chance)"));
            confidence = Confidence.From(P(order), "sample ids by position, binomial test");
        }

        if (correlation is not null)
        {
            if (Significant(correlation) && correlation.Value > 0)
            {
                evidence.Add(Cite(correlation, $"the fine loss pattern by position correlates {correlation.Value:0.00} between odd and even epochs (about {correlation.Expected:0.00} when reshuffled)"));
                var fromLoss = Confidence.From(P(correlation), "position-wise correlation of odd and even epochs, rotation test");
                confidence = Confidence.Stronger(confidence, fromLoss);
            }
            else if (confidence is null)
            {
                return DetectorVerdict.NotFound($"the loss by position does not repeat across epochs (correlation {correlation.Value:0.00}, {Describe(correlation.PValue)})");
            }
        }

        if (confidence is null)
            return DetectorVerdict.NotFound(correlation is null ? "too few epochs or positions to compare" : "no repetition found");

        return DetectorVerdict.Found(new Finding(
            Cause,
            "The data are seen in the same order every epoch: the loss pattern by position repeats epoch after epoch.",
            confidence,
            evidence,
            [new CounterEvidence(CauseId.Recency, "reshuffled data with memorisation gives a smooth sawtooth, not a repeated sample-by-sample pattern")],
            new Severity(SeverityLevel.Medium, Impact.Training, null, null, null, "Real: the model meets the same sequence every epoch, so it can learn the order, forget early items late in each epoch, and usually generalises worse."),
            "Reshuffle every epoch: DataLoader(shuffle=True); call DistributedSampler.set_epoch(epoch) each epoch; do not re-seed the sampler's or workers' generators with the same seed at every epoch."));
    }
}
