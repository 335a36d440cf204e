using EpochLens.Reports.Text;
using Spectre.Console;
using Spectre.Console.Cli;

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
        Messages.MarkupLine(ConsoleText.Markup($"[red]error:[/] {message}"));
        return ExitCodes.UsageOrInputError;
    }
}
