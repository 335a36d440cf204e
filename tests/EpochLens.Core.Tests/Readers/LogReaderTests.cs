using System.Text;
using EpochLens.Logs;
using EpochLens.Readers;

namespace EpochLens.Core.Tests.Readers;

public sealed class LogReaderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "epochlens-reader-tests", Guid.NewGuid().ToString("N"));

    public LogReaderTests() => Directory.CreateDirectory(_folder);

    /// <summary>A format recognised by its first line; one log per group of files, a series per file.</summary>
    private sealed class FakeReader(string format, string magic, bool groupByFolder = false) : ILogReader
    {
        public string Format => format;

        public string Description => $"{format} files (starting with '{magic}')";

        public List<LogSource> Sources { get; } = [];

        public bool Recognises(string path, ReadOnlySpan<byte> head) => head.StartsWith(Encoding.ASCII.GetBytes(magic));

        public string GroupKey(string path) => groupByFolder ? Path.GetDirectoryName(path)! : path;

        public IReadOnlyList<TrainingLog> Read(LogSource source, ReadOptions options, IProblemSink problems)
        {
            Sources.Add(source);
            if (File.ReadAllText(source.Files[0]).Contains("broken", StringComparison.Ordinal))
            {
                throw new LogReadException(source.Files[0], "broken on purpose");
            }

            var series = source.Files.Select(f => new MetricSeries(Path.GetFileName(f), [0], [1])).ToList();
            return [new TrainingLog(source.Name, format, series)];
        }
    }

    private string Write(string relative, string content)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void A_file_is_read_by_the_first_reader_that_recognises_it()
    {
        var alpha = new FakeReader("alpha", "ALPHA");
        var beta = new FakeReader("beta", "BETA");
        var file = Write("run.log", "BETA 1 2 3");

        var logs = new LogReader([alpha, beta]).Read(file, ReadOptions.Default, new ProblemLog());

        Assert.Equal("beta", Assert.Single(logs).Format);
        Assert.Empty(alpha.Sources);
    }

    [Fact]
    public void An_unknown_file_gives_an_error_naming_it_and_the_formats_expected()
    {
        var file = Write("notes.txt", "hello");

        var error = Assert.Throws<LogReadException>(() => new LogReader([new FakeReader("alpha", "ALPHA")]).Read(file, ReadOptions.Default, new ProblemLog()));

        Assert.Equal(file, error.File);
        Assert.Contains("alpha files", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_is_an_error_naming_it()
    {
        var missing = Path.Combine(_folder, "nope");

        var error = Assert.Throws<LogReadException>(() => new LogReader([new FakeReader("alpha", "ALPHA")]).Read(missing, ReadOptions.Default, new ProblemLog()));

        Assert.Contains("no such file or folder", error.Message, StringComparison.Ordinal);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_is_searched_and_files_of_one_run_are_read_together()
    {
        var grouped = new FakeReader("grouped", "G", groupByFolder: true);
        var single = new FakeReader("single", "S");
        Write("runA/events.1", "G1");
        Write("runA/events.2", "G2");
        Write("runB/events.1", "G3");
        Write("metrics.csv", "S");
        Write("README.md", "nothing to read");

        var logs = new LogReader([grouped, single]).Read(_folder, ReadOptions.Default, new ProblemLog());

        Assert.Equal(3, logs.Count);
        var runA = logs.Single(l => l.Source.EndsWith("runA", StringComparison.Ordinal));
        Assert.Equal(["events.1", "events.2"], runA.Series.Select(s => s.Name));
        Assert.Single(single.Sources);
    }

    [Fact]
    public void One_unreadable_log_in_a_folder_becomes_a_problem_and_the_rest_are_read()
    {
        var reader = new FakeReader("alpha", "ALPHA");
        Write("good.log", "ALPHA fine");
        var bad = Write("bad.log", "ALPHA broken");
        var problems = new ProblemLog();

        var logs = new LogReader([reader]).Read(_folder, ReadOptions.Default, problems);

        Assert.Single(logs);
        var problem = Assert.Single(problems.Kept);
        Assert.Equal(bad, problem.File);
        Assert.Equal(ProblemKind.Skipped, problem.Kind);
    }

    [Fact]
    public void A_folder_with_more_files_than_the_limit_stops_there_and_says_so()
    {
        for (int i = 0; i < 30; i++)
        {
            Write($"f{i:D2}.log", "ALPHA");
        }

        var problems = new ProblemLog();
        var logs = new LogReader([new FakeReader("alpha", "ALPHA")]).Read(_folder, ReadOptions.Default with { MaxFiles = 10 }, problems);

        Assert.Equal(10, logs.Count);
        Assert.Equal(1, problems.Count(ProblemKind.LimitReached));
    }

    [Fact]
    public void A_folder_without_logs_is_an_error()
    {
        Write("README.md", "nothing");

        var error = Assert.Throws<LogReadException>(() => new LogReader([new FakeReader("alpha", "ALPHA")]).Read(_folder, ReadOptions.Default, new ProblemLog()));

        Assert.Contains("no training log found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_forced_format_skips_detection()
    {
        var file = Write("odd.bin", "whatever");
        var reader = new FakeReader("alpha", "ALPHA");

        var logs = new LogReader([reader]).Read(file, ReadOptions.Default with { Format = "ALPHA" }, new ProblemLog());

        Assert.Single(logs);
        Assert.Throws<ArgumentException>(() => new LogReader([reader]).Read(file, ReadOptions.Default with { Format = "gamma" }, new ProblemLog()));
    }

    [Fact]
    public void Detection_sees_the_content_of_a_gzip_file()
    {
        var path = Path.Combine(_folder, "run.log.gz");
        using (var gzip = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.ASCII.GetBytes("ALPHA 1 2 3"));
        }

        Assert.Equal("ALPHA 1 2 3", Encoding.ASCII.GetString(FileHead.Read(path)));
        Assert.NotNull(new LogReader([new FakeReader("alpha", "ALPHA")]).Detect(path));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
