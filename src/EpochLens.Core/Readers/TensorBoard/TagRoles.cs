namespace EpochLens.Readers.TensorBoard;

/// <summary>What a TensorBoard tag measures, from its name (train/loss, Loss/val, lr-Adam, epoch).</summary>
internal static class TagRoles
{
    public static SeriesRole Of(string tag)
    {
        var lower = tag.ToLowerInvariant();
        var words = SeriesNameWords.Of(tag);
        bool Has(string part) => lower.Contains(part, StringComparison.Ordinal);
        if (Has("loss")) return SeriesNameWords.AnyHeldOut(words) ? SeriesRole.HeldOutLoss : SeriesRole.TrainLoss;
        bool rate = words.Contains("lr") || Has("learning_rate") || Has("learningrate") || Has("learning-rate");
        if (rate) return SeriesRole.LearningRate;
        if (Has("grad_norm") || Has("gradnorm")) return SeriesRole.GradNorm;

        // "epoch", "train/epoch" (Hugging Face), "trainer/epoch"; not "epoch_time".
        return words.Length > 0 && words[^1] == "epoch" ? SeriesRole.Epoch : SeriesRole.Other;
    }
}
