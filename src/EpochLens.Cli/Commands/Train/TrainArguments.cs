using System.Globalization;
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
        {
            throw new ArgumentException($"epochlens train has no option for Adam's betas ({o.Beta1}, {o.Beta2}); only the defaults 0.9 and 0.999 can be trained by it", nameof(o));
        }

        string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
        string Whole(long value) => value.ToString(CultureInfo.InvariantCulture);
        var c = o.Causes;
        var args = new List<string>
        {
            "train", "--out", folder, "--quiet", "--telemetry", "csv",
            "--threads", Whole(o.Threads), "--epochs", Whole(o.Epochs), "--lr", Number(o.LearningRate),
            "--batch-size", Whole(o.BatchSize), "--samples-per-epoch", Whole(o.SamplesPerEpoch), "--seed", Whole(o.Seed),
            "--order", CauseSwitches.OrderName(c.Order), "--loss-reduction", c.LossReduction == LossReduction.Sum ? "sum" : "mean",
            "--grad-accumulation", Whole(c.GradAccumulation), "--accumulation-leftover", CauseSwitches.LeftoverName(c.AccumulationLeftover),
            "--norms", o.Norms == Torch.Telemetry.NormSchedule.EveryStep ? "every" : o.Norms == Torch.Telemetry.NormSchedule.Never ? "off" : "sampled",
        };
        void Flag(bool on, string name)
        {
            if (on)
            {
                args.Add(name);
            }
        }

        Flag(!o.EvaluateEachEpoch, "--no-eval");
        Flag(c.RunningMeanLogging, "--log-running-mean");
        Flag(c.DropLast, "--drop-last");
        Flag(c.RebuildOptimizerEachEpoch, "--rebuild-optimizer");
        Flag(c.LrWarmRestarts, "--lr-restarts");
        Flag(c.ReloadWeightsAtBoundary, "--reload-weights");
        Flag(c.FreshSamplesEachEpoch, "--fresh-samples");
        if (c.MemorizeSubset is int n)
        {
            args.Add("--memorize");
            args.Add(Whole(n));
        }

        return args;
    }
}
