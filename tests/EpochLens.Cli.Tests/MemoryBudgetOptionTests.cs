using System.Globalization;
using System.Text;

namespace EpochLens.Cli.Tests;

/// <summary>--memory-budget on analyze and inspect: a size, checked, and a read past it keeps what fits and says so.</summary>
public sealed class MemoryBudgetOptionTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "epochlens-budget-option", Guid.NewGuid().ToString("N"));

    public MemoryBudgetOptionTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("analyze")]
    [InlineData("inspect")]
    public void A_budget_that_is_no_size_is_refused(string command)
    {
        var result = EpochLensProcess.Run(command, Path.Combine(_folder, "metrics.csv"), "--memory-budget", "lots");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("--memory-budget takes a size", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_log_larger_than_the_budget_is_read_up_to_it_with_a_note()
    {
        string path = Path.Combine(_folder, "metrics.csv");
        var text = new StringBuilder("step,loss\n");
        for (int step = 0; step < 400_000; step++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{step},{1.0 / (1 + step):R}\n");
        }

        File.WriteAllText(path, text.ToString());

        // 16 MiB holds 131,072 points.
        var result = EpochLensProcess.Run("inspect", path, "--memory-budget", "16M");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("131,072", result.Output, StringComparison.Ordinal);
        Assert.Contains("the memory budget (16 MiB, 131,072 points held at once) was used up", string.Join(" ", result.Error.Split('\n').Select(l => l.Trim())), StringComparison.Ordinal);
    }
}
