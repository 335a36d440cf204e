using System.Globalization;
using System.Text;
using EpochLens.Core.Tests.Readers.TensorBoard;
using EpochLens.Diagnosis;
using EpochLens.Logs;
using EpochLens.Synthetic;
using EpochLens.Telemetry;

namespace EpochLens.Cli.Tests;

/// <summary>
/// Writes a sweep as the tools people use leave it on disk: synthetic runs (a planted cause or none) in turn as a
/// plain CSV, a Lightning CSVLogger version folder, a TensorBoard run folder, a Hugging Face output folder, an MLflow
/// run, a W&amp;B chart export, a Ray Tune trial (result.json, progress.csv, params.json) and EpochLens telemetry.
/// Shared with bench/SweepSpeed, which links this file.
/// </summary>
internal static class SweepFolderWriter
{
    /// <summary>The run kinds, in the order runs take them.</summary>
    public static readonly string[] Kinds = ["csv", "lightning", "tensorboard", "huggingface", "mlflow", "wandb", "raytune", "telemetry"];

    private static readonly CauseId[] Causes =
        [CauseId.None, CauseId.RunningMeanLogging, CauseId.None, CauseId.FixedOrder, CauseId.OptimizerReset, CauseId.None, CauseId.EpochAlignedUnexplained, CauseId.LrSchedule, CauseId.None, CauseId.StateReload];

    /// <summary>Writes <paramref name="runs"/> runs of at most <paramref name="steps"/> logged points each under <paramref name="folder"/>.</summary>
    public static void Write(string folder, int runs, int steps, int seed = 0)
    {
        Parallel.For(0, runs, i => WriteRun(folder, i, steps, seed));
    }

    private static void WriteRun(string folder, int i, int steps, int seed)
    {
        int runSeed = (seed * 100_003) + i;
        var cause = Causes[i % Causes.Length];
        var spec = cause == CauseId.None ? NullScenarios.Spec(runSeed) : PlantedScenarios.Spec(cause, runSeed);
        int perEpoch = Math.Max(1, spec.SamplesPerEpoch / Math.Max(1, spec.BatchSize * spec.GradAccumulation));
        spec = spec with { Epochs = Math.Max(spec.Epochs, (steps / perEpoch) + 2) };
        var run = SyntheticRunGenerator.Generate(spec, runSeed);
        var loss = run.Log.Find(SeriesRole.TrainLoss) ?? run.Log.Series[0];
        int n = Math.Min(steps, loss.Count);
        var at = loss.Steps[..n].ToArray();
        var values = loss.Values[..n].ToArray();
        string name = string.Create(CultureInfo.InvariantCulture, $"run-{i:D4}");
        switch (Kinds[i % Kinds.Length])
        {
            case "csv":
                WriteCsv(Path.Combine(folder, "csv", name + ".csv"), "step,loss", at, values, (s, v) => $"{s},{v:R}");
                break;
            case "lightning":
                var version = Path.Combine(folder, "lightning_logs", $"version_{i}");
                WriteCsv(Path.Combine(version, "metrics.csv"), "epoch,step,train_loss_step", at, values, (s, v) => $"{s / run.Truth.StepsPerEpoch},{s},{v:R}");
                File.WriteAllText(Path.Combine(version, "hparams.yaml"), "lr: 0.001\n");
                break;
            case "tensorboard":
                var tb = Path.Combine(folder, "tensorboard", name);
                Directory.CreateDirectory(tb);
                using (var events = new EventFileWriter(Path.Combine(tb, "events.out.tfevents.1700000000.host")))
                {
                    events.WriteFileVersion();
                    for (int k = 0; k < n; k++)
                    {
                        events.WriteScalar("train/loss", at[k], (float)values[k]);
                    }
                }

                break;
            case "huggingface":
                var hf = Path.Combine(folder, "huggingface", name);
                Directory.CreateDirectory(hf);
                var history = string.Join(",\n", Enumerable.Range(0, n).Select(k => string.Create(CultureInfo.InvariantCulture,
                    $"{{\"epoch\": {(double)(at[k] + 1) / run.Truth.StepsPerEpoch:R}, \"learning_rate\": 0.001, \"loss\": {values[k]:R}, \"step\": {at[k] + 1}}}")));
                File.WriteAllText(Path.Combine(hf, "trainer_state.json"), $"{{\"global_step\": {at[n - 1] + 1}, \"log_history\": [\n{history}\n], \"logging_steps\": 1}}\n");
                break;
            case "mlflow":
                var mlrun = Path.Combine(folder, "mlruns", "0", $"{i:x32}");
                Directory.CreateDirectory(Path.Combine(mlrun, "metrics"));
                File.WriteAllText(Path.Combine(mlrun, "meta.yaml"), $"run_id: {i:x32}\nexperiment_id: '0'\n");
                WriteCsv(Path.Combine(mlrun, "metrics", "loss"), null, at, values, (s, v) => $"{1_700_000_000_000 + s} {v:R} {s}");
                break;
            case "wandb":
                WriteCsv(Path.Combine(folder, "wandb-exports", name + ".csv"), $"\"Step\",\"{name} - train/loss\",\"{name} - train/loss__MIN\",\"{name} - train/loss__MAX\"", at, values,
                    (s, v) => $"{s},{v:R},{v:R},{v:R}");
                break;
            case "raytune":
                var trial = Path.Combine(folder, "ray_results", $"train_fn_{i:D5}_{i}_lr=0.001");
                WriteCsv(Path.Combine(trial, "progress.csv"), "loss,training_iteration,trial_id,done", at, values, (s, v) => $"{v:R},{s + 1},t{i},False");
                WriteCsv(Path.Combine(trial, "result.json"), null, at, values, (s, v) => $"{{\"loss\": {v:R}, \"training_iteration\": {s + 1}, \"trial_id\": \"t{i}\", \"done\": false, \"config\": {{\"lr\": 0.001}}}}");
                File.WriteAllText(Path.Combine(trial, "params.json"), "{\"lr\": 0.001}\n");
                break;
            default:
                WriteTelemetry(Path.Combine(folder, "telemetry", name), run, at, values, runSeed);
                break;
        }
    }

    private static void WriteCsv(string path, string? header, long[] steps, double[] values, Func<long, double, FormattableString> line)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = new StringBuilder(steps.Length * 24);
        if (header is not null)
        {
            text.Append(header).Append('\n');
        }

        for (int k = 0; k < steps.Length; k++)
        {
            text.Append(line(steps[k], values[k]).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
    }

    private static void WriteTelemetry(string folder, SyntheticRun run, long[] steps, double[] values, int seed)
    {
        int perEpoch = run.Truth.StepsPerEpoch;
        using (var telemetry = new TelemetryWriter(folder, TelemetryFormat.Csv))
        {
            for (int k = 0; k < steps.Length; k++)
            {
                long s = steps[k];
                telemetry.Write(new StepRecord(s, (int)(s / perEpoch), (int)(s % perEpoch), 1, values[k], values[k], 1e-3, null, null, s + 1, []));
            }
        }

        new RunDescription
        {
            Data = "synthetic",
            Seed = seed,
            Epochs = (int)(steps[^1] / perEpoch) + 1,
            SamplesPerEpoch = run.Truth.SamplesPerEpoch,
            BatchSize = 1,
            StepsPerEpoch = perEpoch,
            LearningRate = 1e-3,
            Optimizer = "adam",
            Order = "reshuffled",
            CauseSwitches = new Dictionary<string, string>(),
        }.Write(folder);
    }
}
