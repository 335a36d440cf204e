namespace EpochLens.Cli.Commands;

/// <summary>
/// A command and its two streams: standard output for what it was asked for, standard error for problems, notes and
/// progress, so that output piped to a file or another tool stays clean.
/// </summary>
/// <param name="output">Standard output, as Spectre resolves it: the terminal, or a test's console.</param>
public abstract class ConsoleCommand<TSettings>(IAnsiConsole output) : Command<TSettings>
    where TSettings : CommandSettings
{
    /// <summary>Standard output: the command's result.</summary>
    protected IAnsiConsole Output { get; } = output;

    /// <summary>Standard error (a second console parameter would be resolved to standard output too).</summary>
    protected IAnsiConsole Messages { get; } = StandardStreams.Error;

    /// <summary>Says <paramref name="message"/> as an error on standard error; returns the exit code of a bad command line or input.</summary>
    protected int Error(string message)
    {
        SayError(message);
        return ExitCodes.UsageOrInputError;
    }

    /// <summary>Says <paramref name="message"/> as an error on standard error, for a command that goes on or fails later.</summary>
    protected void SayError(string message) => Messages.MarkupLine(ConsoleText.Markup($"[red]error:[/] {message}"));

    /// <summary>Says that a finding reached --fail-on <paramref name="threshold"/>; returns the exit code that tells a pipeline.</summary>
    protected int FailOnReached(SeverityLevel threshold)
    {
        Messages.MarkupLine(ConsoleText.Markup($"A finding is at or above --fail-on {threshold.ToString().ToLowerInvariant()}: exit code {ExitCodes.FindingAtOrAboveThreshold}."));
        return ExitCodes.FindingAtOrAboveThreshold;
    }

    /// <summary>
    /// Runs <paramref name="work"/>, which says what it is doing through the action it is given: on a spinner line on
    /// standard error when that is a terminal, nowhere otherwise (a log or a pipe gets no redraws).
    /// </summary>
    protected void WithStatus(Action<Action<string>> work)
    {
        if (StandardStreams.ProgressShown)
        {
            Messages.Status().Start("Reading ...", context => work(text => context.Status(ConsoleText.Safe(text))));
        }
        else
        {
            work(_ => { });
        }
    }
}
