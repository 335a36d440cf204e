using EpochLens.Logs;

namespace EpochLens.Readers.TensorBoard;

/// <summary>
/// What a TensorBoard tag measures, from its name: TensorBoard stores no roles, but the names people
/// give (train/loss, Loss/val, lr-Adam, train/learning_rate, epoch) say it plainly enough.
/// </summary>
internal static class TagRoles
{
    public static SeriesRole Of(string tag)
    {
        var lower = tag.ToLowerInvariant();
        var words = SeriesNameWords.Of(tag);
        if (lower.Contains("loss", StringComparison.Ordinal))
        {
            return SeriesNameWords.AnyHeldOut(words) ? SeriesRole.HeldOutLoss : SeriesRole.TrainLoss;
        }

        if (words.Contains("lr") || lower.Contains("learning_rate", StringComparison.Ordinal)
            || lower.Contains("learningrate", StringComparison.Ordinal) || lower.Contains("learning-rate", StringComparison.Ordinal))
        {
            return SeriesRole.LearningRate;
        }

        if (lower.Contains("grad_norm", StringComparison.Ordinal) || lower.Contains("gradnorm", StringComparison.Ordinal))
        {
            return SeriesRole.GradNorm;
        }

        // "epoch", "train/epoch" (Hugging Face), "trainer/epoch"; not "epoch_time".
        return words.Length > 0 && words[^1] == "epoch" ? SeriesRole.Epoch : SeriesRole.Other;
    }
}
