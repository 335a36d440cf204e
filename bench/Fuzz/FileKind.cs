namespace EpochLens.Bench.Fuzz;

/// <summary>The format a file's content has, which decides the structural mutations that fit it.</summary>
internal enum FileKind
{
    TensorBoard,
    Csv,
    JsonLines,
    JsonDocument,
    MlflowMetric,
    Text,
}
