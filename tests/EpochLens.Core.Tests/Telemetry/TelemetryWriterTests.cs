using System.Text.Json;
using EpochLens.Telemetry;

namespace EpochLens.Core.Tests.Telemetry;

public sealed class TelemetryWriterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "epochlens-tests", Guid.NewGuid().ToString("N"));

    private static StepRecord Step(long step, double loss = 0.25, params int[] ids) =>
        new(step, 0, (int)step, ids.Length, loss, loss, 1e-5, 2.5, 0.001, step + 1, ids);

    [Fact]
    public void Writes_steps_as_csv_and_json_lines_with_the_documented_columns()
    {
        using (var writer = new TelemetryWriter(_folder))
        {
            writer.Write(Step(0, 2.3025851f, 17));
            writer.Write(Step(1, 1.5f, 3, 4));
        }

        var csv = File.ReadAllLines(Path.Combine(_folder, TelemetryFiles.StepsCsv));
        Assert.Equal(string.Join(',', TelemetryFiles.StepColumns), csv[0]);
        Assert.Equal("0,0,0,1,2.3025851,2.3025851,1E-05,2.5,0.001,1,17", csv[1]);
        Assert.Equal("1,0,1,2,1.5,1.5,1E-05,2.5,0.001,2,3 4", csv[2]);

        var json = File.ReadAllLines(Path.Combine(_folder, TelemetryFiles.StepsJsonLines));
        using var second = JsonDocument.Parse(json[1]);
        Assert.Equal(TelemetryFiles.StepColumns, second.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1.5, second.RootElement.GetProperty("loss").GetDouble());
        Assert.Equal([3, 4], second.RootElement.GetProperty("sample_ids").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public void Non_finite_values_are_kept_and_stay_valid_json()
    {
        using (var writer = new TelemetryWriter(_folder))
        {
            writer.Write(Step(0, double.NaN, 1) with { GradNorm = double.PositiveInfinity, UpdateNorm = double.NegativeInfinity });
        }

        Assert.Contains(",NaN,NaN,1E-05,Infinity,-Infinity,", File.ReadAllLines(Path.Combine(_folder, TelemetryFiles.StepsCsv))[1], StringComparison.Ordinal);
        var line = File.ReadAllLines(Path.Combine(_folder, TelemetryFiles.StepsJsonLines))[0];
        var options = new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
        var values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(line, options)!;
        Assert.True(double.IsNaN(values["loss"].Deserialize<double>(options)));
        Assert.Equal(double.PositiveInfinity, values["grad_norm"].Deserialize<double>(options));
    }

    [Fact]
    public void Norms_that_were_not_measured_are_empty_in_csv_and_null_in_json()
    {
        using (var writer = new TelemetryWriter(_folder))
        {
            writer.Write(Step(0, 1, 1) with { GradNorm = null, UpdateNorm = null });
        }

        Assert.Equal("0,0,0,1,1,1,1E-05,,,1,1", File.ReadAllLines(Path.Combine(_folder, TelemetryFiles.StepsCsv))[1]);
        using var json = JsonDocument.Parse(File.ReadAllLines(Path.Combine(_folder, TelemetryFiles.StepsJsonLines))[0]);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("grad_norm").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("update_norm").ValueKind);
    }

    [Fact]
    public void Reopening_a_run_folder_appends_without_a_second_header()
    {
        using (var writer = new TelemetryWriter(_folder))
        {
            writer.Write(Step(0, 1, 1));
        }

        using (var writer = new TelemetryWriter(_folder))
        {
            writer.Write(Step(1, 1, 2));
        }

        var csv = File.ReadAllLines(Path.Combine(_folder, TelemetryFiles.StepsCsv));
        Assert.Equal(3, csv.Length);
        Assert.StartsWith("1,", csv[2], StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(_folder, TelemetryFiles.StepsJsonLines)).Length);
    }

    [Fact]
    public void Records_reach_the_files_once_the_flush_interval_has_passed_without_closing()
    {
        using var writer = new TelemetryWriter(_folder) { FlushInterval = TimeSpan.Zero };

        writer.Write(Step(0, 1, 1));
        writer.Write(Step(1, 1, 2));

        // Read while the writer is still open, as after a killed process.
        using var stream = new FileStream(Path.Combine(_folder, TelemetryFiles.StepsCsv), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var lines = new StreamReader(stream).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void An_epoch_record_is_flushed_at_once()
    {
        using var writer = new TelemetryWriter(_folder, TelemetryFormat.Csv);

        writer.Write(new EpochRecord(0, 5039, 5038, 0.75, 0.5, 0.8125));

        using var stream = new FileStream(Path.Combine(_folder, TelemetryFiles.EpochsCsv), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var lines = new StreamReader(stream).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["epoch,steps,last_step,train_loss,heldout_loss,heldout_accuracy", "0,5039,5038,0.75,0.5,0.8125"], lines);
        Assert.False(File.Exists(Path.Combine(_folder, TelemetryFiles.StepsJsonLines)));
    }

    [Theory]
    [InlineData(0.1f, "0.1")]
    [InlineData(2.3025851f, "2.3025851")]
    [InlineData(0.1, "0.1")]
    [InlineData(1.0 / 3.0, "0.3333333333333333")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Numbers_are_written_in_their_shortest_exact_form(double value, string expected) =>
        Assert.Equal(expected, TelemetryWriter.FormatNumber(value));

    [Fact]
    public void Run_description_round_trips_through_run_json()
    {
        Directory.CreateDirectory(_folder);
        var description = new RunDescription
        {
            Data = "embedded",
            Seed = 1,
            Epochs = 3,
            SamplesPerEpoch = 5039,
            BatchSize = 1,
            StepsPerEpoch = 5039,
            LearningRate = 1e-5,
            Optimizer = "Adam",
            Order = "reshuffled",
            CauseSwitches = new Dictionary<string, string> { ["log-running-mean"] = "true" },
        };

        description.Write(_folder);
        var read = RunDescription.Read(Path.Combine(_folder, TelemetryFiles.RunDescription));

        Assert.Equal(5039, read.StepsPerEpoch);
        Assert.Equal("true", read.CauseSwitches["log-running-mean"]);
        Assert.Contains("\"steps_per_epoch\": 5039", File.ReadAllText(Path.Combine(_folder, TelemetryFiles.RunDescription)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_run_json_gives_an_error_naming_the_file()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, TelemetryFiles.RunDescription);
        File.WriteAllText(path, "{ not json");

        var error = Assert.Throws<InvalidDataException>(() => RunDescription.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
