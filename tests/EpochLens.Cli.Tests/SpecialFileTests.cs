using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace EpochLens.Cli.Tests;

/// <summary>
/// FIFOs and devices are no logs: opening a FIFO blocks until a writer comes, /dev/zero never ends (issue 12). Named,
/// they are refused; inside a folder, skipped with a note while the logs beside them are read.
/// </summary>
public sealed class SpecialFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "epochlens-special-tests", Guid.NewGuid().ToString("N"));

    public SpecialFileTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Fifo(string name)
    {
        var path = Path.Combine(_folder, name);
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    [Theory]
    [InlineData("metrics.csv")]
    [InlineData("events.out.tfevents.1.host")]
    [InlineData("trainer_state.json")]
    [InlineData("train.log")]
    public void A_fifo_named_as_the_log_is_refused_without_blocking(string name)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // FIFOs are asked of Linux's statx
        }

        var fifo = Fifo(name);

        var result = EpochLensProcess.Run("analyze", fifo, "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("a FIFO (named pipe), not a regular file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fifo_in_a_folder_is_skipped_with_a_note_and_the_log_beside_it_is_read()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // FIFOs are asked of Linux's statx
        }

        Fifo("events.out.tfevents.1.host");
        var csv = new StringBuilder("step,loss\n");
        for (int i = 0; i < 20; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{i},{1 + (0.01 * i):R}\n");
        }

        File.WriteAllText(Path.Combine(_folder, "metrics.csv"), csv.ToString());

        var result = EpochLensProcess.Run("inspect", _folder);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Matches(@"loss\s+TrainLoss\s+20", result.Output);
        Assert.Contains("a FIFO (named pipe), not a regular file: skipped", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Dev_zero_read_as_csv_is_refused_not_read_forever()
    {
        if (!(File.Exists("/dev/zero") && OperatingSystem.IsLinux()))
        {
            return; // needs /dev/zero
        }


        var result = EpochLensProcess.Run("analyze", "/dev/zero", "--format", "csv");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/dev/zero: a character device, not a regular file", result.Error, StringComparison.Ordinal);
    }
}
