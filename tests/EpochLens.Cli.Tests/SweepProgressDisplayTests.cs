using Spectre.Console;

namespace EpochLens.Cli.Tests;

public sealed class SweepProgressDisplayTests
{
    private static (IAnsiConsole Console, StringWriter Text) Console(bool interactive)
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(text),
        });
        return (console, text);
    }

    [Fact]
    public void Redirected_it_writes_a_plain_line_at_each_tenth_of_the_runs_from_any_thread()
    {
        var (console, text) = Console(interactive: false);

        int result = SweepProgressDisplay.Run(console, 40, finished =>
        {
            Parallel.For(0, 40, _ => finished());
            return 7;
        });

        Assert.Equal(7, result);
        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(10, lines.Length);
        Assert.All(lines, l => Assert.Matches(@"^analysed \d+ of 40 runs \(\d+\.\d s\)$", l));
        Assert.StartsWith("analysed 40 of 40 runs", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_terminal_it_draws_a_bar_and_clears_it_when_done()
    {
        var (console, text) = Console(interactive: true);

        int result = SweepProgressDisplay.Run(console, 3, finished =>
        {
            finished();
            finished();
            finished();
            return 3;
        });

        Assert.Equal(3, result);
        Assert.Contains("Analysing 3 runs", text.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("analysed", text.ToString(), StringComparison.Ordinal);
    }
}
