using EpochLens.Core.Tests.Readers.JsonLines;
using EpochLens.Logs;
using EpochLens.Readers;
using EpochLens.Readers.Mlflow;

namespace EpochLens.Core.Tests.Readers.Mlflow;

public sealed class MlflowReaderTests : IDisposable
{
    private const string RunId = "4a5b6c7d8e9f40aa8bb1c2d3e4f5a6b7";

    private readonly string _folder = Fixture.NewFolder();

    private static readonly MlflowReader Reader = MlflowReader.Default;

    private static string FixtureRun => Fixture.Path("mlflow-run", "mlruns", "0", RunId);

    private static LogSource RunSource(string run)
    {
        var files = Directory.GetFiles(run, "*", SearchOption.AllDirectories).Where(f => Reader.Recognises(f, FileHead.Read(f))).Order(StringComparer.Ordinal).ToList();
        return new LogSource(run, files);
    }

    /// <summary>A run folder with one metric file holding <paramref name="text"/>.</summary>
    private string Run(string text, string metric = "loss")
    {
        var run = Path.Combine(_folder, "mlruns", "1", "r1");
        var path = Path.Combine(run, "metrics", metric);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(Path.Combine(run, "meta.yaml"), "run_id: r1\n");
        File.WriteAllText(path, text);
        return path;
    }

    private static (TrainingLog Log, ProblemLog Problems) ReadFile(string path, ReadOptions? options = null)
    {
        var problems = new ProblemLog();
        return (Reader.Read(LogSource.OfFile(path), options ?? ReadOptions.Default, problems).Single(), problems);
    }

    [Fact]
    public void Reads_a_run_folder_as_one_log_with_nested_metric_names()
    {
        var source = RunSource(FixtureRun);
        Assert.Equal(4, source.Files.Count);
        Assert.All(source.Files, f => Assert.Equal(FixtureRun, Reader.GroupKey(f)));
        var problems = new ProblemLog();
        var log = Reader.Read(source, ReadOptions.Default with { KeepWallTimes = true }, problems).Single();

        Assert.Equal(["epoch", "old_metric", "train/loss", "val_loss"], log.Series.Select(s => s.Name));
        var loss = log.Find("train/loss")!;
        Assert.Equal(SeriesRole.TrainLoss, loss.Role);
        Assert.Equal(40, loss.Count);
        Assert.Equal(2.0, loss.Values[0]);
        Assert.True(double.IsNaN(loss.Values[13]));
        Assert.Equal(1700000000.1, loss.WallTimes[1], 6);
        Assert.Equal(SeriesRole.HeldOutLoss, log.Find("val_loss")!.Role);
        Assert.Equal([9L, 19, 29, 39], log.Find("val_loss")!.Steps.ToArray());
        Assert.Equal([0L, 10, 20, 30], log.Epochs!.EpochStartSteps);

        // Files from before MLflow had steps: every point is step 0, so the last value stands (reported).
        var old = log.Find("old_metric")!;
        Assert.Equal([0L], old.Steps.ToArray());
        Assert.Equal(double.PositiveInfinity, old.Values[0]);
        Assert.Equal(1, problems.Count(ProblemKind.DuplicateStep));
        Assert.Equal(2, problems.Count(ProblemKind.NonFinite));
    }

    [Theory]
    [InlineData("nan", double.NaN)]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    [InlineData("1e-05", 1e-05)]
    [InlineData("3", 3.0)]
    public void Reads_python_float_spellings(string value, double expected)
    {
        var (log, _) = ReadFile(Run($"1700000000000 {value} 5\n"));
        Assert.Equal(expected, log.Find("loss")!.Values[0]);
        Assert.Equal(5, log.Find("loss")!.Steps[0]);
    }

    [Fact]
    public void Malformed_lines_are_bad_values_with_their_line_numbers()
    {
        var (log, problems) = ReadFile(Run("1700000000000 1.0 0\n1700000000001 abc 1\nx 1.0 2\n1 2 3 4\n1700000000004 0.5\n1700000000005 0.25 5\n"));
        Assert.Equal([0L, 5], log.Find("loss")!.Steps.ToArray());
        Assert.Equal(["line 2 at byte 20", "line 3 at byte 40", "line 4 at byte 48"],
            problems.Kept.Where(p => p.Kind is ProblemKind.BadValue).Select(p => p.Location));

        // A line without a step is step 0, as MLflow reads it: here that repeats step 0.
        Assert.Equal(0.5, log.Find("loss")!.Values[0]);
        Assert.Equal("line 5 at byte 56", Assert.Single(problems.Kept, p => p.Kind == ProblemKind.DuplicateStep).Location);
    }

    [Fact]
    public void A_cut_last_line_is_truncated_not_a_wrong_step()
    {
        var (log, problems) = ReadFile(Run("1700000000000 1.0 10\n1700000000001 0.5 11\n1700000000002 0.25 1"));
        Assert.Equal([10L, 11], log.Find("loss")!.Steps.ToArray());
        Assert.Equal(ProblemKind.Truncated, Assert.Single(problems.Kept).Kind);
    }

    [Fact]
    public void Steps_that_go_back_supersede_the_later_ones()
    {
        var (log, problems) = ReadFile(Run("1 1.0 0\n2 2.0 1\n3 3.0 2\n4 9.0 1\n"));
        Assert.Equal([1.0, 9.0], log.Find("loss")!.Values.ToArray());
        Assert.Equal(1, problems.Count(ProblemKind.StepsWentBack));
    }

    [Fact]
    public void Empty_and_non_utf8_files_give_no_points_without_crashing()
    {
        var (empty, _) = ReadFile(Run(""));
        Assert.Empty(empty.Series);
        var path = Run("");
        File.WriteAllBytes(path, [0xff, 0xfe, 0x20, 0x31, 0x0a, 0x31, 0x20, 0x32, 0x20, 0x33, 0x0a]);
        var (log, problems) = ReadFile(path);
        Assert.Equal([3L], log.Find("loss")!.Steps.ToArray());
        Assert.Equal(1, problems.Count(ProblemKind.BadValue));
    }

    [Fact]
    public void Honours_the_metric_option_and_keeps_the_epoch_hint()
    {
        var log = Reader.Read(RunSource(FixtureRun), ReadOptions.Default with { Metric = "val_loss" }, new ProblemLog()).Single();
        Assert.Equal("val_loss", Assert.Single(log.Series).Name);
        Assert.NotNull(log.Epochs);
    }

    [Fact]
    public void Recognises_only_metric_files_of_a_run()
    {
        Assert.False(Reader.Recognises(Path.Combine(FixtureRun, "meta.yaml"), File.ReadAllBytes(Path.Combine(FixtureRun, "meta.yaml"))));
        Assert.False(Reader.Recognises(Path.Combine(FixtureRun, "params", "lr"), "0.001"u8));
        Assert.True(Reader.Recognises(Path.Combine(FixtureRun, "metrics", "train", "loss"), "1700000000000 2.0 0\n"u8));
        Assert.False(Reader.Recognises(Path.Combine(FixtureRun, "metrics", "train", "loss"), "step,loss\n"u8));
        Assert.False(Reader.Recognises(Path.Combine(_folder, "metrics", "loss"), "1700000000000 2.0 0\n"u8));
    }

    [Fact]
    public void Strict_fails_on_the_first_bad_line()
    {
        var e = Assert.Throws<LogReadException>(() => ReadFile(Run("1 1.0 0\n1 x 1\n"), ReadOptions.Default with { Strict = true }));
        Assert.Contains("line 2", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Survives_thousands_of_corrupted_fixtures()
    {
        var original = File.ReadAllBytes(Path.Combine(FixtureRun, "metrics", "train", "loss"));
        var tally = ReaderFuzz.Run(Reader, original, 2000, 21, (folder, bytes) =>
        {
            var path = Path.Combine(folder, "run", "metrics", "train", "loss");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(Path.Combine(folder, "run", "meta.yaml"), "run_id: r\n");
            File.WriteAllBytes(path, bytes);
            return path;
        });
        tally.AssertAtLeast(1630, 38_600, "mlflow metric file"); // about 90 % of what this seed reads
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
