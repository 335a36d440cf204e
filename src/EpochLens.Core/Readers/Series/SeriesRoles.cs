using EpochLens.Logs;

namespace EpochLens.Readers.Series;

/// <summary>Guesses what a series measures from its key, as loggers commonly name them ("val/loss", "train_loss", "lr-Adam").</summary>
internal static class SeriesRoles
{
    private static readonly string[] HeldOutPrefixes = ["val", "valid", "validation", "eval", "test", "heldout", "held_out"];
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
            return HeldOutPrefixes.Contains(group) ? SeriesRole.HeldOutLoss
                : group.Length == 0 || TrainPrefixes.Contains(group) ? SeriesRole.TrainLoss
                : SeriesRole.Other;
        }

        foreach (var prefix in HeldOutPrefixes)
        {
            if (last == prefix + "_loss" || last == prefix + "_loss_epoch")
            {
                return SeriesRole.HeldOutLoss;
            }
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
}
