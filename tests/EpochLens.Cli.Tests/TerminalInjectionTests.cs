using System.Globalization;
using System.Text;

namespace EpochLens.Cli.Tests;

/// <summary>
/// Text from a log (column and file names, damaged-line excerpts) reaches the terminal with its control characters
/// shown as \xNN and its markup shown as text (issue 12): a name cannot recolour, retitle or ring the terminal.
/// </summary>
public sealed class TerminalInjectionTests : IDisposable
{
    private const string Escapes = "\u001b]0;pwned\u0007\u001b[31m\u009b2J";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "epochlens-injection-tests", Guid.NewGuid().ToString("N"));

    public TerminalInjectionTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Csv(string lossColumn, int damagedLine = -1)
    {
        var text = new StringBuilder($"step,{lossColumn}\n");
        for (int i = 0; i < 400; i++)
        {
            string loss = i == damagedLine ? Escapes + "[red]x[/]" : (1 + (0.01 * (i % 13))).ToString("R", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{i},{loss}\n");
        }

        return text.ToString();
    }

    private static void AssertNoControlCharacters(string text)
    {
        Assert.DoesNotContain(text, c => char.IsControl(c) && c is not ('\n' or '\r'));
    }

    [Fact]
    public void Inspect_shows_escapes_in_a_column_name_and_a_folder_name_as_text()
    {
        var run = Path.Combine(_folder, "run" + Escapes);
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, "metrics.csv"), Csv("loss" + Escapes));

        var result = EpochLensProcess.Run("inspect", _folder);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        AssertNoControlCharacters(result.Output);
        AssertNoControlCharacters(result.Error);
        Assert.Contains(@"run\x1B]0;pwned\x07\x1B[31m\x9B2J", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_shows_a_damaged_line_excerpt_in_its_problems_as_text()
    {
        var csv = Path.Combine(_folder, "metrics.csv");
        File.WriteAllText(csv, Csv("loss", damagedLine: 9));

        var result = EpochLensProcess.Run("analyze", csv, "--steps-per-epoch", "50");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        AssertNoControlCharacters(result.Output);
        AssertNoControlCharacters(result.Error);
        Assert.Contains(@"\x1B]0;pwned\x07", result.Error, StringComparison.Ordinal);
        Assert.Contains("[red]x[/]", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_shows_escapes_in_the_series_name_as_text()
    {
        var csv = Path.Combine(_folder, "metrics.csv");
        File.WriteAllText(csv, Csv("train_loss" + Escapes));

        var result = EpochLensProcess.Run("analyze", csv, "--steps-per-epoch", "50");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        AssertNoControlCharacters(result.Output);
        Assert.Contains(@"train_loss\x1B]0;pwned\x07", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_naming_a_hostile_path_shows_it_as_text()
    {
        var missing = Path.Combine(_folder, "gone" + Escapes + "[red]");

        var result = EpochLensProcess.Run("analyze", missing);

        Assert.Equal(2, result.ExitCode);
        AssertNoControlCharacters(result.Error);
        Assert.Contains(@"gone\x1B]0;pwned\x07\x1B[31m\x9B2J[red]", result.Error, StringComparison.Ordinal);
    }
}
