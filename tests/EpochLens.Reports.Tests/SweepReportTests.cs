using System.Text.Json;
using EpochLens.Diagnosis;
using EpochLens.Reports.Sweeps;
using EpochLens.Sweeps;

namespace EpochLens.Reports.Tests;

/// <summary>The JSON form read back, the sweep's order and its summary: what shards and <c>summarize</c> rest on.</summary>
public sealed class SweepReportTests
{
    public static TheoryData<CauseId> Causes => [CauseId.None, CauseId.RunningMeanLogging, CauseId.FixedOrder, CauseId.OptimizerReset, CauseId.LrSchedule, CauseId.Recency];

    [Theory]
    [MemberData(nameof(Causes))]
    public void A_run_read_back_from_its_json_writes_the_same_json(CauseId cause)
    {
        var run = cause == CauseId.None ? TestRuns.LossOnly(CauseId.None, 3, "loss") : TestRuns.Planted(cause, 3);
        string line = JsonReport.RunLine(run);

        using var json = JsonDocument.Parse(line);
        var back = DiagnosisJsonReader.ReadRun(json.RootElement);

        Assert.Equal(line, JsonReport.RunLine(back));
        Assert.Null(back.Analysis);
    }

    [Fact]
    public void A_run_with_inferred_epochs_and_candidates_reads_back_unchanged()
    {
        var run = TestRuns.LossOnly(CauseId.RunningMeanLogging, 5, "train_loss");
        Assert.NotEmpty(run.Epochs.Candidates);
        string line = JsonReport.RunLine(run);

        using var json = JsonDocument.Parse(line);

        Assert.Equal(line, JsonReport.RunLine(DiagnosisJsonReader.ReadRun(json.RootElement)));
    }

    [Theory]
    [InlineData("""{"source": 3}""", "field 'source' is number, not string")]
    [InlineData("[]", "field 'run' is array, not object")]
    public void A_malformed_run_is_an_error_naming_the_field(string text, string message)
    {
        using var json = JsonDocument.Parse(text);

        var error = Assert.Throws<InvalidDataException>(() => DiagnosisJsonReader.ReadRun(json.RootElement));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_epoch_count_too_large_to_rebuild_is_refused_without_allocating_it()
    {
        var run = TestRuns.Planted(CauseId.FixedOrder, 2);
        string line = JsonReport.RunLine(run).Replace($"\"count\":{run.Epochs.Structure!.EpochCount},", "\"count\":2000000000,", StringComparison.Ordinal);
        using var json = JsonDocument.Parse(line);

        var error = Assert.Throws<InvalidDataException>(() => DiagnosisJsonReader.ReadRun(json.RootElement));
        Assert.Contains("not an epoch structure", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_order_is_worst_first_and_the_same_whatever_order_the_runs_came_in()
    {
        var runs = new[]
        {
            TestRuns.LossOnly(CauseId.None, 1, "a"),
            TestRuns.Planted(CauseId.RunningMeanLogging, 1),
            TestRuns.Planted(CauseId.OptimizerReset, 1),
            TestRuns.Planted(CauseId.FixedOrder, 1),
        };

        var forward = SweepReport.Create(runs, [new SkippedRun("b", "why"), new SkippedRun("a", "why")]);
        var backward = SweepReport.Create(runs.Reverse(), [new SkippedRun("a", "why"), new SkippedRun("b", "why")]);

        Assert.Equal(forward.Runs, backward.Runs);
        Assert.Equal(["a", "b"], forward.Skipped.Select(s => s.Source));
        var severities = forward.Runs.Select(r => SweepOrder.Worst(r)?.Severity.Level ?? SeverityLevel.None).ToList();
        Assert.Equal(severities.OrderDescending(), severities);
        Assert.Null(SweepOrder.Worst(forward.Runs[^1]));
    }

    [Fact]
    public void A_summary_row_names_the_run_inside_the_sweeps_folder_and_its_epochs()
    {
        var a = TestRuns.LossOnly(CauseId.RunningMeanLogging, 5, "x");
        var b = TestRuns.LossOnly(CauseId.None, 5, "y");
        var sweep = SweepReport.Create([a, b], []);

        var row = SweepRow.Of(a, sweep);

        Assert.Equal("runs/", sweep.Folder);
        Assert.Equal("x/metrics.csv", row.Run);
        Assert.Matches(@"^~\d+ inferred$", row.Epochs);
        Assert.Equal("running-mean-logging", row.Cause);
        Assert.StartsWith("2 run(s) in runs/: 1 with findings", SweepRow.Headline(sweep), StringComparison.Ordinal);
    }
}
