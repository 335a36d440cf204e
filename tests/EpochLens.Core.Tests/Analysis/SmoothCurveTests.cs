using EpochLens.Analysis;
using EpochLens.Logs;
using EpochLens.Settings;

namespace EpochLens.Core.Tests.Analysis;

/// <summary>
/// A loss with no step-to-step noise (a full-batch run, a smoothed export) gets no inferred epoch length: every length
/// tried had found "epochs" in the misfit of the trend, one with a high-confidence unexplained finding. Logged losses,
/// averaged or not, keep their inference.
/// </summary>
public sealed class SmoothCurveTests
{
    private static MetricSeries Series(int n, Func<int, double> value) =>
        new("loss", [.. Enumerable.Range(0, n).Select(i => (long)i)], [.. Enumerable.Range(0, n).Select(value)], role: SeriesRole.TrainLoss);

    private static double Decay(int step, int scale) => (2 * Math.Exp(-step / (double)scale)) + 0.3;

    [Theory]
    [InlineData(300, 100, 5)]
    [InlineData(3000, 1000, -1)]
    [InlineData(20_000, 5000, 4)]
    public void A_smooth_decay_gets_no_inferred_length_and_the_reason(int steps, int scale, int decimals)
    {
        var loss = Series(steps, i => decimals < 0 ? Decay(i, scale) : Math.Round(Decay(i, scale), decimals));

        var resolution = EpochResolver.Infer(loss);

        Assert.Null(resolution.Structure);
        Assert.Contains("smooth curve", resolution.Explanation, StringComparison.Ordinal);
        Assert.Equal(Setting.StepsPerEpoch, resolution.Hint?.Setting);
    }

    [Fact]
    public void Logged_losses_raw_running_mean_ema_and_window_mean_are_not_smooth()
    {
        var random = new Random(7);
        var raw = Enumerable.Range(0, 5000).Select(i => Decay(i, 2000) + (0.05 * ((random.NextDouble() * 2) - 1))).ToArray();
        double sum = 0, ema = raw[0];
        var runningMean = new double[raw.Length];
        var smoothed = new double[raw.Length];
        var window = new double[raw.Length];
        for (int i = 0; i < raw.Length; i++)
        {
            int position = i % 500;
            sum = position == 0 ? raw[i] : sum + raw[i];
            runningMean[i] = Math.Round(sum / (position + 1), 4);
            ema = (0.98 * ema) + (0.02 * raw[i]);
            smoothed[i] = ema;
            window[i] = raw.Skip(Math.Max(0, i - 9)).Take(Math.Min(10, i + 1)).Average();
        }

        Assert.Null(SmoothCurve.WhyNotInferable(raw));
        Assert.Null(SmoothCurve.WhyNotInferable(runningMean));
        Assert.Null(SmoothCurve.WhyNotInferable(smoothed));
        Assert.Null(SmoothCurve.WhyNotInferable(window));
    }

    [Fact]
    public void A_planted_running_mean_on_a_noisy_loss_still_gets_its_length_inferred()
    {
        var random = new Random(3);
        double sum = 0;
        var loss = Series(6000, i =>
        {
            int position = i % 600;
            double raw = Decay(i, 3000) + (0.2 * ((random.NextDouble() * 2) - 1));
            sum = position == 0 ? raw : sum + raw;
            return sum / (position + 1);
        });

        var resolution = EpochResolver.Infer(loss);

        Assert.NotNull(resolution.Structure);
        Assert.InRange(resolution.Structure!.StepsPerEpoch, 594, 606);
    }
}
