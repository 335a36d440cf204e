using System.Text.Json;
using System.Text.Json.Serialization;

namespace EpochLens.Bench.TrainingSpeed;

/// <summary>Everything one benchmark run measured, with the table and the JSON made from it.</summary>
internal sealed record BenchResults
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public required DateTimeOffset Date { get; init; }
    public required int Steps { get; init; }
    public required int Rounds { get; init; }
    public required int Threads { get; init; }
    public required int Warmup { get; init; }
    public required int Cores { get; init; }
    public required string Data { get; init; }
    public required string Runtime { get; init; }
    [JsonPropertyName("pytorch_version")]
    public string? PyTorchVersion { get; init; }

    /// <summary>Steps per second of each side, round by round.</summary>
    [JsonPropertyName("pytorch")]
    public Spread? PyTorch { get; init; }

    public required Spread TelemetryOff { get; init; }
    public required Spread TelemetryOn { get; init; }

    /// <summary>Extra time per step with the default telemetry (sampled norms), in percent, from the off and on runs of the same round.</summary>
    public required Spread OverheadPercent { get; init; }

    /// <summary>Telemetry with gradient and update norms at every step (--norms every).</summary>
    public required Spread TelemetryEveryStepNorms { get; init; }

    public required Spread OverheadEveryStepNormsPercent { get; init; }

    /// <summary>Time inside the telemetry calls over the rest of the training time, as the trainer clocks it (default telemetry).</summary>
    public required Spread DirectTelemetryPercent { get; init; }

    public required Spread DirectTelemetryEveryStepNormsPercent { get; init; }

    /// <summary>EpochLens without telemetry (the same work as the PyTorch loop) over PyTorch, medians.</summary>
    [JsonPropertyName("ratio_vs_pytorch")]
    public double? Ratio => PyTorch is null ? null : TelemetryOff.Median / PyTorch.Median;

    [JsonPropertyName("ratio_with_telemetry_vs_pytorch")]
    public double? RatioWithTelemetry => PyTorch is null ? null : TelemetryOn.Median / PyTorch.Median;

    /// <summary>The speed EpochLens should reach, as a multiple of PyTorch's.</summary>
    public double SpeedTarget { get; init; } = 1.5;

    public bool? SpeedTargetMet => Ratio is null ? null : Ratio >= SpeedTarget;

    /// <summary>The most telemetry may slow a step, in percent.</summary>
    public double OverheadTargetPercent { get; init; } = 3.0;

    /// <summary>Judged on the direct clock, which the machine's noise does not swamp; the paired rounds are shown beside it.</summary>
    public bool OverheadTargetMet => DirectTelemetryPercent.Median <= OverheadTargetPercent;

    /// <summary>Extra CPU time per step with telemetry, in percent, from the CPU microseconds per step of a round without and with it.</summary>
    public static double Overhead(double cpuPerStepWithout, double cpuPerStepWith) => ((cpuPerStepWith / cpuPerStepWithout) - 1) * 100;

    public void PrintTable(TextWriter w)
    {
        w.WriteLine();
        w.WriteLine($"Training speed: seed CNN, Adam, batch size 1, {Steps} steps x {Rounds} rounds, {Threads} thread(s), warm-up {Warmup} steps, {Cores} cores");
        w.WriteLine($"Data: {Data}");
        w.WriteLine($"EpochLens: {Runtime}");
        w.WriteLine();
        w.WriteLine($"{"side",-40} {"steps/s median",14}  {"min - max",17}  {"vs PyTorch",10}");
        if (PyTorch is not null)
        {
            Row(w, $"PyTorch {PyTorchVersion} (Python)", PyTorch, 1.0);
        }

        Row(w, "EpochLens, telemetry off", TelemetryOff, Ratio);
        Row(w, "EpochLens, telemetry (default)", TelemetryOn, RatioWithTelemetry);
        Row(w, "EpochLens, telemetry, norms every step", TelemetryEveryStepNorms, PyTorch is null ? null : TelemetryEveryStepNorms.Median / PyTorch.Median);
        w.WriteLine();
        w.WriteLine(
            $"Telemetry overhead, default (CSV+JSONL, norms sampled; extra CPU time per step, paired within each round): median {OverheadPercent.Median:F1} %, "
            + $"range {OverheadPercent.Min:F1} to {OverheadPercent.Max:F1} %, rounds [{string.Join(", ", OverheadPercent.Rounds.Select(v => v.ToString("F1")))}]");
        w.WriteLine(
            $"Telemetry overhead, norms every step: median {OverheadEveryStepNormsPercent.Median:F1} %, "
            + $"rounds [{string.Join(", ", OverheadEveryStepNormsPercent.Rounds.Select(v => v.ToString("F1")))}]");
        w.WriteLine(
            $"Telemetry time clocked inside the trainer, over the rest of the step time: default median {DirectTelemetryPercent.Median:F2} % "
            + $"({DirectTelemetryPercent.Min:F2} to {DirectTelemetryPercent.Max:F2} %), norms every step median {DirectTelemetryEveryStepNormsPercent.Median:F2} %");
        w.WriteLine();
        w.WriteLine("Targets:");
        if (Ratio is { } ratio)
        {
            w.WriteLine($"  EpochLens (telemetry off) >= {SpeedTarget:F1}x PyTorch: {(SpeedTargetMet == true ? "met" : "NOT met")} ({ratio:F2}x)");
        }

        w.WriteLine($"  telemetry overhead (default, clocked inside the trainer) <= {OverheadTargetPercent:F0} %: {(OverheadTargetMet ? "met" : "NOT met")} ({DirectTelemetryPercent.Median:F2} %; paired rounds {OverheadPercent.Median:F1} %)");
    }

    public void WriteJson(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");
    }

    private static void Row(TextWriter w, string side, Spread s, double? ratio) =>
        w.WriteLine($"{side,-40} {s.Median,14:F1}  {$"{s.Min:F1} - {s.Max:F1}",17}  {(ratio is { } r ? $"{r:F2}x" : "-"),10}");
}
