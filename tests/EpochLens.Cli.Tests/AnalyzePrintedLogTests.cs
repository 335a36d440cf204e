using System.Globalization;
using System.Text;

namespace EpochLens.Cli.Tests;

/// <summary>
/// End to end: `epochlens analyze` on the text a training script printed (after a page of pip output), which was
/// refused as "not a training log" before the text reader.
/// </summary>
public sealed class AnalyzePrintedLogTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "epochlens-analyze-printed", Guid.NewGuid().ToString("N"));

    public AnalyzePrintedLogTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Python logging lines whose loss is the running mean of each epoch's noisy losses, after pip's output.</summary>
    private string PrintedRunningMeanLog()
    {
        var rng = new Random(2);
        var text = new StringBuilder();
        for (int i = 0; i < 100; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Requirement already satisfied: package{i} in /usr/lib/python3/dist-packages\n");
        }

        for (int e = 1; e <= 6; e++)
        {
            double mean = 0;
            for (int k = 0; k < 300; k++)
            {
                double raw = 0.5 + rng.NextDouble();
                mean = k == 0 ? raw : ((mean * k) + raw) / (k + 1);
                text.Append(CultureInfo.InvariantCulture, $"INFO:train:Epoch [{e}/6] Batch: {k + 1}/300 loss: {mean:0.000000}\n");
            }
        }

        var path = Path.Combine(_folder, "train_output.txt");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Fact]
    public void Analyze_reads_a_printed_log_and_finds_the_running_mean_with_the_printed_epoch_length()
    {
        var result = EpochLensProcess.Run("analyze", PrintedRunningMeanLog());

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("(text), series loss: 1,800 points", result.Output, StringComparison.Ordinal);
        Assert.Contains("the step counter that restarts every epoch", result.Output, StringComparison.Ordinal);
        Assert.Contains("Verdict: The logged loss is a running mean", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"running-mean-logging\s+high", result.Output);
    }

    [Fact]
    public void Metric_picks_a_sub_loss_printed_on_lines_of_its_own()
    {
        // The progress line prints the total loss; the sub-loss asked for stands on lines of its own, which are
        // not the training lines unless --metric names them.
        var text = new StringBuilder();
        for (int e = 0; e < 4; e++)
        {
            for (int p = 0; p < 250; p += 10)
            {
                text.Append(CultureInfo.InvariantCulture, $"Epoch: [{e}][{p}/250]\tTime 1.151 (1.175)\tLoss {1 + (0.001 * p):0.0000} (5.2454)\n");
                text.Append(CultureInfo.InvariantCulture, $"epoch {e} cos_sim_loss 0.{270 + (p % 7)}\n");
            }
        }

        var path = Path.Combine(_folder, "train.log");
        File.WriteAllText(path, text.ToString());

        var result = EpochLensProcess.Run("analyze", path, "--metric", "cos_sim_loss");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("series cos_sim_loss: 100 points", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Metric_names_a_loss_printed_under_another_name()
    {
        // MXNet prints its loss as "cross-entropy=": no line shows a loss label until --metric names it.
        var text = new StringBuilder();
        for (int e = 0; e < 4; e++)
        {
            for (int b = 10; b <= 300; b += 10)
            {
                text.Append(CultureInfo.InvariantCulture, $"INFO:root:Epoch[{e}] Batch [{b}]\tSpeed: 1000.00 samples/sec\taccuracy=0.5\tcross-entropy={1 + (0.001 * b):0.0000}\n");
            }
        }

        var path = Path.Combine(_folder, "mxnet.log");
        File.WriteAllText(path, text.ToString());

        var result = EpochLensProcess.Run("analyze", path, "--format", "text", "--metric", "cross-entropy");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("series cross-entropy: 120 points", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_and_analyze_take_format_text()
    {
        var path = PrintedRunningMeanLog();

        var inspect = EpochLensProcess.Run("inspect", path, "--format", "text");

        Assert.True(inspect.ExitCode == 0, inspect.Output + inspect.Error);
        Assert.Contains("(text)", inspect.Output, StringComparison.Ordinal);
        Assert.Contains("300 steps per epoch", inspect.Output, StringComparison.Ordinal);
        var analyze = EpochLensProcess.Run("analyze", path, "--format", "text", "--json");
        Assert.True(analyze.ExitCode == 0, analyze.Output + analyze.Error);
        Assert.Contains("running-mean-logging", analyze.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_help_names_every_reader_format()
    {
        var help = EpochLensProcess.Run("inspect", "--help");

        var text = string.Join(" ", help.Output.Split('\n').Select(l => l.Trim()));
        foreach (var reader in EpochLens.Readers.DefaultLogReaders.All)
        {
            Assert.Contains(reader.Format, text, StringComparison.Ordinal);
        }
    }
}
