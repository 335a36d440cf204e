using EpochLens.Torch.Experiments;
using EpochLens.Torch.Native;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EpochLens.Cli;

/// <summary>Turns an exception that reached the top into one readable line and an exit code.</summary>
internal static class ErrorReporter
{
    public static int Report(Exception exception)
    {
        var (message, code) = exception switch
        {
            TorchUnavailableException e => (e.Message, ExitCodes.EnvironmentError),
            CommandParseException or CommandRuntimeException or NotAHarnessRunException => (exception.Message, ExitCodes.UsageOrInputError),
            InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException
                => (exception.Message, ExitCodes.UsageOrInputError),
            OperationCanceledException => ("stopped.", ExitCodes.Interrupted),
            _ => ($"unexpected error: {exception}", ExitCodes.EnvironmentError),
        };
        AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {message}");
        return code;
    }
}
