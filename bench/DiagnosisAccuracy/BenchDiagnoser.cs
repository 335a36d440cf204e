using EpochLens.Diagnosis;

namespace EpochLens.Bench.DiagnosisAccuracy;

/// <summary>The diagnoser as the command line builds it.</summary>
internal static class BenchDiagnoser
{
    public static Diagnoser Create() => new();
}
