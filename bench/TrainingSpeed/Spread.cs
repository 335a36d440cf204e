namespace EpochLens.Bench.TrainingSpeed;

/// <summary>The rounds of one measurement and their median and range: the median resists a round hit by machine noise.</summary>
internal sealed record Spread(double Median, double Min, double Max, IReadOnlyList<double> Rounds)
{
    public static Spread Of(IReadOnlyList<double> rounds)
    {
        if (rounds.Count == 0)
        {
            throw new ArgumentException("no rounds", nameof(rounds));
        }

        var sorted = rounds.Order().ToArray();
        int mid = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Spread(median, sorted[0], sorted[^1], rounds.ToArray());
    }
}
