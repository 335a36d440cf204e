using EpochLens.Diagnosis;
using EpochLens.Logs;
using EpochLens.Synthetic;

namespace EpochLens.Reports.Tests;

/// <summary>Diagnoses of synthetic runs with a planted cause: deterministic input for the reports.</summary>
internal static class TestRuns
{
    /// <summary>A name as hostile as a log can carry: HTML, Spectre markup, Markdown, a terminal escape and a line break.</summary>
    public const string HostileName = "<script>alert(1)</script>[red]x[/]*bold*|\u001b]0;pwned\u0007\ncell";

    /// <summary>The diagnosis of the planted run of <paramref name="cause"/> with <paramref name="seed"/>.</summary>
    public static RunDiagnosis Planted(CauseId cause, int seed) =>
        new Diagnoser().Diagnose(SyntheticRunGenerator.Generate(PlantedScenarios.Spec(cause, seed), seed).Log);

    /// <summary>
    /// The planted run's loss alone, renamed and with nothing said about epochs, so they are inferred (and the
    /// report draws the periodogram); <paramref name="name"/> becomes both the series' and the file's name.
    /// </summary>
    public static RunDiagnosis LossOnly(CauseId cause, int seed, string name)
    {
        var log = SyntheticRunGenerator.Generate(PlantedScenarios.Spec(cause, seed), seed).Log;
        var loss = log.Find(SeriesRole.TrainLoss) ?? log.Series[0];
        var renamed = new MetricSeries(name, loss.Steps.ToArray(), loss.Values.ToArray(), role: SeriesRole.TrainLoss);
        return new Diagnoser().Diagnose(new TrainingLog($"runs/{name}/metrics.csv", "csv", [renamed]));
    }
}
