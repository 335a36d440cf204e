using EpochLens.Analysis;
using EpochLens.Diagnosis;
using EpochLens.Torch.Experiments;
using EpochLens.Torch.Tests.Training;
using EpochLens.Torch.Training;

namespace EpochLens.Torch.Tests.Experiments;

[Trait("Category", "Torch")] // trains or loads libtorch: the slow tests, left out of the fast run
public sealed class VerifierTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private Verifier NewVerifier(int? parallelism = null) =>
        new(TrainingRuns.Embedded, new Diagnoser(), new VerifyOptions { OutFolder = _temp.Sub("verify"), Parallelism = parallelism });

    [Fact]
    public void Confirms_a_planted_fixed_order()
    {
        var run = HarnessRun.Open(RecordedRuns.Record(RecordedRuns.Small(SampleOrder.Fixed), _temp.Sub("fixed")));

        var report = NewVerifier().Verify(run, [CauseId.FixedOrder]);

        var result = Assert.Single(report.Causes);
        Assert.True(result.Verdict == VerifyVerdict.Confirmed, result.Reason);
        Assert.True(result.OriginalHasFactor);
        Assert.Equal(MeasurementIds.PositionCorrelation, result.WithFactor!.Signature!.Id);
        Assert.True(result.WithFactor.Signature.Value > 0.5, $"fixed order repeats the pattern: {result.WithFactor.Signature}");
        Assert.True(result.WithoutFactor!.Signature!.PValue > VerdictRules.AbsentAbove, $"reshuffled, it is gone: {result.WithoutFactor.Signature}");
        Assert.True(result.Comparison!.PValue <= VerdictRules.DifferBelow);
        Assert.Equal(SampleOrder.Reshuffled, result.WithoutFactor.Options.Causes.Order);
        // The budget matched the recorded run, so its own telemetry stood for the original side: one training only.
        Assert.True(result.WithFactor.ReusedOriginalTelemetry);
        Assert.Single(report.Runs);
        Assert.True(double.IsFinite(result.HowBad!.LossWith) && double.IsFinite(result.HowBad.LossWithout));
    }

    [Fact]
    public void Refutes_fixed_order_on_a_reshuffled_run()
    {
        var run = HarnessRun.Open(RecordedRuns.Record(RecordedRuns.Small(SampleOrder.Reshuffled), _temp.Sub("reshuffled")));

        var report = NewVerifier().Verify(run, [CauseId.FixedOrder]);

        var result = Assert.Single(report.Causes);
        Assert.True(result.Verdict == VerifyVerdict.Refuted, result.Reason);
        Assert.False(result.OriginalHasFactor);
        Assert.True(result.WithoutFactor!.ReusedOriginalTelemetry);
        // The experiment switched the factor on to show that the test would have seen it.
        Assert.Equal(SampleOrder.Fixed, result.WithFactor!.Options.Causes.Order);
        Assert.True(result.WithFactor.Signature!.PValue <= VerdictRules.ClearBelow, result.Reason);
    }

    public void Dispose() => _temp.Dispose();
}
