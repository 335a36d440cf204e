using EpochLens.Diagnosis;
using EpochLens.Torch.Experiments;
using EpochLens.Torch.Training;

namespace EpochLens.Torch.Tests.Experiments;

public sealed class CauseExperimentsTests
{
    private static readonly TrainOptions Question = new();

    [Fact]
    public void Every_cause_the_harness_switches_has_an_experiment()
    {
        var causes = CauseExperiments.All.Select(e => e.Cause).ToHashSet();

        Assert.Equal(8, causes.Count);
        Assert.DoesNotContain(CauseId.None, causes);
        Assert.DoesNotContain(CauseId.EpochAlignedUnexplained, causes);
    }

    [Theory]
    [InlineData(CauseId.FixedOrder)]
    [InlineData(CauseId.OptimizerReset)]
    [InlineData(CauseId.LrSchedule)]
    [InlineData(CauseId.StateReload)]
    [InlineData(CauseId.RunningMeanLogging)]
    public void A_factor_the_run_lacks_is_switched_on_against_the_original(CauseId cause)
    {
        var plan = CauseExperiments.For(cause)!.Plan(Question, 5039);

        Assert.False(plan.OriginalHasFactor);
        Assert.True(plan.CanRun);
        Assert.Equal(Question, plan.WithoutFactor!.Options);
        Assert.True(CauseExperiments.For(cause)!.IsPresent(plan.WithFactor!.Options));
    }

    [Fact]
    public void Switching_off_changes_only_that_factor()
    {
        var planted = Question with { Causes = new CauseSwitches { Order = SampleOrder.Fixed, RebuildOptimizerEachEpoch = true } };

        var plan = CauseExperiments.For(CauseId.FixedOrder)!.Plan(planted, 5039);

        Assert.True(plan.OriginalHasFactor);
        Assert.Equal(planted, plan.WithFactor!.Options);
        Assert.Equal(planted with { Causes = planted.Causes with { Order = SampleOrder.Reshuffled } }, plan.WithoutFactor!.Options);
    }

    [Fact]
    public void Batch_size_1_has_no_partial_last_batch_to_switch_on()
    {
        var plan = CauseExperiments.For(CauseId.PartialLastBatch)!.Plan(Question, 5039);

        Assert.False(plan.CanRun);
        Assert.Contains("no partial last batch", plan.NoExperimentBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void A_running_mean_is_judged_on_both_series_of_one_run()
    {
        var logged = Question with { Causes = new CauseSwitches { RunningMeanLogging = true } };

        var plan = CauseExperiments.For(CauseId.RunningMeanLogging)!.Plan(logged, 5039);

        Assert.Equal(plan.WithFactor!.Options, plan.WithoutFactor!.Options);
        Assert.Equal(CauseExperiments.LoggedLoss, plan.WithFactor.Metric);
        Assert.Null(plan.WithoutFactor.Metric);
    }

    [Fact]
    public void Recency_is_not_switchable_when_fresh_samples_for_every_epoch_do_not_fit()
    {
        var plan = CauseExperiments.For(CauseId.Recency)!.Plan(Question, 5039);

        Assert.False(plan.CanRun);
        Assert.Contains("need 15117 training samples", plan.NoExperimentBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void The_budget_for_recency_shortens_the_epoch_so_fresh_samples_fit()
    {
        var experiment = CauseExperiments.For(CauseId.Recency)!;

        var budget = ExperimentBudget.Choose(Question, experiment, 5039);
        var plan = experiment.Plan(budget.Apply(Question), 5039);

        Assert.Equal(3, budget.Epochs);
        Assert.True(budget.SamplesPerEpoch * 3 <= 5039, budget.Reason);
        Assert.True(plan.CanRun, plan.NoExperimentBecause);
    }

    [Fact]
    public void The_budget_keeps_the_question_run_whole_and_shortens_longer_ones()
    {
        var fixedOrder = CauseExperiments.For(CauseId.FixedOrder)!;

        var whole = ExperimentBudget.Choose(Question, fixedOrder, 5039);
        var fewerEpochs = ExperimentBudget.Choose(Question with { Epochs = 10 }, fixedOrder, 5039);
        var shortened = ExperimentBudget.Choose(Question with { Epochs = 10 }, fixedOrder, 5039, maxStepsPerRun: 6000);

        Assert.Equal((3, 5039), (whole.Epochs, whole.SamplesPerEpoch));
        Assert.Equal(Question, whole.Apply(Question));
        Assert.Equal((3, 5039), (fewerEpochs.Epochs, fewerEpochs.SamplesPerEpoch));
        Assert.Equal(10, shortened.Epochs);
        Assert.Equal(600, shortened.SamplesPerEpoch);
        Assert.Contains("shortened epoch", shortened.Reason, StringComparison.Ordinal);
    }
}
