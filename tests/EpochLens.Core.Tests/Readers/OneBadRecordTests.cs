using System.Globalization;
using System.Text;
using EpochLens.Logs;
using EpochLens.Readers;

namespace EpochLens.Core.Tests.Readers;

/// <summary>
/// One damaged record in the middle of a log (a broken line, a broken history entry) costs that record only: every
/// good record before and after it is read, counted against the same log undamaged. TensorBoard's framing damage
/// (bad checksums, absurd lengths, garbage between records) is covered in TensorBoardDamageTests.
/// </summary>
public sealed class OneBadRecordTests : IDisposable
{
    private const int Records = 200;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "epochlens-one-bad-record", Guid.NewGuid().ToString("N"));

    public OneBadRecordTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Formats => ["csv", "jsonl", "json", "mlflow", "huggingface", "keras", "mmengine", "text", "epochlens"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_broken_record_in_the_middle_costs_only_that_record(string format)
    {
        var clean = ReadLoss(Write(format, "clean", damaged: false));
        var damaged = ReadLoss(Write(format, "damaged", damaged: true));

        Assert.Equal(Records, clean.Count);
        Assert.True(IsWithOneRemoved(clean.Values.ToArray(), damaged.Values.ToArray()),
            $"{format}: {damaged.Count} of {clean.Count} values read from the damaged log, not all but the broken one");
    }

    private static MetricSeries ReadLoss(string path)
    {
        var logs = DefaultLogReaders.Create().Read(path, ReadOptions.Default, new ProblemLog());
        return Assert.Single(logs).Find(SeriesRole.TrainLoss) ?? throw new InvalidOperationException($"no training loss read from {path}");
    }

    /// <summary>True when <paramref name="damaged"/> is <paramref name="clean"/>, or it with one value left out.</summary>
    private static bool IsWithOneRemoved(double[] clean, double[] damaged)
    {
        if (damaged.Length == clean.Length)
        {
            return clean.SequenceEqual(damaged);
        }

        if (damaged.Length != clean.Length - 1)
        {
            return false;
        }

        int skip = 0;
        while (skip < damaged.Length && damaged[skip] == clean[skip])
        {
            skip++;
        }

        return damaged.AsSpan(skip).SequenceEqual(clean.AsSpan(skip + 1));
    }

    private static double Loss(int i) => Math.Round(2.0 / (1 + (i / 50.0)), 4) + 0.0001 * (i % 7);

    /// <summary>Writes the log as the format's tool writes it; when damaged, record 100 is broken in its middle.</summary>
    private string Write(string format, string name, bool damaged)
    {
        string folder = Path.Combine(_folder, format, name);
        Directory.CreateDirectory(folder);
        var lines = new List<string>();
        string Record(int i, string line) => damaged && i == Records / 2 ? Break(line) : line;
        var invariant = CultureInfo.InvariantCulture;
        switch (format)
        {
            case "csv":
                lines.Add("step,loss");
                lines.AddRange(Enumerable.Range(0, Records).Select(i => Record(i, string.Create(invariant, $"{i},{Loss(i)}"))));
                return WriteLines(folder, "metrics.csv", lines);
            case "jsonl":
                lines.AddRange(Enumerable.Range(0, Records).Select(i => Record(i, string.Create(invariant, $"{{\"step\": {i}, \"loss\": {Loss(i)}}}"))));
                return WriteLines(folder, "metrics.jsonl", lines);
            case "json":
                // json.dump(history, indent=1): an array of per-step objects in one document.
                lines.Add("[");
                lines.Add(string.Join(",\n", Enumerable.Range(0, Records).Select(i =>
                    Record(i, string.Create(invariant, $" {{\n  \"step\": {i},\n  \"loss\": {Loss(i)}\n }}")))));
                lines.Add("]");
                return WriteLines(folder, "history.json", lines);
            case "mlflow":
                string run = Path.Combine(folder, "mlruns", "0", "0123456789abcdef0123456789abcdef");
                Directory.CreateDirectory(Path.Combine(run, "metrics"));
                File.WriteAllText(Path.Combine(folder, "mlruns", "0", "meta.yaml"), "experiment_id: '0'\nname: Default\n");
                File.WriteAllText(Path.Combine(run, "meta.yaml"), "run_id: 0123456789abcdef0123456789abcdef\nexperiment_id: '0'\nstatus: 3\n");
                lines.AddRange(Enumerable.Range(0, Records).Select(i => Record(i, string.Create(invariant, $"{1700000000000 + (i * 100)} {Loss(i)} {i}"))));
                WriteLines(Path.Combine(run, "metrics"), "loss", lines);
                return folder;
            case "huggingface":
                lines.Add("{\n  \"global_step\": 400,\n  \"log_history\": [");
                lines.Add(string.Join(",\n", Enumerable.Range(0, Records).Select(i =>
                    Record(i, string.Create(invariant, $"    {{\n      \"epoch\": {(i + 1) / 50.0},\n      \"learning_rate\": 5e-05,\n      \"loss\": {Loss(i)},\n      \"step\": {(i + 1) * 2}\n    }}")))));
                lines.Add("  ],\n  \"logging_steps\": 2,\n  \"max_steps\": 400,\n  \"num_train_epochs\": 4\n}");
                return WriteLines(folder, "trainer_state.json", lines);
            case "keras":
                lines.Add("Train on 6000 samples, validate on 1000 samples");
                for (int i = 0; i < Records; i++)
                {
                    lines.Add(string.Create(invariant, $"Epoch {i + 1}/{Records}"));
                    lines.Add(Record(i, string.Create(invariant, $" - 5s - loss: {Loss(i):F4} - acc: 0.8256 - val_loss: 0.4100 - val_acc: 0.8500")));
                }

                return WriteLines(folder, "train.log", lines);
            case "mmengine":
                lines.AddRange(Enumerable.Range(0, Records).Select(i => Record(i, string.Create(invariant,
                    $"2023/06/02 08:30:20 - mmengine - INFO - Iter(train) [{(i + 1) * 10,5}/{Records * 10}]  lr: 9.5489e-03  eta: 0:06:20  time: 0.4000  data_time: 0.0100  memory: 5000  loss: {Loss(i):F4}  decode.loss_ce: 0.9333"))));
                return WriteLines(folder, "20230602_083000.log", lines);
            case "text":
                lines.Add("Starting training");
                lines.AddRange(Enumerable.Range(0, Records).Select(i => Record(i, string.Create(invariant, $"[epoch {(i / 20) + 1}/10] step {(i % 20) + 1}/20 loss={Loss(i):F4} lr=3e-4"))));
                return WriteLines(folder, "train.log", lines);
            case "epochlens":
                string fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "telemetry-run");
                foreach (var file in new[] { "run.json", "epochs.csv" })
                {
                    File.Copy(Path.Combine(fixture, file), Path.Combine(folder, file));
                }

                lines.Add("step,epoch,position,batch_size,loss,logged_loss,lr,grad_norm,update_norm,optimizer_step,sample_ids");
                lines.AddRange(Enumerable.Range(0, Records).Select(i => Record(i, string.Create(invariant, $"{i},{i / 50},{i % 50},1,{Loss(i)},{Loss(i)},1E-05,1.469,0.001,{i + 1},{i % 50}"))));
                WriteLines(folder, "steps.csv", lines);
                return folder;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "no such format in this test");
        }
    }

    /// <summary>Garbage in place of the middle of the record: neither a value nor the record's shape survives.</summary>
    private static string Break(string record)
    {
        int middle = record.Length / 2;
        return record[..(middle - 3)] + "#\u0001@" + record[(middle + 3)..];
    }

    private static string WriteLines(string folder, string name, List<string> lines)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        return path;
    }
}
