namespace EpochLens.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public void Help_describes_the_demo_and_its_longer_version()
    {
        var result = EpochLensProcess.Run("demo", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--full", "--epochs", "--out", "--details" })
        {
            Assert.Contains(option, result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Fewer_than_three_epochs_are_refused_with_the_reason()
    {
        var result = EpochLensProcess.Run("demo", "--epochs", "2");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--epochs must be at least 3", result.Output + result.Error, StringComparison.Ordinal);
    }
}
