using EpochLens.Diagnosis;

namespace EpochLens.Reports.Tests;

/// <summary>
/// The console verdict of each cause, without colour and at 80 columns, against the text committed under
/// Snapshots/ (EPOCHLENS_UPDATE_SNAPSHOTS=1 rewrites them). The runs are synthetic with the cause planted; the
/// seed is one where the engine names the planted cause first, which each test checks before comparing.
/// </summary>
public class ConsoleSnapshotTests
{
    [Theory]
    [InlineData(CauseId.None, 0)]
    [InlineData(CauseId.RunningMeanLogging, 0)]
    [InlineData(CauseId.PartialLastBatch, 1)]
    [InlineData(CauseId.FixedOrder, 0)]
    [InlineData(CauseId.OptimizerReset, 2)]
    [InlineData(CauseId.LrSchedule, 0)]
    [InlineData(CauseId.StateReload, 6)]
    [InlineData(CauseId.Recency, 2)]
    [InlineData(CauseId.GradAccumulationLeftover, 3)]
    [InlineData(CauseId.EpochAlignedUnexplained, 0)]
    public void The_verdict_of_each_cause_reads_as_committed(CauseId cause, int seed)
    {
        var run = TestRuns.Planted(cause, seed);
        Assert.Equal(cause, run.Primary?.Cause);

        string text = PlainConsole.Render(console => ConsoleReport.Render(console, run));

        Assert.DoesNotContain('\u001b', text);
        Assert.All(Snapshot.Normalise(text).Split('\n'), line => Assert.True(line.Length <= 80, $"wider than 80 columns: {line}"));
        Assert.StartsWith("Verdict: ", text.TrimStart('\n', '\r'), StringComparison.Ordinal);
        Snapshot.Match($"console-{cause.ToId()}", text);
    }

    [Fact]
    public void Details_add_the_reasons_and_every_measurement()
    {
        var run = TestRuns.Planted(CauseId.RunningMeanLogging, 0);

        string text = PlainConsole.Render(console => ConsoleReport.Render(console, run, details: true), width: 160);

        Assert.Contains("Confidence basis:", text, StringComparison.Ordinal);
        foreach (var ruled in run.RuledOut)
        {
            Assert.Contains($"{ruled.Cause.ToId()}:", text, StringComparison.Ordinal);
        }

        Assert.Contains("without structure", text, StringComparison.Ordinal);
    }
}
