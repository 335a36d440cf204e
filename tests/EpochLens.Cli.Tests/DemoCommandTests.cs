namespace EpochLens.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public void The_tools_help_shows_the_demo_as_its_first_example()
    {
        var result = EpochLensProcess.Run("--help");

        Assert.Equal(0, result.ExitCode);
        string examples = result.Output[result.Output.IndexOf("EXAMPLES:", StringComparison.Ordinal)..];
        Assert.StartsWith("epochlens demo", examples["EXAMPLES:".Length..].TrimStart(), StringComparison.Ordinal);
        foreach (var command in new[] { "demo", "analyze", "verify", "inspect", "train" })
        {
            Assert.Contains(command, result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Help_describes_the_demo_and_its_longer_version()
    {
        var result = EpochLensProcess.Run("demo", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--full", "--epochs", "--out", "--html", "--details" })
        {
            Assert.Contains(option, result.Output, StringComparison.Ordinal);
        }
    }

    [Trait("Category", "Torch")]
    [Fact]
    public void The_demo_answers_the_question_and_writes_the_report_with_both_curves()
    {
        // The whole demo as the README runs it: 3 epochs of the question's 5039 samples.
        string folder = Path.Combine(Path.GetTempPath(), "epochlens-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = EpochLensProcess.Run("demo", "--quiet", "--out", folder);

            Assert.True(result.ExitCode == 0, result.Output + result.Error);
            Assert.Contains("What causes it: The spikes you saw are the running mean being reset", result.Output.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Contains("How bad it is: Only the plot is wrong", result.Output.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
            string html = File.ReadAllText(Path.Combine(folder, "report.html"));
            Assert.Contains("The question, answered", html, StringComparison.Ordinal);
            Assert.Contains("id=\"lead-run0-curve\"", html, StringComparison.Ordinal);
            Assert.Contains("id=\"lead-run1-curve\"", html, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "diagnosis.json")));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
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
