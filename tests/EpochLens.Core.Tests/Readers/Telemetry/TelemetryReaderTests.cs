using EpochLens.Core.Tests.Readers.JsonLines;
using EpochLens.Logs;
using EpochLens.Readers;
using EpochLens.Readers.Telemetry;
using EpochLens.Telemetry;

namespace EpochLens.Core.Tests.Readers.Telemetry;

public sealed class TelemetryReaderTests : IDisposable
{
    private readonly string _folder = Fixture.NewFolder();

    private static readonly TelemetryReader Reader = TelemetryReader.Default;

    private static StepRecord Step(long step, int epoch, int position, double loss, double logged, double? norm) =>
        new(step, epoch, position, 2, loss, logged, 1e-3 * (1 + position), norm, norm is null ? null : norm / 100, step + 1, [(int)step * 2, (int)step * 2 + 1]);

    /// <summary>Two epochs of four steps, norms measured at the boundaries only, a NaN loss, a running-mean logged loss.</summary>
    private List<StepRecord> WriteRun(TelemetryFormat format)
    {
        var records = new List<StepRecord>();
        using var writer = new TelemetryWriter(_folder, format);
        new RunDescription
        {
            Data = "test",
            Seed = 1,
            Epochs = 2,
            SamplesPerEpoch = 8,
            BatchSize = 2,
            StepsPerEpoch = 4,
            LearningRate = 1e-3,
            Optimizer = "adam",
            Order = "reshuffled",
            CauseSwitches = new Dictionary<string, string> { ["log-running-mean"] = "true" },
        }.Write(_folder);
        for (int epoch = 0; epoch < 2; epoch++)
        {
            double sum = 0;
            for (int position = 0; position < 4; position++)
            {
                long step = (epoch * 4) + position;
                double loss = step == 5 ? double.NaN : 2.3025851f - (0.1f * step);
                sum += loss;
                var record = Step(step, epoch, position, loss, sum / (position + 1), position is 0 or 3 ? 0.5 + step : null);
                records.Add(record);
                writer.Write(record);
            }

            writer.Write(new EpochRecord(epoch, 4, (epoch * 4) + 3, sum / 4, epoch == 0 ? double.NaN : 1.25, epoch == 0 ? double.NaN : 0.75));
        }

        return records;
    }

    private (TrainingLog Log, ProblemLog Problems) ReadFolder()
    {
        var problems = new ProblemLog();
        var files = Directory.GetFiles(_folder).Where(f => Reader.Recognises(f, FileHead.Read(f))).Order(StringComparer.Ordinal).ToList();
        return (Reader.Read(new LogSource(_folder, files), ReadOptions.Default, problems).Single(), problems);
    }

    [Theory]
    [InlineData(TelemetryFormat.JsonLines)]
    [InlineData(TelemetryFormat.Csv)]
    [InlineData(TelemetryFormat.Both)]
    public void Reads_back_exactly_what_the_writer_wrote(TelemetryFormat format)
    {
        var records = WriteRun(format);
        var (log, problems) = ReadFolder();

        Assert.Equal("epochlens", log.Format);
        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal("loss", loss.Name);
        Assert.Equal(AveragingKind.PerStep, loss.Averaging.Kind);
        Assert.Equal(records.Select(r => r.Step), loss.Steps.ToArray());
        Assert.Equal(records.Select(r => r.Loss), loss.Values.ToArray());
        var logged = log.Find("logged_loss")!;
        Assert.Equal(SeriesRole.Other, logged.Role);
        Assert.Equal(AveragingKind.RunningMeanSinceEpochStart, logged.Averaging.Kind);
        Assert.Equal(records.Select(r => r.LoggedLoss), logged.Values.ToArray());
        Assert.Equal(records.Select(r => r.LearningRate), log.Find(SeriesRole.LearningRate)!.Values.ToArray());
        Assert.Equal([0L, 3, 4, 7], log.Find(SeriesRole.GradNorm)!.Steps.ToArray());
        Assert.Equal(records.Where(r => r.GradNorm is not null).Select(r => r.GradNorm!.Value), log.Find(SeriesRole.GradNorm)!.Values.ToArray());
        Assert.Equal(records.Where(r => r.UpdateNorm is not null).Select(r => r.UpdateNorm!.Value), log.Find(SeriesRole.UpdateNorm)!.Values.ToArray());
        Assert.Equal(records.Select(r => (double)r.OptimizerStep), log.Find(SeriesRole.OptimizerStep)!.Values.ToArray());
        Assert.Equal(records.Select(r => (double)r.BatchSize), log.Find(SeriesRole.BatchSize)!.Values.ToArray());
        Assert.Equal(records.Select(r => (double)r.Epoch), log.Find(SeriesRole.Epoch)!.Values.ToArray());

        var heldOut = log.Find(SeriesRole.HeldOutLoss)!;
        Assert.Equal([7L], heldOut.Steps.ToArray());
        Assert.Equal([1.25], heldOut.Values.ToArray());
        Assert.Equal([0.75], log.Find("heldout_accuracy")!.Values.ToArray());

        Assert.Equal(4, log.Epochs!.StepsPerEpoch);
        Assert.Equal([0L, 4], log.Epochs.EpochStartSteps);
        Assert.Contains("run.json", log.Epochs.Origin, StringComparison.Ordinal);
        Assert.Equal(records.Select(r => r.Step), log.Samples!.Steps);
        Assert.Equal(records.Select(r => r.SampleIds.ToArray()), log.Samples.Ids);

        // NaN losses are kept and reported once per series (loss, logged_loss, train_loss of the epoch).
        Assert.Equal(3, problems.Count(ProblemKind.NonFinite));
        Assert.Equal(3, problems.Total);
    }

    [Fact]
    public void A_line_cut_by_a_killed_run_is_reported_and_everything_before_it_kept()
    {
        var records = WriteRun(TelemetryFormat.Both);
        foreach (var name in new[] { TelemetryFiles.StepsCsv, TelemetryFiles.StepsJsonLines })
        {
            var path = Path.Combine(_folder, name);
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..^12]);
        }

        var (log, problems) = ReadFolder();
        Assert.Equal(records.Take(7).Select(r => r.Step), log.Find("loss")!.Steps.ToArray());
        var truncated = Assert.Single(problems.Kept, p => p.Kind == ProblemKind.Truncated);
        Assert.EndsWith(TelemetryFiles.StepsJsonLines, truncated.File, StringComparison.Ordinal);
        Assert.StartsWith("line 8 at byte", truncated.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Logged_loss_is_left_out_when_it_is_the_loss_itself()
    {
        using (var writer = new TelemetryWriter(_folder, TelemetryFormat.Csv))
        {
            for (int step = 0; step < 3; step++)
            {
                writer.Write(Step(step, 0, step, 1.0 / (step + 1), 1.0 / (step + 1), null));
            }
        }

        var (log, problems) = ReadFolder();
        Assert.Null(log.Find("logged_loss"));
        Assert.Null(log.Find(SeriesRole.GradNorm));
        Assert.Null(log.Epochs);
        Assert.Equal(0, problems.Total);
    }

    [Fact]
    public void Reads_the_committed_fixture_folder()
    {
        var folder = Fixture.Path("telemetry-run");
        var problems = new ProblemLog();
        var log = Reader.Read(LogSource.OfFile(Path.Combine(folder, TelemetryFiles.StepsCsv)), ReadOptions.Default, problems).Single();

        Assert.Equal(30, log.Find("loss")!.Count);
        Assert.True(double.IsNaN(log.Find("loss")!.Values[7]));
        Assert.Equal(2.121, log.Find("logged_loss")!.Values[1], 1e-6);
        Assert.Equal(10, log.Epochs!.StepsPerEpoch);
        Assert.Equal([0L, 10, 20], log.Epochs.EpochStartSteps);
        Assert.Equal([9L, 29], log.Find("heldout_loss")!.Steps.ToArray());
        Assert.Equal(12, log.Find("grad_norm")!.Count);
        Assert.Equal(30, log.Samples!.Ids.Count);
        Assert.Equal(1, problems.Count(ProblemKind.NonFinite));
    }

    [Fact]
    public void Csv_damage_is_reported_with_line_numbers()
    {
        WriteRun(TelemetryFormat.Csv);
        var path = Path.Combine(_folder, TelemetryFiles.StepsCsv);
        var lines = File.ReadAllLines(path);
        lines[2] = lines[2] + ",extra";
        lines[3] = "2,0,2,x," + string.Join(',', lines[3].Split(',')[4..]);
        File.WriteAllLines(path, lines);

        var (log, problems) = ReadFolder();
        Assert.Equal(6, log.Find("loss")!.Count);
        Assert.Equal("line 3 at byte", Assert.Single(problems.Kept, p => p.Kind == ProblemKind.RaggedRow).Location[..14]);
        Assert.StartsWith("line 4 at byte", Assert.Single(problems.Kept, p => p.Kind == ProblemKind.Malformed).Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Honours_the_metric_option()
    {
        WriteRun(TelemetryFormat.JsonLines);
        var files = Directory.GetFiles(_folder);
        var log = Reader.Read(new LogSource(_folder, files), ReadOptions.Default with { Metric = "heldout_loss" }, new ProblemLog()).Single();
        Assert.Equal("heldout_loss", Assert.Single(log.Series).Name);
        Assert.Equal([0L, 4], log.Epochs!.EpochStartSteps);
    }

    [Fact]
    public void A_damaged_run_description_is_reported_and_the_steps_still_read()
    {
        WriteRun(TelemetryFormat.Csv);
        File.WriteAllText(Path.Combine(_folder, TelemetryFiles.RunDescription), "{\"tool\": \"epochlens\", \"seed\": ");
        var problems = new ProblemLog();
        var log = Reader.Read(LogSource.OfFile(Path.Combine(_folder, TelemetryFiles.StepsCsv)), ReadOptions.Default, problems).Single();
        Assert.Equal(8, log.Find("loss")!.Count);
        Assert.Null(log.Epochs!.StepsPerEpoch);
        Assert.Equal(1, problems.Count(ProblemKind.Malformed));
    }

    [Fact]
    public void Recognises_the_telemetry_files_and_nothing_else()
    {
        WriteRun(TelemetryFormat.Both);
        foreach (var file in Directory.GetFiles(_folder))
        {
            Assert.True(Reader.Recognises(file, FileHead.Read(file)), file);
            Assert.Equal(Path.GetFullPath(_folder), Reader.GroupKey(file));
        }

        Assert.False(Reader.Recognises("steps.csv", "step,loss\n0,1\n"u8));
        Assert.False(Reader.Recognises("run.json", "{\"tool\": \"other\"}"u8));
        Assert.False(Reader.Recognises("steps.jsonl", "{\"step\": 0, \"loss\": 1}\n"u8));
    }

    [Fact]
    public void An_empty_steps_file_gives_an_empty_log()
    {
        File.WriteAllText(Path.Combine(_folder, TelemetryFiles.StepsCsv), "");
        var log = Reader.Read(LogSource.OfFile(Path.Combine(_folder, TelemetryFiles.StepsCsv)), ReadOptions.Default, new ProblemLog()).Single();
        Assert.Empty(log.Series);
    }

    [Fact]
    public void Survives_thousands_of_corrupted_fixtures()
    {
        var fixture = Fixture.Path("telemetry-run");
        // The copies and points each must leave readable at least: about 90 % of what these seeds read.
        foreach (var (name, seed, minRead, minPoints) in new[]
        {
            (TelemetryFiles.StepsCsv, 11, 450, 94_000L),
            (TelemetryFiles.StepsJsonLines, 12, 410, 67_000L),
            (TelemetryFiles.EpochsJsonLines, 13, 430, 90_000L),
            (TelemetryFiles.RunDescription, 14, 420, 88_000L),
        })
        {
            var original = File.ReadAllBytes(Path.Combine(fixture, name));
            var tally = ReaderFuzz.Run(Reader, original, 500, seed, (folder, bytes) =>
            {
                foreach (var other in Directory.GetFiles(fixture))
                {
                    var copy = Path.Combine(folder, Path.GetFileName(other));
                    if (!File.Exists(copy))
                    {
                        File.Copy(other, copy);
                    }
                }

                var path = Path.Combine(folder, name);
                File.WriteAllBytes(path, bytes);
                return path;
            });
            tally.AssertAtLeast(minRead, minPoints, name);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
