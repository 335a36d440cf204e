using EpochLens.Logs;

namespace EpochLens.Readers.Series;

/// <summary>Guesses what a series measures from its key, as loggers commonly name them ("val/loss", "train_loss", "lr-Adam").</summary>
internal static class SeriesRoles
{
    private static readonly string[] TrainPrefixes = ["train", "training", "trainer"];

    public static SeriesRole FromName(string name)
    {
        var key = name.ToLowerInvariant();
        int slash = key.LastIndexOf('/');
        var group = slash < 0 ? "" : key[..key.IndexOf('/')];
        var last = slash < 0 ? key : key[(slash + 1)..];

        if (last is "lr" or "learning_rate" || last.StartsWith("lr-", StringComparison.Ordinal) || last.StartsWith("lr_", StringComparison.Ordinal))
        {
            return SeriesRole.LearningRate;
        }

        if (last is "grad_norm" or "gradient_norm" or "grad_norm_total")
        {
            return SeriesRole.GradNorm;
        }

        if (last is "batch_size")
        {
            return SeriesRole.BatchSize;
        }

        if (last is "loss" or "loss_step" or "total_loss" or "loss_total")
        {
            return HeldOut(group) ? SeriesRole.HeldOutLoss
                : group.Length == 0 || TrainPrefixes.Contains(group) ? SeriesRole.TrainLoss
                : SeriesRole.Other;
        }

        if (HeldOut(Before(last, "_loss") ?? Before(last, "_loss_epoch")))
        {
            return SeriesRole.HeldOutLoss;
        }

        foreach (var prefix in TrainPrefixes)
        {
            if (last == prefix + "_loss" || last == prefix + "_loss_step")
            {
                return SeriesRole.TrainLoss;
            }
        }

        return SeriesRole.Other;
    }

    /// <summary>A held-out word, or "held_out" taken as one.</summary>
    private static bool HeldOut(string? word) => word is not null && (word == "held_out" || SeriesNameWords.HeldOut.Contains(word));

    private static string? Before(string name, string suffix) => name.EndsWith(suffix, StringComparison.Ordinal) ? name[..^suffix.Length] : null;
}
