using EpochLens.Logs;
using EpochLens.Synthetic;

namespace EpochLens.Core.Tests.Synthetic;

/// <summary>Shorthands for reading a generated run in tests.</summary>
internal static class RunReading
{
    public static MetricSeries Series(this SyntheticRun run, SeriesRole role) =>
        run.Log.Find(role) ?? throw new InvalidOperationException($"no {role} series in {run.Description}");

    public static double[] Values(this SyntheticRun run, SeriesRole role) => run.Series(role).Values.ToArray();

    public static long[] Steps(this SyntheticRun run, SeriesRole role) => run.Series(role).Steps.ToArray();

    /// <summary>The ids visited in epoch <paramref name="epoch"/>, step after step.</summary>
    public static int[] EpochIds(this SyntheticRun run, int epoch)
    {
        var ids = run.Log.Samples!.Ids;
        int perEpoch = run.Truth.StepsPerEpoch;
        return [.. Enumerable.Range(epoch * perEpoch, perEpoch).SelectMany(step => ids[step])];
    }

    public static double Mean(this IEnumerable<double> values) => values.Average();
}
