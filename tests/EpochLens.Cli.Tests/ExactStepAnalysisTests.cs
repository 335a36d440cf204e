using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace EpochLens.Cli.Tests;

/// <summary>
/// A run logged at steps 2^62+i is diagnosed exactly as the same run at steps 0..n-1 (issue 15): the analysis works
/// on steps counted from the first, and what is reported carries the log's own 64-bit steps.
/// </summary>
public sealed class ExactStepAnalysisTests : IDisposable
{
    private const long Base = 1L << 62;
    private const int Rows = 20_000;
    private const int Epoch = 500;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "epochlens-exact-step-analysis", Guid.NewGuid().ToString("N"));

    public ExactStepAnalysisTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A seeded Random is the same sequence on every run: the two logs get identical losses.</summary>
    private static readonly double[] Noise = MakeNoise();

    private static double[] MakeNoise()
    {
        var random = new Random(3);
        return [.. Enumerable.Range(0, Rows).Select(_ => random.NextDouble() - 0.5)];
    }

    /// <summary>A falling loss that rises through each 500-step epoch and drops at its end (recency), with one spike.</summary>
    private static double Loss(int i) =>
        (2 * Math.Exp(-i / 8000.0)) + (0.05 * (i % Epoch) / Epoch) + (0.02 * Noise[i]) + (i == 12_345 ? 0.5 : 0);

    private string Write(string name, Func<int, string> line, string header = "")
    {
        var text = new StringBuilder(header);
        for (int i = 0; i < Rows; i++)
        {
            text.Append(line(i)).Append('\n');
        }

        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private string Csv(string name, long first) =>
        Write(name, i => string.Create(CultureInfo.InvariantCulture, $"{first + i},{Loss(i):R}"), "step,loss\n");

    private string JsonLines(string name, long first) =>
        Write(name, i => string.Create(CultureInfo.InvariantCulture, $"{{\"step\": {first + i}, \"loss\": {Loss(i):R}}}"));

    private static JsonObject Analyze(string path)
    {
        var result = EpochLensProcess.Run("analyze", path, "--json");
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Output}\n{result.Error}");
        return (JsonObject)JsonNode.Parse(result.Output)!["runs"]![0]!;
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("jsonl")]
    public void A_run_at_steps_2_to_the_62_plus_i_is_diagnosed_like_the_same_run_at_0_to_n(string format)
    {
        var atZero = Analyze(format == "csv" ? Csv("zero.csv", 0) : JsonLines("zero.jsonl", 0));
        var atHuge = Analyze(format == "csv" ? Csv("huge.csv", Base) : JsonLines("huge.jsonl", Base));

        // The run has something to find, so "the same" compares findings, not two empty lists.
        Assert.Equal("findings", (string?)atZero["outcome"]);
        Assert.Equal(Rows, (int)atHuge["points"]!);
        foreach (var field in new[] { "outcome", "verdict", "findings", "ruled_out", "measurements" })
        {
            Assert.True(JsonNode.DeepEquals(atZero[field], atHuge[field]), $"'{field}' differs:\n{atZero[field]}\n{atHuge[field]}");
        }

        var epochsAtZero = atZero["epochs"]!;
        var epochsAtHuge = atHuge["epochs"]!;
        Assert.Equal((double)epochsAtZero["steps_per_epoch"]!, (double)epochsAtHuge["steps_per_epoch"]!);
        Assert.Equal((int)epochsAtZero["count"]!, (int)epochsAtHuge["count"]!);
        Assert.Equal(0L, (long)epochsAtZero["first_start_step"]!);
        Assert.Equal(Base, (long)epochsAtHuge["first_start_step"]!);

        // Spikes are reported at the log's own steps, exact in all 19 digits.
        var spikesAtZero = atZero["spikes"]!["strongest"]!.AsArray();
        var spikesAtHuge = atHuge["spikes"]!["strongest"]!.AsArray();
        Assert.NotEmpty(spikesAtZero);
        Assert.Equal(spikesAtZero.Count, spikesAtHuge.Count);
        for (int i = 0; i < spikesAtZero.Count; i++)
        {
            Assert.Equal((long)spikesAtZero[i]!["step"]! + Base, (long)spikesAtHuge[i]!["step"]!);
        }

        Assert.Contains(atHuge["notes"]!.AsArray(), n => ((string)n!).Contains("counted them from the first step, 4611686018427387904", StringComparison.Ordinal));
    }
}
