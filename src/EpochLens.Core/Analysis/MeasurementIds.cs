namespace EpochLens.Analysis;

/// <summary>The stable ids of the measurements, as JSON and reports write them.</summary>
public static class MeasurementIds
{
    public const string BoundaryJump = "boundary-jump";
    public const string BoundaryJumpWide = "boundary-jump-wide";
    public const string BoundaryJumpAfterFirst = "boundary-jump-after-first";
    public const string BoundaryNoiseChange = "boundary-noise-change";
    public const string FirstStepLevel = "first-step-level";
    public const string LastStepLevel = "last-step-level";
    public const string FirstStepVariance = "first-step-variance";
    public const string LastStepVariance = "last-step-variance";
    public const string WithinEpochSlope = "within-epoch-slope";
    public const string EpochStartStep = "epoch-start-step";
    public const string RiseAndDrop = "rise-and-drop";
    public const string PositionCorrelation = "position-correlation";
    public const string ProfileConsistency = "profile-consistency";
    public const string SpreadDecay = "spread-decay";
    public const string DeAveragedNegativeShare = "de-averaged-negative-share";
    public const string TransientLength = "transient-length";
    public const string LearningRateChange = "learning-rate-change";
    public const string LearningRateStepResponse = "learning-rate-step-response";
    public const string OptimizerStepReset = "optimizer-step-reset";
    public const string UpdateNormAtBoundary = "update-norm-at-boundary";
    public const string StepsPerUpdate = "steps-per-update";
    public const string UpdateNormShift = "update-norm-shift";
    public const string AccumulationGroupAtBoundary = "accumulation-group-at-boundary";
    public const string UpdateNormAtSecondStep = "update-norm-at-second-step";
    public const string UpdateNormAtLastStep = "update-norm-at-last-step";
    public const string SampleRecency = "sample-recency";
    public const string SampleOrderRepeat = "sample-order-repeat";
    public const string HeldOutGap = "held-out-gap";
}
