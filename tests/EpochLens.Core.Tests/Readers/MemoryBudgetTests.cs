using System.IO.Compression;
using System.Text;
using EpochLens.Logs;
using EpochLens.Readers;

namespace EpochLens.Core.Tests.Readers;

/// <summary>The memory budget: points held by one read are bounded, a bomb of valid rows keeps what fits and says so.</summary>
public sealed class MemoryBudgetTests : IDisposable
{
    private const long Budget = 16L << 20;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "epochlens-budget-tests", Guid.NewGuid().ToString("N"));

    public MemoryBudgetTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("metrics.csv.gz", "loss\n", "0.5\n")]
    [InlineData("metrics.jsonl.gz", "", "{\"loss\": 0.5}\n")]
    public void Gzip_bomb_of_valid_rows_keeps_the_rows_that_fit_the_budget_and_says_so(string name, string header, string row)
    {
        // 256 MiB of rows from about 256 KiB: far more points than a 16 MiB budget holds (131,072).
        string path = Path.Combine(_folder, name);
        WriteBomb(path, header, row, megabytes: 256);
        var options = ReadOptions.Default with { MemoryBudgetBytes = Budget };

        var problems = new ProblemLog();
        var loss = DefaultLogReaders.Create().Read(path, options, problems).Single().Series.Single(s => s.Name == "loss");

        Assert.InRange(loss.Count, options.MaxPoints / 2, options.MaxPoints);
        Assert.Equal(Enumerable.Range(0, loss.Count).Select(i => loss.Steps[0] + i), loss.Steps.ToArray());
        var limit = Assert.Single(problems.Kept, p => p.Kind == ProblemKind.LimitReached);
        Assert.Contains("memory budget (16 MiB, 131,072 points held at once) was used up", limit.Message, StringComparison.Ordinal);
        Assert.Contains("(the memory-budget setting raises it)", limit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gzip_bomb_of_printed_lines_keeps_as_many_lines_as_half_the_point_budget()
    {
        // Text lines are held as records before their series are built: the bomb ran out of memory (fuzz seed 1, case 2220).
        string path = Path.Combine(_folder, "train.log.gz");
        WriteBomb(path, "", "epoch 1 loss 0.5\n", megabytes: 256);
        var options = ReadOptions.Default with { MemoryBudgetBytes = Budget };

        var problems = new ProblemLog();
        var loss = DefaultLogReaders.Create().Read(path, options, problems).Single().Find(SeriesRole.TrainLoss)!;

        Assert.Equal(options.MaxPoints / 2, loss.Count);
        var limit = Assert.Single(problems.Kept, p => p.Kind == ProblemKind.LimitReached);
        Assert.Contains("as many as the memory budget holds (the memory-budget setting raises it)", limit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_document_larger_than_the_budget_allows_is_refused_with_how_to_raise_it()
    {
        // A bomb of rows as one document was held whole, up to 512 MiB, and ran out of memory (fuzz seed 1, case 1036).
        string path = Path.Combine(_folder, "history.json.gz");
        WriteBomb(path, "[", "{\"loss\": 0.5},", megabytes: 8);
        var options = ReadOptions.Default with { MemoryBudgetBytes = Budget };

        var error = Assert.Throws<LogReadException>(() => DefaultLogReaders.Create().Read(path, options, new ProblemLog()));

        Assert.Contains("larger than 1 MiB, the most a single JSON document is read whole (within the memory budget, which the memory-budget setting raises)",
            error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trainer_state_larger_than_the_document_bound_keeps_the_entries_before_it_and_says_so()
    {
        // A trainer_state.json is held whole to be parsed: a plain one is read only up to the JSON document bound.
        string folder = Path.Combine(_folder, "checkpoint-40000");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "trainer_state.json");
        var entries = Enumerable.Range(1, 40_000).Select(i => $"    {{\"epoch\": {i / 1000.0}, \"loss\": 0.5, \"step\": {i}}}");
        File.WriteAllText(path, "{\n  \"log_history\": [\n" + string.Join(",\n", entries) + "\n  ],\n  \"max_steps\": 40000\n}\n");
        Assert.True(new FileInfo(path).Length > 3 << 19);
        var options = ReadOptions.Default with { MemoryBudgetBytes = Budget };

        var problems = new ProblemLog();
        var loss = DefaultLogReaders.Create().Read(path, options, problems).Single().Find("loss")!;

        Assert.InRange(loss.Count, 10_000, 39_999);
        Assert.Equal(Enumerable.Range(1, loss.Count).Select(i => (long)i), loss.Steps.ToArray());
        var limit = Assert.Single(problems.Kept, p => p.Kind == ProblemKind.LimitReached);
        Assert.Contains("larger than 1 MiB, the most a JSON document is read whole: the entries before that are kept", limit.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_csv_larger_than_the_budget_keeps_what_fits()
    {
        // The CSV reader reserves room for every line it counted: that room is taken from the budget too.
        string path = Path.Combine(_folder, "metrics.csv");
        File.WriteAllText(path, "step,loss\n" + string.Concat(Enumerable.Range(0, 1_000_000).Select(i => $"{i},0.5\n")));
        var options = ReadOptions.Default with { MemoryBudgetBytes = Budget };

        var problems = new ProblemLog();
        var loss = DefaultLogReaders.Create().Read(path, options, problems).Single().Find("loss")!;

        Assert.InRange(loss.Count, options.MaxPoints / 2, options.MaxPoints);
        Assert.Equal(Enumerable.Range(0, loss.Count).Select(i => (long)i), loss.Steps.ToArray());
        Assert.Single(problems.Kept, p => p.Kind == ProblemKind.LimitReached);
    }

    [Fact]
    public void A_csv_whose_line_breaks_are_cr_only_reads_as_rows_not_one_wide_header()
    {
        // Such a file was once one header line of thousands of columns, whose parse batches ran out of a 512 MiB heap
        // (fuzz seed 1, case 176): a CR alone ends a line.
        string path = Path.Combine(_folder, "metrics.csv");
        File.WriteAllText(path, "step,loss\r" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i},0.5\r")));

        var problems = new ProblemLog();
        var loss = DefaultLogReaders.Create().Read(path, ReadOptions.Default, problems).Single().Find("loss")!;

        Assert.Equal(Enumerable.Range(0, 20_000).Select(i => (long)i), loss.Steps.ToArray());
        Assert.Equal(0, problems.Total);
    }

    [Fact]
    public void Builder_drops_points_past_the_budget_and_a_restart_gives_room_back()
    {
        var budget = new PointBudget(70_000);
        using (budget.Use())
        {
            var builder = new MetricSeriesBuilder("loss");
            var orders = Enumerable.Range(0, 200_000).Select(step => builder.Add(step, 1.0)).ToList();

            Assert.True(budget.Exhausted);
            Assert.Equal(65_536, builder.Count);
            Assert.Equal(StepOrder.Dropped, orders[^1]);

            // Going back to step 0 drops the held chunks, and their room is there again for the new points.
            Assert.Equal(StepOrder.Restarted, builder.Add(0, 2.0));
            for (int step = 1; step < 65_536; step++)
            {
                Assert.Equal(StepOrder.Appended, builder.Add(step, 2.0));
            }
        }

        Assert.Null(PointBudget.Current);
    }

    [Fact]
    public void A_read_reports_the_points_it_holds_as_it_grows()
    {
        string path = Path.Combine(_folder, "metrics.csv");
        File.WriteAllText(path, "step,loss\n" + string.Concat(Enumerable.Range(0, 300_000).Select(i => $"{i},0.5\n")));
        var reported = new List<long>();
        var options = ReadOptions.Default with { Progress = new Recorder(reported) };

        DefaultLogReaders.Create().Read(path, options, new ProblemLog());

        Assert.True(reported.Count >= 4, $"{reported.Count} reports");
        Assert.True(reported.Max() >= 300_000, $"at most {reported.Max()} points reported");
    }

    [Fact]
    public void Decompression_limit_follows_the_budget_unless_set()
    {
        var small = ReadOptions.Default with { MemoryBudgetBytes = 1L << 30 };
        Assert.Equal(1L << 30, small.MaxDecompressedBytes);
        Assert.Equal((1L << 30) / MemoryBudget.BytesPerPoint, small.MaxPoints);
        Assert.Equal(16L << 30, (ReadOptions.Default with { MemoryBudgetBytes = 1L << 40 }).MaxDecompressedBytes);

        // A bomb read for a metric it does not hold keeps no point, so only this limit ends it: with four times the
        // budget, a JSON Lines bomb read for --metric lr ran past 30 s (fuzz seed 1, case 4040).
        Assert.Equal(small.MemoryBudgetBytes, small.MaxDecompressedBytes);
        Assert.Equal(12345, (small with { MaxDecompressedBytes = 12345 }).MaxDecompressedBytes);
        Assert.True(ReadOptions.Default.MemoryBudgetBytes >= 64L << 20);
    }

    [Theory]
    [InlineData("4G", 4L << 30)]
    [InlineData("512M", 512L << 20)]
    [InlineData("1.5GiB", 3L << 29)]
    [InlineData("2t", 2L << 40)]
    [InlineData("1048576", 1L << 20)]
    [InlineData(" 64mb ", 64L << 20)]
    public void Sizes_parse(string text, long bytes)
    {
        Assert.True(MemoryBudget.TryParse(text, out long parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("-4G")]
    [InlineData("100K")]
    [InlineData("4X")]
    [InlineData("99999999999999999999T")]
    [InlineData("NaN")]
    public void Non_sizes_do_not_parse(string text) => Assert.False(MemoryBudget.TryParse(text, out _));

    /// <summary>Keeps what is reported, on the reporting thread (Progress&lt;T&gt; would post it later).</summary>
    private sealed class Recorder(List<long> values) : IProgress<long>
    {
        public void Report(long value)
        {
            lock (values)
            {
                values.Add(value);
            }
        }
    }

    /// <summary>Copies of one compressed megabyte as concatenated gzip members, which readers take as one stream.</summary>
    private static void WriteBomb(string path, string header, string row, int megabytes)
    {
        var block = new StringBuilder();
        while (block.Length + row.Length <= 1 << 20)
        {
            block.Append(row);
        }

        byte[] compressed = Compress(Encoding.UTF8.GetBytes(block.ToString()));
        using var file = File.Create(path);
        file.Write(Compress(Encoding.UTF8.GetBytes(header)));
        for (int i = 0; i < megabytes; i++)
        {
            file.Write(compressed);
        }
    }

    private static byte[] Compress(byte[] data)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return memory.ToArray();
    }
}
