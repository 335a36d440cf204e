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
        var last = key[(slash + 1)..];
        return last switch
        {
            "lr" or "learning_rate" => SeriesRole.LearningRate,
            _ when last.StartsWith("lr-", StringComparison.Ordinal) => SeriesRole.LearningRate,
            _ when last.StartsWith("lr_", StringComparison.Ordinal) => SeriesRole.LearningRate,
            "grad_norm" or "gradient_norm" or "grad_norm_total" => SeriesRole.GradNorm,
            "batch_size" => SeriesRole.BatchSize,
            "loss" or "loss_step" or "total_loss" or "loss_total" when HeldOut(group) => SeriesRole.HeldOutLoss,
            "loss" or "loss_step" or "total_loss" or "loss_total" =>
                group.Length == 0 || TrainPrefixes.Contains(group) ? SeriesRole.TrainLoss : SeriesRole.Other,
            _ when HeldOut(Before(last, "_loss") ?? Before(last, "_loss_epoch")) => SeriesRole.HeldOutLoss,
            _ when TrainPrefixes.Any(p => last == p + "_loss" || last == p + "_loss_step") => SeriesRole.TrainLoss,
            _ => SeriesRole.Other,
        };
    }

    private static bool HeldOut(string? word) => word is not null && (word == "held_out" || SeriesNameWords.HeldOut.Contains(word));

    private static string? Before(string name, string suffix) => name.EndsWith(suffix, StringComparison.Ordinal) ? name[..^suffix.Length] : null;
}
