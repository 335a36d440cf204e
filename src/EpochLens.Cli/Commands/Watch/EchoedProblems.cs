using EpochLens.Readers;

namespace EpochLens.Cli.Commands.Watch;

/// <summary>
/// Prints each problem met while following a run once, as it is met: every diagnosis reads or builds the log again
/// and would repeat the same notes. A damaged run can hold millions, so after a bound they are only counted.
/// </summary>
internal sealed class EchoedProblems(IAnsiConsole console) : IProblemSink
{
    private const int MaxShown = 50;

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public void Report(ReadProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        string text = problem.ToString();
        if (!_seen.Add(text)) return;

        if (_seen.Count <= MaxShown)
        {
            console.MarkupLine(ConsoleText.Markup($"[yellow]warning:[/] {text}"));
        }
        else if (_seen.Count == MaxShown + 1)
        {
            console.MarkupLine(ConsoleText.Markup($"[yellow]warning:[/] more than {MaxShown} problems met while reading: the rest are not shown"));
        }
    }
}
