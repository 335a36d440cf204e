using EpochLens.Diagnosis;
using EpochLens.Logs;
using EpochLens.Readers;

namespace EpochLens.Python.Tests;

/// <summary>
/// The Lightning and Hugging Face callbacks, attached as a user attaches them, to short real PyTorch runs
/// driven by stand-ins of those libraries' trainers (scripts/standins.py: neither library is packaged by
/// Debian, so the stand-ins call the documented hooks in the real fit loops' order; they are not the libraries).
/// </summary>
public class CallbackTests
{
    private static TrainingLog Read(string framework, string cause) =>
        DefaultLogReaders.Create().Read(PythonRuns.Recorded("train_callback.py", framework, cause), new ReadOptions(), new ProblemLog()).Single();

    [PythonTheory]
    [InlineData("lightning")]
    [InlineData("hf")]
    public void A_shuffle_false_loader_is_named_fixed_order_from_the_sample_ids_the_callback_recorded(string framework)
    {
        var diagnosis = new Diagnoser().Diagnose(Read(framework, "fixed-order"));

        Assert.Equal(CauseId.FixedOrder, diagnosis.Primary!.Cause);
        Assert.True(diagnosis.Primary.Confidence.Level >= ConfidenceLevel.Medium, $"{diagnosis.Primary.Confidence.Level}");
    }

    [PythonTheory]
    [InlineData("lightning")]
    [InlineData("hf")]
    public void A_healthy_run_gets_no_finding(string framework)
    {
        var diagnosis = new Diagnoser().Diagnose(Read(framework, "healthy"));

        Assert.Equal(DiagnosisOutcome.NoStructure, diagnosis.Outcome);
    }

    [PythonTheory]
    [InlineData("lightning")]
    [InlineData("hf")]
    public void Every_batch_is_a_step_with_its_sample_ids_and_every_epoch_has_the_held_out_loss(string framework)
    {
        var log = Read(framework, "healthy");

        Assert.Equal(6000, log.Find(SeriesRole.TrainLoss)!.Count);
        Assert.Equal(1000, log.Epochs!.StepsPerEpoch);
        Assert.All(log.Samples!.Ids.Chunk(1000), epoch => Assert.Equal(Enumerable.Range(0, 1000), epoch.Select(b => Assert.Single(b)).Order()));
        var heldOut = log.Find(SeriesRole.HeldOutLoss)!;
        Assert.Equal([999L, 1999, 2999, 3999, 4999, 5999], heldOut.Steps.ToArray());
        Assert.All(heldOut.Values.ToArray(), v => Assert.InRange(v, 0.05, 1.5));
    }

    [PythonFact]
    public void Under_gradient_accumulation_the_Trainers_micro_batches_are_steps_and_the_optimizer_steps_every_second()
    {
        // The stand-in Trainer accumulates over 2 batches: each micro-batch is a row (on_substep_end or
        // on_step_end), the optimizer's count moves on every second row, and rows without a step moved no weight.
        var log = Read("hf", "healthy");

        var counts = log.Find(SeriesRole.OptimizerStep)!.Values.ToArray();
        Assert.Equal(Enumerable.Range(0, 6000).Select(s => (double)((s + 1) / 2)), counts);
        var norms = log.Find(SeriesRole.UpdateNorm)!;
        for (int i = 0; i < norms.Count; i++)
        {
            bool stepped = norms.Steps[i] % 2 == 1;
            Assert.True(stepped ? norms.Values[i] > 0 : norms.Values[i] == 0, $"step {norms.Steps[i]}: update norm {norms.Values[i]}");
        }
    }
}
