using EpochLens.Analysis;
using EpochLens.Diagnosis;
using EpochLens.Logs;

namespace EpochLens.Bench.DiagnosisSpeed;

/// <summary>The diagnoser as the command line builds it.</summary>
internal static class BenchDiagnoser
{
    public static Func<MetricSeries, EpochResolution> Inference => EpochResolver.Infer;

    public static Diagnoser Create() => new(inference: Inference);
}
