namespace EpochLens.Cli.Tests;

public sealed class InspectCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "epochlens-inspect-tests", Guid.NewGuid().ToString("N"));

    public InspectCommandTests() => Directory.CreateDirectory(_folder);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Inspect_lists_the_series_of_a_csv_log_with_their_roles()
    {
        var csv = Write("metrics.csv", "step,epoch,train_loss,val_loss\n0,0,2.3,\n1,0,2.2,\n2,1,2.1,2.0\n3,1,nan,\n");

        var result = EpochLensProcess.Run("inspect", csv);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("(csv)", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"train_loss\s+TrainLoss\s+4\s+0\.\.3\s+1", result.Output);
        Assert.Matches(@"val_loss\s+HeldOutLoss\s+1", result.Output);
    }

    [Theory]
    [InlineData("--format")]
    [InlineData("--input-format")]
    public void The_input_format_is_named_as_analyze_names_it(string option)
    {
        // A .txt file of printed lines: read as text only when told to be.
        var log = Write("printed.txt", string.Join("\n", Enumerable.Range(0, 20).Select(i => $"epoch {(i / 10) + 1} step {(i % 10) + 1}/10 loss {2.0 - (0.05 * i):0.00}")) + "\n");

        var result = EpochLensProcess.Run("inspect", log, option, "text");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("(text)", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"loss\s+TrainLoss\s+20", result.Output);
    }

    [Fact]
    public void Damage_is_reported_and_the_rest_still_read()
    {
        var csv = Write("damaged.csv", "step,loss\n0,1.5\n1,oops\n2,1.25\n");

        var result = EpochLensProcess.Run("inspect", csv);

        // The listing is the requested output; what was skipped is a warning, on standard error.
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"loss\s+TrainLoss\s+2", result.Output);
        Assert.Contains("BadValue", result.Error, StringComparison.Ordinal);
        Assert.Contains("line 3", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_in_a_column_name_is_shown_as_text_not_interpreted()
    {
        var csv = Write("hostile.csv", "step,[red]loss[/]\n0,1\n1,2\n");

        var result = EpochLensProcess.Run("inspect", csv);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("[red]loss[/]", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_exits_with_code_2_and_names_it()
    {
        var missing = Path.Combine(_folder, "no-such-run");

        var result = EpochLensProcess.Run("inspect", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(missing, result.Output + result.Error, StringComparison.Ordinal);
        Assert.Contains("no such file or folder", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_no_log_exits_with_code_2_and_says_what_was_expected()
    {
        var notes = Write("notes.txt", "just some notes\n");

        var result = EpochLensProcess.Run("inspect", notes);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a training log", result.Output + result.Error, StringComparison.Ordinal);
        Assert.Contains("TensorBoard", result.Output + result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
