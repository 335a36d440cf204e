using System.Globalization;
using EpochLens.Torch.Training;

namespace EpochLens.Torch.Experiments;

/// <summary>
/// How long each experiment run trains: epochs and samples per epoch, chosen so the boundary statistics have
/// at least three epochs while a run stays within a step limit, with the reason in words.
/// </summary>
/// <param name="Epochs">Epochs per run.</param>
/// <param name="SamplesPerEpoch">Samples per epoch (the memorised subset's size when the run memorises).</param>
/// <param name="Reason">Why this budget, in a sentence.</param>
public sealed record ExperimentBudget(int Epochs, int SamplesPerEpoch, string Reason)
{
    /// <summary>The fewest epochs that give two boundaries with an epoch on each side, and odd and even epochs to compare.</summary>
    public const int MinEpochs = 3;

    /// <summary>Steps per run by default: three epochs of the question's 5039, about half a minute on one core.</summary>
    public const int DefaultMaxStepsPerRun = 16_000;

    /// <summary>Samples per epoch below which boundary statistics have too few positions to rotate over.</summary>
    public const int MinSamplesPerEpoch = 64;

    /// <summary>The original's options cut to this budget.</summary>
    public TrainOptions Apply(TrainOptions original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var o = original with { Epochs = Epochs, Threads = 1, EvaluateEachEpoch = true };
        // run.json records a memorised subset's size as the samples per epoch, so both follow the budget.
        return original.Causes.MemorizeSubset is not null
            ? o with { SamplesPerEpoch = SamplesPerEpoch, Causes = o.Causes with { MemorizeSubset = SamplesPerEpoch } }
            : o with { SamplesPerEpoch = SamplesPerEpoch };
    }

    /// <summary>
    /// The budget for testing <paramref name="experiment"/> on <paramref name="original"/>: the original's own length
    /// when three or more of its epochs fit in <paramref name="maxStepsPerRun"/> (then its telemetry can stand for
    /// the original side), else three epochs of a shortened epoch; the user's <paramref name="epochs"/> and
    /// <paramref name="samplesPerEpoch"/> win over both.
    /// </summary>
    public static ExperimentBudget Choose(TrainOptions original, CauseExperiment experiment, int trainCount, int maxStepsPerRun = DefaultMaxStepsPerRun, int? epochs = null, int? samplesPerEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(experiment);
        int batch = original.BatchSize;
        int n = original.EffectiveSamplesPerEpoch;
        int e = epochs ?? Math.Max(MinEpochs, original.Epochs);
        string why;
        if (samplesPerEpoch is int given)
        {
            n = given;
            why = string.Create(CultureInfo.InvariantCulture, $"{e} epochs of {n} samples, as asked");
        }
        else
        {
            long steps = (long)e * original.StepsPerEpoch;
            if (epochs is null && steps > maxStepsPerRun && (long)MinEpochs * original.StepsPerEpoch <= maxStepsPerRun)
            {
                // Fewer epochs of the real length keep the epoch's own positions and dynamics.
                e = (int)Math.Max(MinEpochs, maxStepsPerRun / original.StepsPerEpoch);
                why = string.Create(CultureInfo.InvariantCulture, $"{e} of the run's {original.Epochs} epochs of {n} samples: the most whole epochs within {maxStepsPerRun} steps per run");
            }
            else if ((long)e * original.StepsPerEpoch > maxStepsPerRun)
            {
                n = Shortened(n, batch, maxStepsPerRun / e);
                why = string.Create(CultureInfo.InvariantCulture, $"{e} epochs of a shortened epoch of {n} samples (the run has {original.EffectiveSamplesPerEpoch}): {e} full epochs would train {(long)e * original.StepsPerEpoch} steps per run, over the limit of {maxStepsPerRun}");
            }
            else
            {
                why = e == original.Epochs
                    ? string.Create(CultureInfo.InvariantCulture, $"the run's own {e} epochs of {n} samples: within {maxStepsPerRun} steps per run, and at least {MinEpochs} epochs for the boundary statistics")
                    : string.Create(CultureInfo.InvariantCulture, $"{e} epochs of the run's {n} samples: the run has only {original.Epochs}, and the boundary statistics need at least {MinEpochs}");
            }

            if (experiment.NeedsFreshSamples && original.Causes.MemorizeSubset is null && (long)n * e > trainCount && trainCount / e >= MinSamplesPerEpoch)
            {
                // The control for recency trains every epoch on new samples, which the data set must hold.
                n = Shortened(n, batch, trainCount / e / batch);
                why += string.Create(CultureInfo.InvariantCulture, $"; epochs shortened to {n} samples so that {e} epochs of fresh samples fit in the {trainCount} training samples");
            }
        }

        return new ExperimentBudget(e, n, why);
    }

    /// <summary>About <paramref name="steps"/> batches' worth of samples, keeping the run's remainder modulo the batch size (its partial last batch).</summary>
    private static int Shortened(int samples, int batch, long steps)
    {
        int remainder = samples % batch;
        long full = Math.Max(1, steps - (remainder > 0 ? 1 : 0));
        return (int)Math.Min(samples, Math.Max(MinSamplesPerEpoch, (full * batch) + remainder));
    }

    /// <summary>Steps per run under this budget, for <paramref name="original"/>'s batch size.</summary>
    public long StepsPerRun(TrainOptions original) => (long)Apply(original).StepsPerEpoch * Epochs;
}
