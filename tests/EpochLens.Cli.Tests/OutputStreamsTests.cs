using System.Globalization;
using System.Text;
using Spectre.Console;

namespace EpochLens.Cli.Tests;

/// <summary>Standard output carries only the requested output; errors, problems and notes go to standard error (issue 12).</summary>
public sealed class OutputStreamsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "epochlens-streams-tests", Guid.NewGuid().ToString("N"));

    public OutputStreamsTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string DamagedCsv()
    {
        var text = new StringBuilder("step,loss\n");
        for (int i = 0; i < 400; i++)
        {
            string loss = i == 7 ? "oops" : (1 + (0.01 * (i % 13))).ToString("R", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{i},{loss}\n");
        }

        var path = Path.Combine(_folder, "damaged.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Fact]
    public void A_missing_file_with_json_leaves_standard_output_empty_and_exits_2()
    {
        var missing = Path.Combine(_folder, "missing.csv");

        var result = EpochLensProcess.Run("analyze", missing, "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("error:", result.Error, StringComparison.Ordinal);
        Assert.Contains("no such file or folder", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_met_while_reading_go_to_standard_error_beside_the_console_verdict()
    {
        var result = EpochLensProcess.Run("analyze", DamagedCsv(), "--steps-per-epoch", "50");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("Verdict:", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("problem(s) met while reading", result.Output, StringComparison.Ordinal);
        Assert.Contains("1 problem(s) met while reading", result.Error, StringComparison.Ordinal);
        Assert.Contains("BadValue", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_lists_on_standard_output_and_its_problems_on_standard_error()
    {
        var result = EpochLensProcess.Run("inspect", DamagedCsv());

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Matches(@"loss\s+TrainLoss\s+399", result.Output);
        Assert.DoesNotContain("BadValue", result.Output, StringComparison.Ordinal);
        Assert.Contains("BadValue", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Debug_is_an_option_of_every_command()
    {
        var result = EpochLensProcess.Run("analyze", Path.Combine(_folder, "missing.csv"), "--debug");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no such file or folder", result.Error, StringComparison.Ordinal);
        Assert.Contains("--debug", EpochLensProcess.Run("inspect", "--help").Output, StringComparison.Ordinal);
    }

    private static (int Code, string Text) Report(Exception exception, bool debug)
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), ColorSystem = ColorSystemSupport.NoColors, Ansi = AnsiSupport.No });
        console.Profile.Width = 1000; // one line per paragraph
        int code = ErrorReporter.Report(console, exception, debug);
        return (code, text.ToString());
    }

    private static InvalidOperationException Thrown()
    {
        try
        {
            throw new InvalidOperationException("the fold lost a point");
        }
        catch (InvalidOperationException e)
        {
            return e;
        }
    }

    [Fact]
    public void An_internal_error_says_it_is_a_bug_in_one_paragraph_with_its_own_exit_code()
    {
        var (code, text) = Report(Thrown(), debug: false);

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.NotEqual(ExitCodes.UsageOrInputError, code);
        Assert.NotEqual(ExitCodes.EnvironmentError, code);
        Assert.StartsWith("internal error: InvalidOperationException: the fold lost a point", text, StringComparison.Ordinal);
        Assert.Contains("bug in epochlens", text, StringComparison.Ordinal);
        Assert.Contains("--debug", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.Single(text.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Debug_adds_the_stack_trace_of_an_internal_error()
    {
        var (code, text) = Report(Thrown(), debug: true);

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Contains("at EpochLens.Cli.Tests.OutputStreamsTests.Thrown", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_is_not_called_a_bug()
    {
        var (code, text) = Report(new InvalidDataException("metrics.csv: not a log"), debug: false);

        Assert.Equal(ExitCodes.UsageOrInputError, code);
        Assert.Equal("error: metrics.csv: not a log", text.TrimEnd());
    }

    [Fact]
    public void Output_to_a_file_or_pipe_is_not_hard_wrapped_and_paths_stay_whole()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "a-folder-name-long-enough-that-the-path-alone-passes-eighty-columns", "run-with-a-long-name")).FullName;
        var path = Path.Combine(folder, "damaged.csv");
        File.Move(DamagedCsv(), path);

        var result = EpochLensProcess.Run(columns: null, "analyze", path, "--steps-per-epoch", "100");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.Output.Split('\n'), line => line.Contains(path, StringComparison.Ordinal));
        Assert.Contains(result.Error.Split('\n'), line => line.Contains(path, StringComparison.Ordinal) && line.Contains("is not a number", StringComparison.Ordinal));
        // The verdict is one line however long, not wrapped at 80 columns.
        Assert.Contains(result.Output.Split('\n'), line => line.StartsWith("Verdict: ", StringComparison.Ordinal) && line.TrimEnd().EndsWith('.'));
    }

    [Fact]
    public void A_csv_with_decimal_commas_in_quoted_cells_is_read_with_decimal_comma_and_says_so_without_it()
    {
        var text = new StringBuilder("step,loss\n");
        for (int i = 0; i < 400; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},\"{(1 + (0.01 * (i % 13))).ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',')}\"\n");
        }

        var path = Path.Combine(_folder, "comma.csv");
        File.WriteAllText(path, text.ToString());

        var without = EpochLensProcess.Run("inspect", path);
        Assert.Contains("'1,00' in column 'loss' has a decimal comma: give --decimal-comma", without.Error, StringComparison.Ordinal);

        var with = EpochLensProcess.Run("inspect", path, "--decimal-comma");
        Assert.Equal(0, with.ExitCode);
        Assert.Matches(@"loss\s+TrainLoss\s+400\s", with.Output);
    }
}
