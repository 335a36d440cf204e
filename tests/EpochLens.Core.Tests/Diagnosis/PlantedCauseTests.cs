using EpochLens.Diagnosis;
using Xunit.Abstractions;

namespace EpochLens.Core.Tests.Diagnosis;

/// <summary>
/// Each cause planted at a clearly visible strength on varied synthetic runs (sizes, noise, trends, logging,
/// and only some of the telemetry): how often the engine names it first. The floors are below the rates
/// measured (bench/DiagnosisAccuracy prints them); the runs are deterministic, so a drop is a regression.
/// </summary>
public class PlantedCauseTests(ITestOutputHelper output)
{
    private const int Runs = 20;

    [Theory]
    [InlineData(CauseId.RunningMeanLogging, 0.9)]
    [InlineData(CauseId.FixedOrder, 0.85)]
    [InlineData(CauseId.PartialLastBatch, 0.5)]
    [InlineData(CauseId.OptimizerReset, 0.5)]
    [InlineData(CauseId.StateReload, 0.35)]
    [InlineData(CauseId.Recency, 0.55)]
    [InlineData(CauseId.GradAccumulationLeftover, 0.45)]
    [InlineData(CauseId.EpochAlignedUnexplained, 0.5)]
    [InlineData(CauseId.LrSchedule, 0.25)]
    public void The_planted_cause_is_the_primary_finding_when_clearly_visible(CauseId cause, double floor)
    {
        var (primary, wrong, runs, detail) = DiagnosisRates.Planted(cause, Runs, new Diagnoser());
        output.WriteLine($"{cause.ToId()}: primary in {primary} of {runs}; another named cause with medium or high confidence in {wrong}");
        output.WriteLine(detail);
        Assert.True(primary >= floor * runs, $"{cause.ToId()} primary in only {primary} of {runs}:{Environment.NewLine}{detail}");
        Assert.True(wrong <= runs / 5, $"{cause.ToId()}: another cause named with confidence in {wrong} of {runs}:{Environment.NewLine}{detail}");
    }
}
