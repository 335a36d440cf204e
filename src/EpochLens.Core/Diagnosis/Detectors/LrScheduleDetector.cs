using EpochLens.Analysis;
using static EpochLens.Diagnosis.Detectors.Signals;

namespace EpochLens.Diagnosis.Detectors;

/// <summary>The learning rate changes at the boundaries: needs the learning rate in the log.</summary>
internal sealed class LrScheduleDetector : ICauseDetector
{
    public static readonly ICauseDetector Default = new LrScheduleDetector();

    public CauseId Cause => CauseId.LrSchedule;

    /// <summary>A noise change counts as the loss's response only at this p: it is one more test beside the level tests.</summary>
    private const double NoiseResponseBelow = 1e-3;

    public DetectorVerdict Detect(EpochAnalysis analysis)
    {
        var change = analysis[MeasurementIds.LearningRateChange];
        if (change is null)
        {
            return DetectorVerdict.NotTestable("the log has no learning rate");
        }

        if (change.Value < 0.5 || !Significant(change))
        {
            return DetectorVerdict.NotFound($"the learning rate changes at {change.Value:P0} of boundaries, no more than elsewhere");
        }

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
}
