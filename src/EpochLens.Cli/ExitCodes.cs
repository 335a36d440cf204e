namespace EpochLens.Cli;

/// <summary>The process exit codes of every epochlens command, in one place (documented in the README).</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>
    /// <c>analyze --fail-on low|medium|high</c>: a finding naming a cause has at least that severity (the reports are
    /// still written). "No structure" and "cannot tell" never trip it, nor does the default <c>--fail-on none</c>.
    /// </summary>
    public const int FindingAtOrAboveThreshold = 1;

    /// <summary>Bad command-line use or unusable input (missing or corrupt file, a report that cannot be written).</summary>
    public const int UsageOrInputError = 2;

    /// <summary>The machine cannot run the command (TorchSharp's native library does not load, memory runs out).</summary>
    public const int EnvironmentError = 3;

    /// <summary>An internal error: a bug in epochlens, neither the input's fault nor the machine's (--debug shows its stack trace).</summary>
    public const int InternalError = 4;

    /// <summary>Stopped by the user (Ctrl+C); what was recorded so far is kept.</summary>
    public const int Interrupted = 130;
}
