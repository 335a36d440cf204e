namespace EpochLens.Cli;

/// <summary>The diagnosis engine as the commands use it: every default detector, and epoch-length inference.</summary>
internal static class EngineDefaults
{
    public static Diagnoser CreateDiagnoser() => new();
}
