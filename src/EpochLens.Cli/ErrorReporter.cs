using EpochLens.Torch.Experiments;
using EpochLens.Torch.Native;

namespace EpochLens.Cli;

/// <summary>
/// Turns an exception that reached the top into a message on standard error and an exit code: bad input or use
/// (2), a machine that cannot run the command (3), or a bug (4), which says so in one paragraph, with the stack
/// trace only under --debug.
/// </summary>
internal static class ErrorReporter
{
    /// <summary>Whether --debug was given; set from the raw arguments, as parsing itself may fail.</summary>
    public static bool Debug { get; set; }

    public static int Report(Exception exception) => Report(StandardStreams.Error, exception, Debug);

    public static int Report(IAnsiConsole console, Exception exception, bool debug)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(exception);
        int code = ExitCode(exception);
        if (code != ExitCodes.InternalError)
        {
            string message = exception is OperationCanceledException ? "stopped." : exception.Message;
            console.MarkupLine(ConsoleText.Markup($"[red]error:[/] {message}"));
            return code;
        }

        string trace = debug ? "" : " Run the command again with --debug to see where it happened.";
        console.MarkupLine(ConsoleText.Markup(
            $"[red]internal error:[/] {exception.GetType().Name}: {exception.Message} This is a bug in epochlens, not a problem with the input or the machine; please report it with the command that caused it.{trace}"));
        if (debug)
        {
            foreach (var line in exception.ToString().Split('\n'))
                console.MarkupLine(ConsoleText.Safe(line.TrimEnd('\r')));
        }

        return code;
    }

    public static int ExitCode(Exception exception) => exception switch
    {
        TorchUnavailableException or OutOfMemoryException or InsufficientExecutionStackException => ExitCodes.EnvironmentError,
        CommandParseException or CommandRuntimeException or NotAHarnessRunException => ExitCodes.UsageOrInputError,
        InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException => ExitCodes.UsageOrInputError,
        OperationCanceledException => ExitCodes.Interrupted,
        _ => ExitCodes.InternalError,
    };
}
