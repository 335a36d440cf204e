using EpochLens.Analysis;
using EpochLens.Diagnosis;
using EpochLens.Logs;
using EpochLens.Synthetic;

namespace EpochLens.Core.Tests.Diagnosis;

/// <summary>How sure a "no epoch-aligned structure" verdict may be: it rests on the epochs being where the analysis put them.</summary>
public class NoStructureVerdictTests
{
    [Fact]
    public void Nothing_found_at_a_length_inferred_from_the_loss_is_low_confidence_where_a_known_length_gives_medium()
    {
        var run = SyntheticRunGenerator.Generate(NullScenarios.Spec(0, NullKind.Plain), 0);
        var loss = run.Log.Find(SeriesRole.TrainLoss)!;
        double length = run.Truth.StepsPerEpoch;

        var given = Verdict(EpochSource.Given);
        var inferred = Verdict(EpochSource.Inferred);

        Assert.Equal(ConfidenceLevel.Medium, given.Confidence.Level);
        Assert.Equal(ConfidenceLevel.Low, inferred.Confidence.Level);
        Assert.Contains("inferred from the loss", inferred.Confidence.Basis, StringComparison.Ordinal);

        Finding Verdict(EpochSource source)
        {
            var structure = EpochStructure.Regular(length, loss.Steps[0], loss.Steps[^1], source, "test");
            var analysis = EpochAnalysis.Run(run.Log, loss, structure);
            return Diagnoser.NoStructure(analysis, 0.5, source == EpochSource.Inferred);
        }
    }
}
