using EpochLens.Diagnosis;
using Xunit.Abstractions;

namespace EpochLens.Core.Tests.Diagnosis;

/// <summary>
/// The engine's promise on runs with no epoch-aligned cause: trending, heavy-tailed, autocorrelated,
/// spiky, sparsely logged, sampled with replacement. At most 2 % of them may get a medium- or high-confidence
/// finding.
/// </summary>
public class FalseAlarmTests(ITestOutputHelper output)
{
    private const int Runs = 200;

    [Fact]
    public void Null_runs_with_the_epoch_length_given_raise_at_most_two_percent_medium_or_high_findings()
    {
        var (alarms, runs, detail) = DiagnosisRates.NullAlarms(Runs, giveEpochLength: true, new Diagnoser());
        output.WriteLine($"false alarms (medium or high), epoch length given: {alarms} of {runs} null runs = {100.0 * alarms / runs:0.0} %");
        output.WriteLine(detail);
        Assert.True(alarms <= Runs * 2 / 100, $"{alarms} of {runs} null runs raised a medium-or-high finding:{Environment.NewLine}{detail}");
    }

    [Fact]
    public void Null_runs_without_the_epoch_length_raise_at_most_two_percent_medium_or_high_findings()
    {
        // Most null logs say nothing about epochs; a period inferred from noise would be the false alarm here.
        var (alarms, runs, detail) = DiagnosisRates.NullAlarms(Runs, giveEpochLength: false, new Diagnoser());
        output.WriteLine($"false alarms (medium or high), epoch length read or inferred: {alarms} of {runs} null runs = {100.0 * alarms / runs:0.0} %");
        output.WriteLine(detail);
        Assert.True(alarms <= Runs * 2 / 100, $"{alarms} of {runs} null runs raised a medium-or-high finding:{Environment.NewLine}{detail}");
    }
}
