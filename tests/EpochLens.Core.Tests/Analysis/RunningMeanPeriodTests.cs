using EpochLens.Analysis;
using EpochLens.Logs;
using Xunit.Abstractions;

namespace EpochLens.Core.Tests.Analysis;

/// <summary>
/// The epoch length of a sparse running-mean log (an average meter printed every few dozen steps, 8 to 30 lines an
/// epoch), found from the 1/k steadying of its changes where neither the spectrum nor a level shift sees it.
/// </summary>
public class RunningMeanPeriodTests(ITestOutputHelper output)
{
    /// <summary>How the per-step losses are logged every <c>every</c> steps.</summary>
    public enum Logged
    {
        /// <summary>The mean of the epoch so far, reset at each boundary.</summary>
        RunningMean,

        /// <summary>The mean of the last <c>every</c> steps.</summary>
        WindowMean,

        /// <summary>An exponential moving average of every step.</summary>
        Ema,

        /// <summary>The step's own loss.</summary>
        Raw,
    }

    private static MetricSeries Run(int seed, int stepsPerEpoch, int every, int epochs, Logged logged, double noise = 0.4)
    {
        var random = new Random(seed);
        var steps = new List<long>();
        var values = new List<double>();
        double sum = 0, ema = double.NaN;
        var window = new Queue<double>();
        for (int t = 0; t < stepsPerEpoch * epochs; t++)
        {
            if (t % stepsPerEpoch == 0)
            {
                sum = 0;
            }

            double loss = Math.Exp(Math.Log(0.3 + Math.Exp(-t / (0.7 * stepsPerEpoch))) + (noise * SyntheticLoss.Normal(random)));
            sum += loss;
            ema = double.IsNaN(ema) ? loss : (0.95 * ema) + (0.05 * loss);
            window.Enqueue(loss);
            if (window.Count > every)
            {
                window.Dequeue();
            }

            if ((t + 1) % every == 0)
            {
                steps.Add(t);
                values.Add(logged switch
                {
                    Logged.RunningMean => sum / ((t % stepsPerEpoch) + 1),
                    Logged.WindowMean => window.Average(),
                    Logged.Ema => ema,
                    _ => loss,
                });
            }
        }

        return new MetricSeries("loss", [.. steps], [.. values]);
    }

    [Theory]
    [InlineData(500, 50, 8)]
    [InlineData(1000, 40, 5)]
    [InlineData(640, 20, 4)]
    [InlineData(300, 25, 10)]
    public void Finds_the_length_of_a_sparse_running_mean(int stepsPerEpoch, int every, int epochs)
    {
        var found = RunningMeanPeriod.Search(Run(1, stepsPerEpoch, every, epochs, Logged.RunningMean), origin: 0);

        Assert.NotNull(found);
        Assert.InRange(found.StepsPerEpoch, stepsPerEpoch - every, stepsPerEpoch + every);
        Assert.True(found.PValue <= 0.01, $"p = {found.PValue}");
    }

    [Theory]
    [InlineData(Logged.WindowMean)]
    [InlineData(Logged.Ema)]
    [InlineData(Logged.Raw)]
    public void Finds_nothing_in_the_same_losses_logged_otherwise(Logged logged)
    {
        Assert.Null(RunningMeanPeriod.Search(Run(1, 500, 50, 8, logged), origin: 0));
    }

    /// <summary>Measured: 0 of 279 window-mean, EMA and raw logs of 40 to 1,000 points gave a length.</summary>
    [Fact]
    public void False_alarms_on_logs_without_a_running_mean_stay_rare()
    {
        int found = 0, runs = 0;
        for (int seed = 0; seed < 100; seed++)
        {
            foreach (var logged in new[] { Logged.WindowMean, Logged.Ema, Logged.Raw })
            {
                var random = new Random(seed);
                int stepsPerEpoch = random.Next(200, 1200), every = random.Next(10, 60), epochs = random.Next(3, 12);
                if (stepsPerEpoch * epochs / every is < 40 or > 1000)
                {
                    continue;
                }

                runs++;
                found += RunningMeanPeriod.Search(Run(seed, stepsPerEpoch, every, epochs, logged, noise: 0.1 + (0.5 * random.NextDouble())), origin: 0) is null ? 0 : 1;
            }
        }

        output.WriteLine($"{found} of {runs} logs without a running mean gave a length");
        Assert.True(runs >= 200, $"only {runs} runs were judged");
        Assert.True(found <= runs / 50, $"{found} of {runs} gave a length");
    }

    [Fact]
    public void Infers_the_epochs_of_a_sparse_running_mean_when_the_spectrum_cannot()
    {
        var loss = Run(3, 500, 50, 8, Logged.RunningMean);

        var resolution = EpochResolver.Infer(loss);

        Assert.NotNull(resolution.Structure);
        Assert.InRange(resolution.Structure.StepsPerEpoch, 450, 550);
        Assert.Contains("1/k", resolution.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Leaves_logs_too_short_or_too_dense_to_the_other_searches()
    {
        Assert.Null(RunningMeanPeriod.Search(Run(1, 160, 10, 2, Logged.RunningMean), origin: 0));
        Assert.Null(RunningMeanPeriod.Search(Run(1, 500, 1, 8, Logged.RunningMean), origin: 0));
    }
}
