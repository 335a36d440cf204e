using EpochLens.Analysis;
using EpochLens.Diagnosis;
using EpochLens.Logs;

namespace EpochLens.Bench.DiagnosisSpeed;

/// <summary>The diagnoser as the command line builds it.</summary>
internal static class BenchDiagnoser
{
    public static Func<MetricSeries, EpochResolution>? Inference => null;

    public static Diagnoser Create() => new(inference: Inference);
}
