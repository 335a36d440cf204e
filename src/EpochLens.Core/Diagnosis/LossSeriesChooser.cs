using EpochLens.Logs;

namespace EpochLens.Diagnosis;

/// <summary>Picks the series to diagnose: the one named, else the training loss, else the likeliest loss by name.</summary>
public static class LossSeriesChooser
{
    private static readonly string[] HeldOutWords = ["val", "valid", "eval", "test", "dev"];

    public static MetricSeries Choose(TrainingLog log, string? metric)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (metric is not null)
        {
            return log.Find(metric)
                ?? log.Series.FirstOrDefault(s => string.Equals(s.Name, metric, StringComparison.OrdinalIgnoreCase))
                ?? throw new DiagnosisException($"{log.Source}: no series named '{metric}'; it has {Names(log)}");
        }

        return log.Find(SeriesRole.TrainLoss)
            ?? log.Series.FirstOrDefault(s => s.Role == SeriesRole.Other && s.Name.Contains("loss", StringComparison.OrdinalIgnoreCase) && !LooksHeldOut(s.Name))
            ?? throw new DiagnosisException($"{log.Source}: no training-loss series found; name one with --metric (it has {Names(log)})");
    }

    private static bool LooksHeldOut(string name)
    {
        var words = name.ToLowerInvariant().Split(['/', '_', '-', '.', ' '], StringSplitOptions.RemoveEmptyEntries);
        return words.Any(w => HeldOutWords.Contains(w));
    }

    private static string Names(TrainingLog log) =>
        log.Series.Count == 0 ? "no series" : string.Join(", ", log.Series.Take(20).Select(s => $"'{s.Name}'")) + (log.Series.Count > 20 ? $" and {log.Series.Count - 20} more" : "");
}
