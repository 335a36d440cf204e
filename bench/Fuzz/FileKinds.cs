namespace EpochLens.Bench.Fuzz;

/// <summary>Tells a file's kind from its name (without a .gz suffix), as the seeds are named like the real logs.</summary>
internal static class FileKinds
{
    public static FileKind Of(string path)
    {
        string name = path.EndsWith(".gz", StringComparison.Ordinal) ? path[..^3] : path;
        string file = System.IO.Path.GetFileName(name);
        if (file.Contains("tfevents", StringComparison.Ordinal))
        {
            return FileKind.TensorBoard;
        }

        if (name.Replace('\\', '/').Contains("/metrics/", StringComparison.Ordinal) && !file.Contains('.', StringComparison.Ordinal))
        {
            return FileKind.MlflowMetric;
        }

        return System.IO.Path.GetExtension(file) switch
        {
            ".csv" or ".tsv" => FileKind.Csv,
            ".jsonl" => FileKind.JsonLines,
            ".json" => FileKind.JsonDocument,
            _ => FileKind.Text,
        };
    }

    /// <summary>Kinds whose content is lines of text.</summary>
    public static bool IsLines(FileKind kind) => kind != FileKind.TensorBoard;
}
