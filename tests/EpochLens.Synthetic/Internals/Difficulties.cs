namespace EpochLens.Synthetic.Internals;

/// <summary>Draws fixed per-sample logits before training: initial logit + spread (z + lift for hard samples).</summary>
internal static class Difficulties
{
    public static double[] Draw(SampleLossModel model, int count, RandomStream random)
    {
        var logits = new double[count];
        for (int i = 0; i < count; i++)
        {
            // Both draws always happen, so the spread changes values but never which draw goes where.
            double z = random.Gaussian();
            double lift = random.Uniform() < model.HardFraction ? model.HardLift : 0;
            logits[i] = model.InitialLogit + (model.DifficultySpread * (z + lift));
        }

        return logits;
    }

    /// <summary>softplus(x) = ln(1 + e^x): the loss of a logit, like cross-entropy.</summary>
    public static double Softplus(double x) => x > 35 ? x : x < -20 ? Math.Exp(x) : Math.Log(1 + Math.Exp(x));
}
