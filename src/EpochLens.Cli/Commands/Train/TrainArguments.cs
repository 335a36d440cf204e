using EpochLens.Telemetry;
using EpochLens.Torch.Training;

namespace EpochLens.Cli.Commands.Train;

/// <summary>The <c>epochlens train</c> command line that trains a given set of options (the inverse of <see cref="TrainSettings.ToOptions"/>).</summary>
internal static class TrainArguments
{
    /// <summary>
    /// Arguments for <paramref name="o"/> writing CSV telemetry to <paramref name="folder"/> without a progress bar.
    /// Adam's betas have no option: a set-up with other betas cannot be trained by the command.
    /// </summary>
    public static IReadOnlyList<string> For(TrainOptions o, string folder)
    {
        ArgumentNullException.ThrowIfNull(o);
        if (o.Beta1 != 0.9 || o.Beta2 != 0.999)
            throw new ArgumentException($"epochlens train has no option for Adam's betas ({o.Beta1}, {o.Beta2}); only the defaults 0.9 and 0.999 can be trained by it", nameof(o));

        string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
        string Whole(long value) => value.ToString(CultureInfo.InvariantCulture);
        var c = o.Causes;
        string Switch(string name) => "--" + name;
        var args = new List<string>
        {
            "train", "--out", folder, "--quiet", "--telemetry", TrainingNames.Telemetry.Name(TelemetryFormat.Csv),
            "--threads", Whole(o.Threads), "--epochs", Whole(o.Epochs), "--lr", Number(o.LearningRate),
            "--batch-size", Whole(o.BatchSize), "--samples-per-epoch", Whole(o.SamplesPerEpoch), "--seed", Whole(o.Seed),
            Switch(CauseSwitchNames.Order), TrainingNames.Order.Name(c.Order), Switch(CauseSwitchNames.LossReduction), TrainingNames.Reduction.Name(c.LossReduction),
            Switch(CauseSwitchNames.GradAccumulation), Whole(c.GradAccumulation), Switch(CauseSwitchNames.AccumulationLeftover), TrainingNames.Leftover.Name(c.AccumulationLeftover),
            "--norms", TrainingNames.Norms.Name(o.Norms),
        };
        void Flag(bool on, string name)
        {
            if (on) args.Add(Switch(name));
        }

        if (!o.EvaluateEachEpoch) args.Add("--no-eval");

        Flag(c.RunningMeanLogging, CauseSwitchNames.LogRunningMean);
        Flag(c.DropLast, CauseSwitchNames.DropLast);
        Flag(c.RebuildOptimizerEachEpoch, CauseSwitchNames.RebuildOptimizer);
        Flag(c.LrWarmRestarts, CauseSwitchNames.LrRestarts);
        Flag(c.ReloadWeightsAtBoundary, CauseSwitchNames.ReloadWeights);
        Flag(c.FreshSamplesEachEpoch, CauseSwitchNames.FreshSamples);
        if (c.MemorizeSubset is int n)
        {
            args.Add(Switch(CauseSwitchNames.Memorize));
            args.Add(Whole(n));
        }

        return args;
    }
}
