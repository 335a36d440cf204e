using EpochLens.Logs;

namespace EpochLens.Core.Tests.Diagnosis;

/// <summary>
/// Plain step,loss logs with one shape planted at known epochs, as a user's export would hold them: the
/// fine-tuning stair-step, a rounded running mean, a summed loss's half-size last batch, cosine warm restarts,
/// a memorised small set. Seeded: the same arguments give the same log.
/// </summary>
internal static class ShapedRuns
{
    public static TrainingLog Log(string name, long[] steps, double[] values) =>
        new(name, "csv", [new MetricSeries("loss", steps, values, role: SeriesRole.TrainLoss)]);

    /// <summary>
    /// A fine-tune: a fast early fall then a slow one, every epoch starting <paramref name="drop"/> lower (0: none),
    /// lognormal per-step noise, logged as the mean of every <paramref name="every"/> steps at the window's last step
    /// (1-based, as the Hugging Face Trainer's logging_steps writes it).
    /// </summary>
    public static TrainingLog StairStep(int epochs, int stepsPerEpoch, double drop, int seed, int every = 10, double noise = 0.35)
    {
        var random = new Random(seed);
        var steps = new List<long>();
        var values = new List<double>();
        double sum = 0;
        for (int t = 0; t < epochs * stepsPerEpoch; t++)
        {
            int epoch = t / stepsPerEpoch;
            double level = (0.6 + (0.8 * Math.Exp(-t / (0.3 * stepsPerEpoch)))) * Math.Pow(1 - drop, epoch);
            sum += level * Math.Exp(noise * Normal(random));
            if ((t + 1) % every == 0)
            {
                steps.Add(t + 1);
                values.Add(sum / every);
                sum = 0;
            }
        }

        return Log("stair-step", [.. steps], [.. values]);
    }

    /// <summary>Keras-style: the epoch's running mean of per-step losses, printed to <paramref name="decimals"/> decimals.</summary>
    public static TrainingLog RoundedRunningMean(int epochs, int stepsPerEpoch, double floor, int decimals, int seed)
    {
        var random = new Random(seed);
        var steps = new long[epochs * stepsPerEpoch];
        var values = new double[steps.Length];
        double sum = 0;
        for (int t = 0; t < steps.Length; t++)
        {
            int k = (t % stepsPerEpoch) + 1;
            sum = k == 1 ? 0 : sum;
            sum += (floor + (1.5 * Math.Exp(-t / 800.0))) * Math.Exp(0.6 * Normal(random));
            steps[t] = t;
            values[t] = Math.Round(sum / k, decimals);
        }

        return Log("keras-running-mean", steps, values);
    }

    /// <summary>A summed loss over batches of 32 whose last batch per epoch holds 16 samples.</summary>
    public static TrainingLog SummedHalfLastBatch(int epochs, int stepsPerEpoch, int seed)
    {
        var random = new Random(seed);
        var steps = new long[epochs * stepsPerEpoch];
        var values = new double[steps.Length];
        for (int t = 0; t < steps.Length; t++)
        {
            int batch = t % stepsPerEpoch == stepsPerEpoch - 1 ? 16 : 32;
            double level = 0.4 + (1.2 * Math.Exp(-t / 400.0)), total = 0;
            for (int i = 0; i < batch; i++)
            {
                total += level * Math.Exp(0.5 * Normal(random));
            }

            steps[t] = t;
            values[t] = total;
        }

        return Log("summed-last-batch", steps, values);
    }

    /// <summary>Cosine annealing restarted every epoch: the loss rises with the rate, by up to <paramref name="amplitude"/>.</summary>
    public static TrainingLog WarmRestarts(int epochs, int stepsPerEpoch, double amplitude, double noise, int seed)
    {
        var random = new Random(seed);
        var steps = new long[epochs * stepsPerEpoch];
        var values = new double[steps.Length];
        for (int t = 0; t < steps.Length; t++)
        {
            double rate = 0.5 * (1 + Math.Cos(Math.PI * (t % stepsPerEpoch) / stepsPerEpoch));
            steps[t] = t;
            values[t] = (0.5 + Math.Exp(-t / 600.0)) * (1 + (amplitude * rate)) * Math.Exp(noise * Normal(random));
        }

        return Log("warm-restarts", steps, values);
    }

    /// <summary>A small set memorised over many epochs: the loss rises through each epoch by <paramref name="rise"/> (log).</summary>
    public static TrainingLog Sawtooth(int epochs, int stepsPerEpoch, double rise, int seed)
    {
        var random = new Random(seed);
        var steps = new long[epochs * stepsPerEpoch];
        var values = new double[steps.Length];
        for (int t = 0; t < steps.Length; t++)
        {
            double position = (double)(t % stepsPerEpoch) / stepsPerEpoch;
            steps[t] = t;
            values[t] = (0.3 + Math.Exp(-t / 1500.0)) * Math.Exp((rise * (position - 0.5)) + (0.5 * Normal(random)));
        }

        return Log("sawtooth", steps, values);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
