namespace EpochLens.Cli;

/// <summary>
/// Standard output carries only what was asked for (the verdict, JSON, Markdown, inspect's listing), so it can
/// always be redirected or piped; errors, warnings, problems met while reading, notes and progress go to
/// standard error, through this console.
/// </summary>
internal static class StandardStreams
{
    /// <summary>A width no message reaches: redirected errors are not hard-wrapped (a file or a pipe has no width; a reader's own terminal wraps).</summary>
    public const int Unwrapped = 1 << 14;

    /// <remarks>Not interactive when redirected: live progress would fill a log file with redraws.</remarks>
    public static IAnsiConsole Error { get; } = CreateError();

    private static IAnsiConsole CreateError()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Interactive = Console.IsErrorRedirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (Console.IsErrorRedirected) console.Profile.Width = Unwrapped;

        return console;
    }

    /// <summary>Whether progress can be drawn live: standard error is a terminal that takes cursor movement.</summary>
    public static bool ProgressShown => Error.Profile.Capabilities.Interactive;
}
