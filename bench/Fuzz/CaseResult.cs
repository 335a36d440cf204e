namespace EpochLens.Bench.Fuzz;

/// <summary>What one case did: its outcome with the evidence, and what is needed to run it again.</summary>
internal sealed record CaseResult(
    int Index,
    string SeedName,
    IReadOnlyList<string> Mutations,
    IReadOnlyList<string> Arguments,
    Outcome Outcome,
    int ExitCode,
    double Seconds,
    long PeakKilobytes,
    string Detail)
{
    public bool IsDefect => Outcome is not (Outcome.Ok or Outcome.InputError or Outcome.NotRun);
}
