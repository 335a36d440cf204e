using EpochLens.Analysis;
using static EpochLens.Diagnosis.Detectors.Signals;

namespace EpochLens.Diagnosis.Detectors;

/// <summary>
/// Memorisation under reshuffling: the detrended loss rises through the epoch and drops at the boundary; with
/// sample ids, a sample's loss grows with the steps since it was last seen.
/// </summary>
internal sealed class RecencyDetector : ICauseDetector
{
    public static readonly ICauseDetector Default = new RecencyDetector();

    public CauseId Cause => CauseId.Recency;

    public DetectorVerdict Detect(EpochAnalysis analysis)
    {
        var slope = analysis[MeasurementIds.WithinEpochSlope];
        var jump = analysis[MeasurementIds.BoundaryJumpWide] ?? analysis[MeasurementIds.BoundaryJump];
        var ids = analysis[MeasurementIds.SampleRecency];
        var evidence = new List<Evidence>();
        Confidence? confidence = null;
        var counter = new List<CounterEvidence>();
        bool sawtooth = slope is not null && slope.Value > 0 && Significant(slope) && jump is not null && jump.Value < 0;
        if (sawtooth)
        {
            evidence.Add(Cite(slope!, $"the detrended loss rises {slope!.Value:0.00} robust SD through each epoch"));
            evidence.Add(Cite(jump!, $"and drops {jump!.Value:0.00} robust SD at the boundary: a sawtooth"));
            confidence = Confidence.From(Math.Min(1, P(slope) * 2), "rise through the epoch, rotation test");
        }

        if (ids is not null)
        {
            if (ids.Value > 0 && Significant(ids))
            {
                evidence.Add(Cite(ids, $"a sample's loss grows with the steps since it was last seen (correlation {ids.Value:0.000} at equal position in the epoch)"));
                var direct = Confidence.From(P(ids), "loss against steps since last seen, within position strata");
                if (confidence is null || (direct is not null && direct.PValue < confidence.PValue))
                {
                    confidence = direct;
                }
            }
            else if (confidence is not null)
            {
                counter.Add(new CounterEvidence(CauseId.EpochAlignedUnexplained, $"but the sample ids show no memory of recent samples ({Describe(ids.PValue)}); something else shapes the epoch"));
                confidence = confidence with { Level = ConfidenceLevel.Low };
            }
        }

        if (confidence is null)
        {
            return DetectorVerdict.NotFound(slope is null
                ? "too few points per epoch to see a rise through it"
                : $"the loss does not rise through the epoch beyond the trend ({slope.Value:+0.00;-0.00} robust SD, {Describe(slope.PValue)})");
        }

        counter.Add(new CounterEvidence(CauseId.FixedOrder, "the data are reshuffled (no repeated per-position pattern), so the rise comes from time since each sample was seen"));
        var severity = TrainingSeverity(analysis, "Benign in itself, but a symptom of memorisation: items seen long ago are worse than items seen recently.");
        if (analysis[MeasurementIds.HeldOutGap] is { } gap)
        {
            bool overfitting = gap.Value > 0.05;
            evidence.Add(Cite(gap, overfitting
                ? $"the held-out loss has risen {gap.Value:P0} above its best: the model is overfitting"
                : $"the held-out loss is within {Math.Max(0, gap.Value):P0} of its best: no sign of overfitting yet"));
            severity = severity with
            {
                Level = overfitting ? SeverityLevel.High : severity.Level,
                Statement = severity.Statement + (overfitting ? " The held-out loss is rising: this is overfitting." : " The held-out loss does not show overfitting yet."),
            };
        }
        else
        {
            severity = severity with { Statement = severity.Statement + " Log a held-out loss to see whether it turns into overfitting." };
        }

        return DetectorVerdict.Found(new Finding(
            Cause,
            "The model remembers recently seen samples: with reshuffling, loss rises through each epoch as samples were seen longer ago, and drops when the next epoch starts.",
            confidence,
            evidence,
            counter,
            severity,
            "Nothing to fix in the loop. Watch the held-out loss; more data, augmentation or regularisation reduce memorisation; a smaller Adam beta2 weakens the effect."));
    }
}
