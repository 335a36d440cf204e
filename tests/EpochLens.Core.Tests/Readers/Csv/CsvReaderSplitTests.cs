using System.Globalization;
using System.Text;
using EpochLens.Logs;
using EpochLens.Readers;
using EpochLens.Readers.Csv;

namespace EpochLens.Core.Tests.Readers.Csv;

/// <summary>
/// A large plain file is read as two halves at once; the result must be exactly the one-pass result:
/// the same series, epoch starts and problems (kinds, line numbers, byte offsets, messages).
/// </summary>
public sealed class CsvReaderSplitTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(0, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Split_read_equals_one_pass_with_damage_restarts_and_duplicates_everywhere(int seed)
    {
        var path = _temp.Write($"damaged-{seed}.csv", DamagedLog(new Random(seed), lines: 400 + (seed * 37)));

        AssertSameRead(path, ReadOptions.Default);
    }

    [Theory]
    [InlineData("30,3,0.5")] // restart: back to step 30 right at the split
    [InlineData("{prev},3,0.25")] // duplicate of the last step of the first half
    [InlineData("{prev},3,x")] // a bad value on the first line of the second half
    [InlineData("{prev}")] // a ragged first line of the second half
    [InlineData("")] // a blank line there
    public void Split_read_equals_one_pass_with_odd_lines_on_both_sides_of_the_split(string firstOfSecondHalf)
    {
        // Lines of one length put the split at a known line: the first line starting at or after the middle.
        const string header = "step,epoch,loss\n";
        var lines = Enumerable.Range(0, 200).Select(i => $"{i + 1000},{i / 50},0.{i % 10}{i % 7}{i % 3}5").ToList();
        int rowsBytes = lines.Sum(l => l.Length + 1);
        int middleLine = ((rowsBytes / 2) / (lines[0].Length + 1)) + 1;
        lines[middleLine] = firstOfSecondHalf.Replace("{prev}", (1000 + middleLine - 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        lines[middleLine - 1] = $"{1000 + middleLine - 1},x,";
        var path = _temp.Write("straddle.csv", header + string.Join('\n', lines) + "\n");

        AssertSameRead(path, ReadOptions.Default);
        AssertSameRead(path, ReadOptions.Default with { KeepWallTimes = true });
    }

    [Fact]
    public void Split_read_keeps_an_unterminated_last_line_and_its_truncation_problem()
    {
        var text = new StringBuilder("step,epoch,loss\n");
        for (int i = 0; i < 500; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},{i / 100},{i * 0.001:F4}\n");
        }

        text.Append("500,5");
        var path = _temp.Write("cut.csv", text.ToString());

        var problems = AssertSameRead(path, ReadOptions.Default);
        Assert.Contains(problems, p => p.Kind == ProblemKind.Truncated && p.Location.StartsWith("line 502,", StringComparison.Ordinal));
    }

    public static TheoryData<string> SecondHalfCases() =>
    [
        "clean", // every line of the second half is taken as the other core wrote it
        "damage-late", // taken up to a bad line deep in the second half, read the general way from there
        "restart-at-split", // the second half goes back below the first half's last step: not taken
        "blank-cells-first-half", // first-half lines without a point leave a gap that the taken points close
        "blank-late", // a blank cell deep in the second half
        "duplicate-late", // a repeated step deep in the second half
        "crlf", // Windows line ends throughout
    ];

    [Theory]
    [MemberData(nameof(SecondHalfCases))]
    public void Split_read_of_a_large_file_equals_one_pass(string kind)
    {
        const int Lines = 60_000; // several batches on each side of the split
        const string Header = "step,epoch,loss\n";
        string end = kind == "crlf" ? "\r\n" : "\n";
        var lines = new List<string>();
        for (int i = 0; i < Lines; i++)
        {
            long step = i;
            string loss = (1.0 / (1 + (i % 977))).ToString("F7", CultureInfo.InvariantCulture);
            string epoch = (i / 7000).ToString(CultureInfo.InvariantCulture);
            lines.Add(kind switch
            {
                "damage-late" when i == 50_001 => $"{step},{epoch},not-a-number",
                "blank-cells-first-half" when i % 1000 == 7 && i < Lines / 3 => $"{step},{epoch},",
                "blank-late" when i == 52_222 => $"{step},,{loss}",
                "duplicate-late" when i == 47_000 => $"{step - 1},{epoch},{loss}",
                _ => $"{step},{epoch},{loss}",
            });
        }

        if (kind == "restart-at-split")
        {
            // From the first line at or after the middle of the rows' bytes (where the second half starts), back by 1000 steps.
            long rowsBytes = lines.Sum(l => (long)l.Length + end.Length);
            long offset = 0;
            int first = lines.FindIndex(l => (offset += l.Length + end.Length) > rowsBytes / 2) + 1;
            for (int i = first; i < Lines; i++)
            {
                lines[i] = $"{i - 1000},{i / 7000},0.5";
            }
        }

        var text = new StringBuilder(Header).AppendJoin(end, lines).Append(end);
        var path = _temp.Write($"large-{kind}.csv", text.ToString());

        AssertSameRead(path, ReadOptions.Default);
        AssertSameRead(path, ReadOptions.Default with { Metric = "loss" });
        var reader = new CsvFileReader(path, "run", ReadOptions.Default, new RecordingSink(), splitFrom: 1);
        reader.Read();
        if (kind == "restart-at-split")
        {
            Assert.Equal(0, reader.LinesFromSecondHalf);
        }
        else
        {
            Assert.True(reader.LinesFromSecondHalf > 5000, $"the other core took {reader.LinesFromSecondHalf} lines");
        }
    }

    public static TheoryData<int> CorruptionSeeds() => [.. Enumerable.Range(0, 24)];

    [Theory]
    [MemberData(nameof(CorruptionSeeds))]
    public void Split_read_of_randomly_corrupted_bytes_equals_one_pass(int seed)
    {
        // A clean large log with a few random bytes overwritten, cut short or with a run of lines dropped: the
        // second half's fast path must hand over to the general reading wherever the damage falls.
        var random = new Random(seed);
        var text = new StringBuilder("step,epoch,loss\n");
        for (int i = 0; i < 30_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},{i / 3000},{1.0 / (1 + (i % 613)):F6}\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        for (int k = random.Next(1, 6); k > 0; k--)
        {
            bytes[random.Next(16, bytes.Length)] = (byte)random.Next(256);
        }

        if (seed % 3 == 0)
        {
            bytes = bytes[..random.Next(bytes.Length / 2, bytes.Length)];
        }

        var path = _temp.Write($"corrupted-{seed}.csv", bytes);
        try
        {
            AssertSameRead(path, ReadOptions.Default);
        }
        catch (LogReadException)
        {
            // Damage that leaves nothing readable is a clear error, the same either way (checked below).
        }

        var one = Record.Exception(() => Read(path, ReadOptions.Default with { Strict = true }, splitFrom: long.MaxValue));
        var split = Record.Exception(() => Read(path, ReadOptions.Default with { Strict = true }, splitFrom: 1));
        Assert.Equal(one?.GetType(), split?.GetType());
        Assert.Equal(one?.Message, split?.Message);
    }

    [Fact]
    public void Strict_split_read_stops_at_the_first_damage_in_the_first_half_as_one_pass_does()
    {
        var text = new StringBuilder("step,loss\n");
        for (int i = 0; i < 40_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},{(i == 3000 ? "bad" : "0.5")}\n");
        }

        var path = _temp.Write("strict.csv", text.ToString());
        var options = ReadOptions.Default with { Strict = true };

        var one = Assert.Throws<LogReadException>(() => Read(path, options, splitFrom: long.MaxValue));
        var split = Assert.Throws<LogReadException>(() => Read(path, options, splitFrom: 1));
        Assert.Equal(one.Message, split.Message);
    }

    private static List<ReadProblem> AssertSameRead(string path, ReadOptions options)
    {
        var (oneLogs, oneProblems) = Read(path, options, splitFrom: long.MaxValue);
        var (splitLogs, splitProblems) = Read(path, options, splitFrom: 1);

        Assert.Equal(oneProblems.Select(Describe), splitProblems.Select(Describe));
        Assert.Equal(oneLogs.Count, splitLogs.Count);
        for (int l = 0; l < oneLogs.Count; l++)
        {
            Assert.Equal(oneLogs[l].Series.Select(s => s.Name), splitLogs[l].Series.Select(s => s.Name));
            for (int s = 0; s < oneLogs[l].Series.Count; s++)
            {
                var one = oneLogs[l].Series[s];
                var split = splitLogs[l].Series[s];
                Assert.Equal(one.Steps.ToArray(), split.Steps.ToArray());
                Assert.Equal(one.Values.ToArray().Select(BitConverter.DoubleToInt64Bits), split.Values.ToArray().Select(BitConverter.DoubleToInt64Bits));
                Assert.Equal(one.WallTimes.ToArray(), split.WallTimes.ToArray());
            }

            Assert.Equal(oneLogs[l].Epochs?.EpochStartSteps, splitLogs[l].Epochs?.EpochStartSteps);
            Assert.Equal(oneLogs[l].Epochs?.StepsPerEpoch, splitLogs[l].Epochs?.StepsPerEpoch);
        }

        return oneProblems;
    }

    private static (IReadOnlyList<TrainingLog> Logs, List<ReadProblem> Problems) Read(string path, ReadOptions options, long splitFrom)
    {
        var problems = new RecordingSink();
        var logs = new CsvFileReader(path, "run", options, problems, splitFrom).Read();
        return (logs, problems.All);
    }

    private static string Describe(ReadProblem p) => $"{p.Kind} | {p.Location} | {p.Message}";

    /// <summary>A step,epoch,loss,time log with resumed runs, repeated steps, bad and odd cells, blank lines and CRLF, spread through the file.</summary>
    private static byte[] DamagedLog(Random random, int lines)
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes("step,epoch,loss,time\n"));
        long step = 0;
        for (int i = 0; i < lines; i++)
        {
            step += random.Next(10) switch
            {
                0 => -random.Next(1, 40), // a resumed run
                1 => 0, // a repeated step
                _ => 1,
            };
            string loss = random.Next(12) switch
            {
                0 => "x",
                1 => "",
                2 => "nan",
                3 => "\"0.5\"",
                4 => "1e-3",
                5 => ((double)(float)random.NextDouble()).ToString("R", CultureInfo.InvariantCulture),
                6 => " 0.25",
                _ => random.NextDouble().ToString("F7", CultureInfo.InvariantCulture),
            };
            string line = random.Next(14) switch
            {
                0 => $"{step},{step / 50}",
                1 => $"{step},{step / 50},{loss},1.5,9",
                2 => "",
                3 => $"{step}.0,{step / 50},{loss},{1700000000 + step}",
                4 => $"{step},{step / 50},{loss},{1700000000 + step}\r",
                5 => $"abc,{step / 50},{loss},",
                _ => $"{step},{step / 50},{loss},{1700000000 + step}",
            };
            bytes.AddRange(Encoding.UTF8.GetBytes(line));
            if (random.Next(60) == 0)
            {
                bytes.Add(0xff); // not UTF-8
            }

            bytes.Add((byte)'\n');
        }

        return [.. bytes];
    }

    private sealed class RecordingSink : IProblemSink
    {
        public List<ReadProblem> All { get; } = [];

        public void Report(ReadProblem problem) => All.Add(problem);
    }
}
