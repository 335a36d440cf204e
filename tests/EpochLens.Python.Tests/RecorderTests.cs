using System.Text.Json;
using EpochLens.Logs;
using EpochLens.Readers;

namespace EpochLens.Python.Tests;

/// <summary>
/// What the Python recorder writes, read back by the telemetry reader: the contract with the C# recorder
/// (src/EpochLens.Torch/Telemetry) that `epochlens analyze` relies on.
/// </summary>
public class RecorderTests
{
    private static (TrainingLog Log, ProblemLog Problems) Read(string path)
    {
        var problems = new ProblemLog();
        return (DefaultLogReaders.Create().Read(path, new ReadOptions(), problems).Single(), problems);
    }

    [PythonFact]
    public void A_plain_loop_run_reads_back_with_every_series_the_CSharp_recorder_writes_and_the_epoch_length_from_run_json()
    {
        var (log, problems) = Read(PythonRuns.Recorded("train_cause.py", "healthy"));

        Assert.Equal(0, problems.Total);
        Assert.Equal("epochlens", log.Format);
        foreach (var role in new[] { SeriesRole.TrainLoss, SeriesRole.LearningRate, SeriesRole.GradNorm, SeriesRole.UpdateNorm, SeriesRole.OptimizerStep, SeriesRole.BatchSize, SeriesRole.Epoch })
        {
            Assert.NotNull(log.Find(role));
        }

        Assert.Equal(6000, log.Find(SeriesRole.TrainLoss)!.Count);
        Assert.Equal(1000, log.Epochs!.StepsPerEpoch);
        Assert.Contains("run.json", log.Epochs.Origin, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, 6000).Select(s => (double)s), log.Find(SeriesRole.OptimizerStep)!.Values.ToArray());
        Assert.All(log.Find(SeriesRole.BatchSize)!.Values.ToArray(), b => Assert.Equal(1, b));
        Assert.All(log.Find(SeriesRole.LearningRate)!.Values.ToArray(), lr => Assert.Equal(1e-3, lr));

        // Every epoch visits every sample once, in a new order: the ids are the sampler's.
        var ids = log.Samples!.Ids.Select(b => Assert.Single(b)).ToArray();
        var epochs = ids.Chunk(1000).ToArray();
        Assert.All(epochs, e => Assert.Equal(Enumerable.Range(0, 1000), e.Order()));
        Assert.NotEqual(epochs[0], epochs[1]);
    }

    [PythonFact]
    public void Run_json_holds_the_set_up_the_recorder_can_see()
    {
        using var plain = JsonDocument.Parse(File.ReadAllText(Path.Combine(PythonRuns.Recorded("train_cause.py", "accumulation-leftover"), "run.json")));
        var run = plain.RootElement;

        Assert.Equal("epochlens-python", run.GetProperty("tool").GetString());
        Assert.StartsWith("Adam(", run.GetProperty("optimizer").GetString(), StringComparison.Ordinal);
        Assert.Equal(0.001, run.GetProperty("optimizer_hyperparameters").GetProperty("lr").GetDouble());
        Assert.Equal([0.9, 0.999], run.GetProperty("optimizer_hyperparameters").GetProperty("betas").EnumerateArray().Select(b => b.GetDouble()));
        Assert.Equal(1, run.GetProperty("batch_size").GetInt32());
        Assert.Equal(1000, run.GetProperty("dataset_length").GetInt32());
        Assert.Equal(1000, run.GetProperty("samples_per_epoch").GetInt32());
        Assert.Equal(1000, run.GetProperty("steps_per_epoch").GetInt32());
        Assert.Equal("RandomSampler", run.GetProperty("sampler").GetString());
        Assert.Equal("reshuffled", run.GetProperty("order").GetString());
        Assert.False(run.GetProperty("drop_last").GetBoolean());
        Assert.Equal(3, run.GetProperty("gradient_accumulation").GetInt32());
        Assert.Equal(6, run.GetProperty("epochs").GetInt32());
        Assert.Equal(1, run.GetProperty("seed").GetInt32());

        // The callbacks fill in what the trainer knows.
        using var hf = JsonDocument.Parse(File.ReadAllText(Path.Combine(PythonRuns.Recorded("train_callback.py", "hf", "healthy"), "run.json")));
        Assert.Equal("transformers", hf.RootElement.GetProperty("framework").GetString());
        Assert.Equal(2, hf.RootElement.GetProperty("gradient_accumulation").GetInt32());
        Assert.StartsWith("AdamW(", hf.RootElement.GetProperty("optimizer").GetString(), StringComparison.Ordinal);
        using var fixedOrder = JsonDocument.Parse(File.ReadAllText(Path.Combine(PythonRuns.Recorded("train_callback.py", "lightning", "fixed-order"), "run.json")));
        Assert.Equal("fixed", fixedOrder.RootElement.GetProperty("order").GetString());
        Assert.Equal("SequentialSampler", fixedOrder.RootElement.GetProperty("sampler").GetString());
    }

    [PythonFact]
    public void Norms_follow_the_CSharp_recorders_schedule_every_step_near_a_boundary_every_64th_elsewhere()
    {
        var (log, _) = Read(PythonRuns.Recorded("train_cause.py", "healthy"));

        static bool Measured(long step) => step % 64 == 0 || step % 1000 < 32 || step % 1000 >= 1000 - 32;
        var expected = Enumerable.Range(0, 6000).Select(s => (long)s).Where(Measured).ToArray();
        Assert.Equal(expected, log.Find(SeriesRole.GradNorm)!.Steps.ToArray());

        // The first update is measured against the weights the recorder kept when it was attached.
        Assert.Equal(expected, log.Find(SeriesRole.UpdateNorm)!.Steps.ToArray());
        Assert.All(log.Find(SeriesRole.UpdateNorm)!.Values.ToArray(), u => Assert.True(u > 0));
    }

    [PythonFact]
    public void The_CSV_and_JSON_Lines_files_hold_the_same_records()
    {
        var folder = PythonRuns.Recorded("train_cause.py", "healthy");
        var (fromJson, _) = Read(Path.Combine(folder, "steps.jsonl"));
        var (fromCsv, problems) = Read(Path.Combine(folder, "steps.csv"));

        Assert.Equal(0, problems.Total);
        Assert.Equal(fromJson.Series.Select(s => s.Name), fromCsv.Series.Select(s => s.Name));
        foreach (var series in fromJson.Series)
        {
            var other = fromCsv.Find(series.Name)!;
            Assert.Equal(series.Steps.ToArray(), other.Steps.ToArray());
            Assert.Equal(series.Values.ToArray(), other.Values.ToArray());
        }
    }

    [PythonFact]
    public void Deferred_readback_the_GPU_path_writes_the_same_records_as_reading_each_step_back()
    {
        // On a GPU the recorder keeps a step's values as device tensors and reads them back together once a
        // second; forced on here on the CPU, the same seeded run must give the same files.
        string direct = PythonRuns.Recorded("train_cause.py", "healthy");
        string deferred = PythonRuns.Recorded("train_cause.py", "--defer-readback", "healthy");

        foreach (var file in new[] { "steps.csv", "steps.jsonl", "epochs.csv", "epochs.jsonl" })
        {
            Assert.Equal(File.ReadAllLines(Path.Combine(direct, file)), File.ReadAllLines(Path.Combine(deferred, file)));
        }
    }

    [PythonFact]
    public void A_run_killed_mid_epoch_keeps_every_step_recorded_up_to_its_last_flush()
    {
        var (log, problems) = Read(PythonRuns.RecordedUntilKilled("killed_run.py"));

        // 250 steps an epoch at batch size 4: two whole epochs and 101 steps of the third were recorded.
        Assert.Equal(Enumerable.Range(0, 601).Select(s => (long)s), log.Find(SeriesRole.TrainLoss)!.Steps.ToArray());
        Assert.Equal(0, problems.Total);
        Assert.Equal(2, log.Find("train_loss")!.Count);
        Assert.All(log.Samples!.Ids, b => Assert.Equal(4, b.Length));

        // SGD keeps no step count in its state: the recorder counts its step() calls.
        Assert.Equal(Enumerable.Range(1, 601).Select(s => (double)s), log.Find(SeriesRole.OptimizerStep)!.Values.ToArray());
    }
}
