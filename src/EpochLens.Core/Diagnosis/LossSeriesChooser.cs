namespace EpochLens.Diagnosis;

/// <summary>
/// Picks the series to diagnose: the one named, else the training loss. Where a log holds several training losses
/// (a detector's loss_cls, loss_box_reg and total_loss; a TensorBoard run's train/loss_cls and train/loss), the
/// whole loss is the one the optimizer minimised, so a name of plain loss words ("loss", "total_loss",
/// "train/loss") comes before a component's; then the reader's role; then the log's order.
/// </summary>
public static class LossSeriesChooser
{
    /// <summary>Words that may stand beside "loss" in the name of the whole training loss.</summary>
    private static readonly string[] WholeLossWords = ["loss", "train", "training", "trainer", "total", "overall", "avg", "mean", "step", "batch", "sum"];

    /// <param name="log">The log.</param>
    /// <param name="metric">The series the user named; null to choose the training loss.</param>
    /// <param name="spell">How to name the metric setting when none can be chosen; <see cref="SettingSpellings.Words"/> when null.</param>
    public static MetricSeries Choose(TrainingLog log, string? metric, SettingSpelling? spell = null)
    {
        if (Find(log, metric) is { } series) return series;

        throw metric is not null
            ? new DiagnosisException($"{log.Source}: no series named '{metric}'; it has {Names(log)}")
            : new DiagnosisException($"{log.Source}: no training-loss series found; name one with {(spell ?? SettingSpellings.Words)(Setting.Metric)} (it has {Names(log)})", Setting.Metric);
    }

    /// <summary>
    /// Whether <see cref="Choose"/> finds a series in <paramref name="log"/>: in a folder of several logs, only those
    /// with one are diagnosed (analyze, watch and sweeps alike).
    /// </summary>
    public static bool HasLoss(TrainingLog log, string? metric) => Find(log, metric) is not null;

    private static MetricSeries? Find(TrainingLog log, string? metric)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (metric is not null)
            return log.Find(metric) ?? log.Series.FirstOrDefault(s => string.Equals(s.Name, metric, StringComparison.OrdinalIgnoreCase));

        MetricSeries? best = null;
        int bestRank = int.MaxValue;
        foreach (var series in log.Series)
        {
            int rank = Rank(series);
            if (rank < bestRank)
            {
                (best, bestRank) = (series, rank);
            }
        }

        return best;
    }

    /// <summary>Lower is likelier the whole training loss; <see cref="int.MaxValue"/> when it is no training loss at all.</summary>
    private static int Rank(MetricSeries series)
    {
        bool trainRole = series.Role == SeriesRole.TrainLoss;
        if (!trainRole && (series.Role != SeriesRole.Other || !series.Name.Contains("loss", StringComparison.OrdinalIgnoreCase)))
            return int.MaxValue;

        var words = SeriesNameWords.Of(series.Name);
        if (!trainRole && SeriesNameWords.AnyHeldOut(words)) return int.MaxValue;

        bool whole = words.Contains("loss") && words.All(WholeLossWords.Contains);
        return (whole ? 0 : 2) + (trainRole ? 0 : 1);
    }

    private static string Names(TrainingLog log) =>
        log.Series.Count == 0 ? "no series" : string.Join(", ", log.Series.Take(20).Select(s => $"'{s.Name}'")) + (log.Series.Count > 20 ? $" and {log.Series.Count - 20} more" : "");
}
