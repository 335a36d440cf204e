using System.Globalization;
using System.Text;
using EpochLens.Diagnosis;
using EpochLens.Logs;
using EpochLens.Readers;
using EpochLens.Telemetry;
using EpochLens.Watching;

namespace EpochLens.Core.Tests.Watching;

/// <summary>
/// Line logs written in many pieces, each cut at an arbitrary byte (so most end in a half-written line): after each
/// piece the follower's snapshot must be what a whole read of the file gives at that moment, while reading only
/// the new bytes and a bounded window of old ones.
/// </summary>
public sealed class WindowedFollowingTests : IDisposable
{
    private const int Pieces = 60;
    private const int StepsPerEpoch = 500;

    /// <summary>The log must be this long for its windows to be told from whole reads.</summary>
    private const long LongLog = 1 << 20;

    private readonly string _source = Directory.CreateTempSubdirectory("epochlens-window-source-").FullName;
    private readonly string _watched = Directory.CreateTempSubdirectory("epochlens-window-watched-").FullName;

    public void Dispose()
    {
        Directory.Delete(_source, recursive: true);
        Directory.Delete(_watched, recursive: true);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("jsonl")]
    [InlineData("text")]
    [InlineData("telemetry-csv")]
    [InlineData("telemetry-jsonl")]
    public void A_log_appended_in_pieces_snapshots_as_a_whole_read_while_reading_only_the_new_lines(string format)
    {
        string path = WriteSource(format, epochs: format switch { "csv" => 120, "text" => 50, _ => 40 });
        var files = Directory.GetFiles(_source).ToDictionary(f => Path.Combine(_watched, Path.GetFileName(f)), File.ReadAllBytes);
        long total = files.Values.Sum(b => (long)b.Length);
        Assert.True(total > LongLog, $"the log is too short to tell a window from a whole read: {total} bytes");

        var readers = DefaultLogReaders.Create();
        var follower = new AppendedLogFollower(path, ReadOptions.Default, readers);
        var problems = new ProblemLog();
        var written = files.Keys.ToDictionary(f => f, _ => 0L);
        var lateCosts = new List<(long Snapshot, long Piece, long Log)>();
        int incomplete = 0;
        for (int piece = 1; piece <= Pieces; piece++)
        {
            long appended = 0;
            foreach (var (file, bytes) in files)
            {
                // run.json is written whole at the start, and each file's header with its first line, as the recorders write them.
                long to = Path.GetFileName(file) == "run.json" ? bytes.Length : Math.Max(Array.IndexOf(bytes, (byte)'\n') + 1, (long)bytes.Length * piece / Pieces);
                appended += Append(file, bytes, written[file], to);
                written[file] = to;
            }

            follower.Poll(problems);
            var snapshot = follower.Snapshot(problems);
            var expected = readers.Read(path, ReadOptions.Default, new ProblemLog());
            if (!SameLogs(expected, snapshot))
            {
                // Until watching ends, a half-written last line the window could not take waits for its end.
                AssertSameLogs(CompleteLinesRead(path, written), snapshot, $"piece {piece}");
                incomplete++;
            }
            if (piece > Pieces / 2)
            {
                lateCosts.Add((follower.SnapshotBytes, appended, written.Values.Sum()));
            }
        }

        // Each late snapshot read the new piece and a window of old lines, never the log again; and what it read did not
        // grow with the log, which doubled meanwhile.
        Assert.All(lateCosts, c => Assert.True(c.Snapshot < c.Log / 2,
            $"a snapshot read {c.Snapshot:N0} bytes for {c.Piece:N0} new ones of {c.Log:N0}; last refusal: {follower.LastRefusal}"));
        long early = lateCosts.Take(10).Max(c => c.Snapshot), late = lateCosts.TakeLast(10).Max(c => c.Snapshot);
        Assert.True(late <= early * 1.1, $"snapshots read up to {early:N0} bytes at first, {late:N0} at the end");
        Assert.True(follower.WindowedReads >= Pieces - 10, $"{follower.WindowedReads} windowed reads, {follower.WholeReads} whole; last refusal: {follower.LastRefusal}");
        Assert.True(problems.Total == 0, string.Join(" | ", problems.Kept));
        Assert.True(incomplete <= 5, $"{incomplete} snapshots left a half-written line out");
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("jsonl")]
    [InlineData("text")]
    public void A_watched_line_log_ends_with_the_diagnosis_of_the_finished_log(string format)
    {
        string path = WriteSource(format, epochs: 12, rebuiltOptimizer: true);
        string watchedPath = path;
        var bytes = File.ReadAllBytes(Path.Combine(_source, Path.GetFileName(path)));
        var options = new DiagnosisOptions();
        var watcher = new RunWatcher(new PathFollower(watchedPath, ReadOptions.Default, DefaultLogReaders.Create()), new Diagnoser(), options, TimeSpan.Zero);
        var problems = new ProblemLog();
        for (int piece = 1; piece <= Pieces; piece++)
        {
            Append(watchedPath, bytes, (long)bytes.Length * (piece - 1) / Pieces, (long)bytes.Length * piece / Pieces);
            watcher.Poll(problems);
        }

        watcher.Finish(problems);
        var expected = new Diagnoser().Diagnose(Assert.Single(DefaultLogReaders.Create().Read(watchedPath, ReadOptions.Default, new ProblemLog())), options);
        var latest = Assert.Single(watcher.Latest);
        Assert.Equal(expected.Verdict, latest.Verdict);
        Assert.Equal(expected.Points, latest.Points);
        Assert.Equal(expected.Findings.Select(FindingState.Of), latest.Findings.Select(FindingState.Of));
        Assert.Equal(expected.Findings.Select(f => f.Confidence.PValue), latest.Findings.Select(f => f.Confidence.PValue));
    }

    [Fact]
    public void A_telemetry_steps_file_named_alone_is_read_whole_with_the_files_beside_it_as_analyze_reads_it()
    {
        WriteSource("telemetry-csv", epochs: 6);

        // Without run.json the epochs come from the steps file's own epoch column, which a window holds too.
        File.Delete(Path.Combine(_source, TelemetryFiles.RunDescription));
        var files = Directory.GetFiles(_source).ToDictionary(f => Path.Combine(_watched, Path.GetFileName(f)), File.ReadAllBytes);
        string steps = Path.Combine(_watched, TelemetryFiles.StepsCsv);
        var readers = DefaultLogReaders.Create();
        var follower = new AppendedLogFollower(steps, ReadOptions.Default, readers);
        var problems = new ProblemLog();
        for (int piece = 1; piece <= 6; piece++)
        {
            foreach (var (file, bytes) in files)
            {
                File.WriteAllBytes(file, bytes.AsSpan(0, bytes.Length * piece / 6).ToArray());
            }

            follower.Poll(problems);
            AssertSameLogs(readers.Read(steps, ReadOptions.Default, new ProblemLog()), follower.Snapshot(problems), $"piece {piece}");
        }

        // The epochs file and run.json beside it are read too, which a window of steps.csv would leave out.
        Assert.Equal(0, follower.WindowedReads);
    }

    [Fact]
    public void A_csv_whose_steps_are_its_row_numbers_is_read_whole_and_still_reads_as_analyze_reads_it()
    {
        string file = Path.Combine(_watched, "losses.csv");
        File.WriteAllText(file, "loss,lr\n");
        var readers = DefaultLogReaders.Create();
        var follower = new AppendedLogFollower(file, ReadOptions.Default, readers);
        var problems = new ProblemLog();
        for (int piece = 0; piece < 10; piece++)
        {
            AppendText(file, string.Concat(Enumerable.Range(piece * 5_000, 5_000).Select(s => $"{Loss(s, false):R},0.001\n")));
            follower.Poll(problems);
            AssertSameLogs(readers.Read(file, ReadOptions.Default, new ProblemLog()), follower.Snapshot(problems), $"piece {piece}");
        }

        // Once the file is too long to copy whole, a window numbers its rows from its own start: its old points never
        // match, so it is refused and the log read whole.
        Assert.True(new FileInfo(file).Length > 2 * LineWindow.WholeBelow);
        Assert.InRange(follower.WholeReads, 6, 10);
        Assert.Contains("other points", follower.LastRefusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_column_or_a_rewritten_file_is_read_whole_once_then_followed_by_windows_again()
    {
        string file = Path.Combine(_watched, "metrics.csv");
        var text = new StringBuilder("step,epoch,loss\n");
        int step = 0;
        for (; step < 20_000; step++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{step},{step / StepsPerEpoch},{Loss(step, false):R}\n");
        }

        File.WriteAllText(file, text.ToString());
        var readers = DefaultLogReaders.Create();
        var follower = new AppendedLogFollower(file, ReadOptions.Default, readers);
        var problems = new ProblemLog();
        follower.Poll(problems);
        follower.Snapshot(problems);
        Assert.Equal((1, 0), (follower.WholeReads, follower.WindowedReads));

        AppendText(file, string.Concat(Enumerable.Range(step, 100).Select(s => $"{s},{s / StepsPerEpoch},{Loss(s, false):R}\n")));
        step += 100;
        follower.Poll(problems);
        follower.Snapshot(problems);
        Assert.Equal((1, 1), (follower.WholeReads, follower.WindowedReads));

        // Rows with a fourth cell: the header now names it (a logger that learned a metric rewrites the file).
        File.WriteAllText(file, text.ToString().Replace("step,epoch,loss\n", "step,epoch,loss,lr\n", StringComparison.Ordinal)
            + string.Concat(Enumerable.Range(20_000, 200).Select(s => $"{s},{s / StepsPerEpoch},{Loss(s, false):R},0.1\n")));
        follower.Poll(problems);
        AssertSameLogs(readers.Read(file, ReadOptions.Default, new ProblemLog()), follower.Snapshot(problems), "rewritten");
        Assert.Equal((2, 1), (follower.WholeReads, follower.WindowedReads));

        AppendText(file, string.Concat(Enumerable.Range(20_200, 100).Select(s => $"{s},{s / StepsPerEpoch},{Loss(s, false):R},0.1\n")));
        follower.Poll(problems);
        AssertSameLogs(readers.Read(file, ReadOptions.Default, new ProblemLog()), follower.Snapshot(problems), "appended after");
        Assert.True((2, 2) == (follower.WholeReads, follower.WindowedReads), follower.LastRefusal);

        // A resumed run writes its steps again from an earlier one: the window's old points differ, the log is read whole.
        AppendText(file, string.Concat(Enumerable.Range(20_000, 300).Select(s => $"{s},{s / StepsPerEpoch},{Loss(s, true):R},0.1\n")));
        follower.Poll(problems);
        AssertSameLogs(readers.Read(file, ReadOptions.Default, new ProblemLog()), follower.Snapshot(problems), "resumed");
        Assert.Equal((3, 2), (follower.WholeReads, follower.WindowedReads));
        Assert.NotNull(follower.LastRefusal);
    }

    /// <summary>A whole read of the watched files cut after their last line break, named as the watched ones.</summary>
    private IReadOnlyList<TrainingLog> CompleteLinesRead(string path, Dictionary<string, long> written)
    {
        var folder = Directory.CreateTempSubdirectory("epochlens-window-complete-").FullName;
        try
        {
            foreach (var file in written.Keys)
            {
                var bytes = File.ReadAllBytes(file);
                File.WriteAllBytes(Path.Combine(folder, Path.GetFileName(file)), bytes.AsSpan(0, Array.LastIndexOf(bytes, (byte)'\n') + 1).ToArray());
            }

            string copy = path == _watched ? folder : Path.Combine(folder, Path.GetFileName(path));
            return [.. DefaultLogReaders.Create().Read(copy, ReadOptions.Default, new ProblemLog())
                .Select(l => new TrainingLog(l.Source == copy ? path : l.Source, l.Format, l.Series, l.Epochs, l.Samples))];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static bool SameLogs(IReadOnlyList<TrainingLog> expected, IReadOnlyList<TrainingLog> actual)
    {
        try
        {
            AssertSameLogs(expected, actual, "");
            return true;
        }
        catch (Xunit.Sdk.XunitException)
        {
            return false;
        }
    }

    private static void AssertSameLogs(IReadOnlyList<TrainingLog> expected, IReadOnlyList<TrainingLog> actual, string when)
    {
        Assert.True(expected.Count == actual.Count, $"{when}: {actual.Count} logs, expected {expected.Count}");
        foreach (var (want, got) in expected.Zip(actual))
        {
            Assert.Equal(want.Source, got.Source);
            Assert.Equal(want.Format, got.Format);
            Assert.Equal(want.Epochs?.StepsPerEpoch, got.Epochs?.StepsPerEpoch);
            Assert.Equal(want.Epochs?.Origin, got.Epochs?.Origin);
            Assert.Equal(want.Epochs?.FirstEpochStart, got.Epochs?.FirstEpochStart);
            Assert.True((want.Epochs?.EpochStartSteps ?? []).SequenceEqual(got.Epochs?.EpochStartSteps ?? []), $"{when}: other epoch starts");
            Assert.Equal(want.Samples?.Steps, got.Samples?.Steps);
            Assert.Equal(want.Samples?.Ids.SelectMany(i => i), got.Samples?.Ids.SelectMany(i => i));
            Assert.Equal(want.Series.Select(s => s.ToString()), got.Series.Select(s => s.ToString()));
            foreach (var (a, b) in want.Series.Zip(got.Series))
            {
                Assert.True(a.Steps.SequenceEqual(b.Steps), $"{when}: series {a.Name} has other steps");
                Assert.True(a.Values.SequenceEqual(b.Values), $"{when}: series {a.Name} has other values");
                Assert.Equal(a.Averaging, b.Averaging);
            }
        }
    }

    /// <summary>Writes the finished log into the source folder; returns the path to watch (file or folder) in the watched folder.</summary>
    private string WriteSource(string format, int epochs, bool rebuiltOptimizer = false)
    {
        int steps = epochs * StepsPerEpoch;
        switch (format)
        {
            case "csv":
                WriteLines("metrics.csv", "step,epoch,loss,val_loss\n", s =>
                    $"{s},{s / StepsPerEpoch},{Loss(s, rebuiltOptimizer):R},{(s % StepsPerEpoch == StepsPerEpoch - 1 ? Loss(s, false).ToString("R", CultureInfo.InvariantCulture) : "")}", steps);
                return Path.Combine(_watched, "metrics.csv");
            case "jsonl":
                WriteLines("metrics.jsonl", "", s => $"{{\"step\": {s}, \"epoch\": {s / StepsPerEpoch}, \"loss\": {Loss(s, rebuiltOptimizer):R}, \"lr\": 0.001}}"
                    + (s % StepsPerEpoch == StepsPerEpoch - 1 ? $"\n{{\"step\": {s}, \"val_loss\": {Loss(s, false):R}}}" : ""), steps);
                return Path.Combine(_watched, "metrics.jsonl");
            case "text":
                WriteLines("train.log", "loading data ...\nmodel: seed CNN, 2 layers\n", s =>
                    $"[epoch {s / StepsPerEpoch + 1}/{epochs}] step {s % StepsPerEpoch + 1}/{StepsPerEpoch} loss={Loss(s, rebuiltOptimizer):0.000000} lr=0.001", steps);
                return Path.Combine(_watched, "train.log");
            default:
                WriteTelemetry(format == "telemetry-csv" ? TelemetryFormat.Csv : TelemetryFormat.JsonLines, epochs);
                return _watched;
        }
    }

    private void WriteLines(string name, string head, Func<int, string> line, int steps)
    {
        var text = new StringBuilder(head);
        for (int s = 0; s < steps; s++)
        {
            text.Append(line(s)).Append('\n');
        }

        File.WriteAllText(Path.Combine(_source, name), text.ToString());
    }

    private void WriteTelemetry(TelemetryFormat format, int epochs)
    {
        var random = new Random(5);
        new RunDescription
        {
            Data = "synthetic",
            Seed = 5,
            Epochs = epochs,
            SamplesPerEpoch = StepsPerEpoch * 4,
            BatchSize = 4,
            StepsPerEpoch = StepsPerEpoch,
            LearningRate = 1e-3,
            Optimizer = "sgd",
            Order = "shuffled",
            CauseSwitches = new Dictionary<string, string>(),
        }.Write(_source);
        using var writer = new TelemetryWriter(_source, format);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var order = Enumerable.Range(0, StepsPerEpoch * 4).ToArray();
            random.Shuffle(order);
            for (int position = 0; position < StepsPerEpoch; position++)
            {
                long step = (long)epoch * StepsPerEpoch + position;
                double loss = Loss((int)step, false);
                writer.Write(new StepRecord(step, epoch, position, 4, loss, loss, 1e-3, position % 10 == 0 ? 0.5 : null, null, step + 1, order.AsSpan(position * 4, 4).ToArray()));
            }

            writer.Write(new EpochRecord(epoch, StepsPerEpoch, (long)(epoch + 1) * StepsPerEpoch - 1, 0.7, 0.8, 0.5));
        }
    }

    /// <summary>A decaying loss with noise, and with <paramref name="spiked"/> a jump at each epoch start (an optimizer rebuilt).</summary>
    private static double Loss(int step, bool spiked)
    {
        double noise = (((step * 2654435761L) & 0xFFFF) / 65536.0) - 0.5;
        double spike = spiked && step % StepsPerEpoch < 20 ? 0.5 * (1 - (step % StepsPerEpoch / 20.0)) : 0;
        return Math.Round(0.5 + Math.Exp(-step / 3000.0) + 0.1 * noise + spike, 6);
    }

    private static long Append(string file, byte[] bytes, long from, long to)
    {
        using var stream = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(bytes, (int)from, (int)Math.Max(0, to - from));
        return Math.Max(0, to - from);
    }

    private static void AppendText(string file, string text)
    {
        using var stream = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(Encoding.UTF8.GetBytes(text));
    }
}
