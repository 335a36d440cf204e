using System.Buffers.Binary;
using System.IO.Compression;
using EpochLens.Logs;
using EpochLens.Readers;
using EpochLens.Readers.TensorBoard;

namespace EpochLens.Core.Tests.Readers.TensorBoard;

/// <summary>Bad input: killed runs, checksums, huge lengths, foreign files, odd values and steps.</summary>
public sealed class TensorBoardDamageTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>An event file with file_version and train/loss = step/10 for steps 0..count-1; returns each record's end offset.</summary>
    private string Write(string name, int count, out List<long> recordEnds, Action<EventFileWriter, int>? between = null)
    {
        var path = _temp.File(name);
        recordEnds = [];
        using var stream = new FileStream(path, FileMode.Create);
        using var writer = new EventFileWriter(stream);
        writer.WriteFileVersion();
        recordEnds.Add(stream.Position);
        for (int step = 0; step < count; step++)
        {
            writer.WriteScalar("train/loss", step, step / 10f);
            between?.Invoke(writer, step);
            recordEnds.Add(stream.Position);
        }

        return path;
    }

    private static void Patch(string path, Action<byte[]> change)
    {
        var bytes = File.ReadAllBytes(path);
        change(bytes);
        File.WriteAllBytes(path, bytes);
    }

    [Fact]
    public void Truncated_last_record_keeps_everything_before_it_and_warns()
    {
        var path = Write("events.out.tfevents.1", 50, out var ends);
        using (var file = new FileStream(path, FileMode.Open))
        {
            file.SetLength(ends[^1] - 7);
        }

        var problems = new ProblemLog();
        var loss = TbFixtures.ReadFile(path, problems: problems).Find("train/loss")!;

        Assert.Equal(49, loss.Count);
        var truncated = Assert.Single(problems.Kept);
        Assert.Equal(ProblemKind.Truncated, truncated.Kind);
        Assert.Equal($"record 50 at byte {ends[^2]}", truncated.Location);
    }

    [Fact]
    public void File_cut_inside_a_record_header_is_truncated_too()
    {
        var path = Write("events.out.tfevents.1", 5, out var ends);
        using (var file = new FileStream(path, FileMode.Open))
        {
            file.SetLength(ends[^2] + 5);
        }

        var problems = new ProblemLog();
        Assert.Equal(4, TbFixtures.ReadFile(path, problems: problems).Find("train/loss")!.Count);
        Assert.Equal(1, problems.Count(ProblemKind.Truncated));
    }

    [Fact]
    public void Records_with_a_bad_payload_checksum_are_skipped_and_counted()
    {
        var path = Write("events.out.tfevents.1", 100, out var ends);
        Patch(path, bytes =>
        {
            for (int record = 10; record <= 30; record += 10)
            {
                bytes[ends[record] + 14] ^= 0x40; // inside the payload of the record after ends[record]
            }
        });

        var problems = new ProblemLog();
        var loss = TbFixtures.ReadFile(path, problems: problems).Find("train/loss")!;

        Assert.Equal(97, loss.Count);
        Assert.DoesNotContain(10L, loss.Steps.ToArray());
        Assert.Equal(3, problems.Count(ProblemKind.BadChecksum));
        Assert.Contains(problems.Kept, p => p.Location == $"record 11 at byte {ends[10]}");
    }

    [Fact]
    public void Bad_length_checksum_resynchronises_at_the_next_valid_record()
    {
        var path = Write("events.out.tfevents.1", 100, out var ends);
        Patch(path, bytes => bytes[ends[40] + 9] ^= 0x01); // the length CRC of the record holding step 40

        var problems = new ProblemLog();
        var loss = TbFixtures.ReadFile(path, problems: problems).Find("train/loss")!;

        Assert.Equal(99, loss.Count);
        Assert.DoesNotContain(40L, loss.Steps.ToArray());
        var lost = Assert.Single(problems.Kept);
        Assert.Equal(ProblemKind.BadChecksum, lost.Kind);
        Assert.Contains($"{ends[41] - ends[40]} byte(s) skipped", lost.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("payload")]
    [InlineData("length")]
    public void Strict_mode_fails_on_the_first_damaged_record(string damage)
    {
        var path = Write("events.out.tfevents.1", 20, out var ends);
        Patch(path, bytes =>
        {
            if (damage == "payload")
            {
                bytes[ends[5] + 14] ^= 1;
            }
            else if (damage == "length")
            {
                bytes[ends[5] + 9] ^= 1;
            }
        });
        if (damage == "truncated")
        {
            using var file = new FileStream(path, FileMode.Open);
            file.SetLength(file.Length - 3);
        }

        var e = Assert.Throws<LogReadException>(() => TbFixtures.ReadFile(path, ReadOptions.Default with { Strict = true }));
        Assert.Equal(path, e.File);
        Assert.Contains("record", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void NaN_and_infinite_values_are_kept_and_flagged_once_per_series()
    {
        var path = _temp.File("events.out.tfevents.1");
        using (var writer = new EventFileWriter(path))
        {
            writer.WriteFileVersion();
            float[] values = [1f, float.NaN, 2f, float.PositiveInfinity, float.NegativeInfinity, 3f];
            for (int step = 0; step < values.Length; step++)
            {
                writer.WriteScalar("train/loss", step, values[step]);
            }
        }

        var problems = new ProblemLog();
        var loss = TbFixtures.ReadFile(path, problems: problems).Find("train/loss")!;

        Assert.Equal(6, loss.Count);
        Assert.True(double.IsNaN(loss.Values[1]));
        Assert.Equal(double.PositiveInfinity, loss.Values[3]);
        Assert.Equal(double.NegativeInfinity, loss.Values[4]);
        var flagged = Assert.Single(problems.Kept);
        Assert.Equal(ProblemKind.NonFinite, flagged.Kind);
        Assert.Contains("3 NaN or infinite", flagged.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1UL << 40)]
    [InlineData(200UL << 20)]
    [InlineData(ulong.MaxValue)]
    [InlineData(0UL)]
    [InlineData(7UL)]
    public void Wrong_length_with_a_valid_checksum_in_the_middle_loses_only_its_record(ulong length)
    {
        // The length of the record holding step 40 is replaced, with its checksum recomputed (as a forged or
        // unlucky length would be): TensorBoard stops there; this reader looks for the next valid header.
        var path = Write("events.out.tfevents.1", 100, out var ends);
        Patch(path, bytes =>
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan((int)ends[40]), length);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan((int)ends[40] + 8), Crc32C.MaskedOf(bytes.AsSpan((int)ends[40], 8)));
        });

        var problems = new ProblemLog();
        var loss = TbFixtures.ReadFile(path, problems: problems).Find("train/loss")!;

        Assert.Equal(Enumerable.Range(0, 100).Where(s => s != 40).Select(s => (long)s), loss.Steps.ToArray());
        var note = Assert.Single(problems.Kept);
        Assert.Contains($"{ends[41] - ends[40]} byte(s) skipped to the next valid record", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_between_records_loses_nothing()
    {
        var path = Write("events.out.tfevents.1", 100, out var ends);
        var bytes = File.ReadAllBytes(path).ToList();
        bytes.InsertRange((int)ends[50], Enumerable.Range(0, 333).Select(i => (byte)(i * 7)));
        File.WriteAllBytes(path, [.. bytes]);

        var problems = new ProblemLog();
        var loss = TbFixtures.ReadFile(path, problems: problems).Find("train/loss")!;

        Assert.Equal(100, loss.Count);
        Assert.Contains("333 byte(s) skipped", Assert.Single(problems.Kept).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1L << 40)]
    [InlineData(200L << 20)]
    [InlineData(ulong.MaxValue)]
    public void Huge_declared_length_neither_allocates_it_nor_fails(ulong length)
    {
        var path = Write("events.out.tfevents.1", 10, out _);
        using (var file = new FileStream(path, FileMode.Append))
        {
            var header = new byte[12 + 64];
            BinaryPrimitives.WriteUInt64LittleEndian(header, length);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), Crc32C.MaskedOf(header.AsSpan(0, 8)));
            file.Write(header);
        }

        var problems = new ProblemLog();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var loss = TbFixtures.ReadFile(path, problems: problems).Find("train/loss")!;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(10, loss.Count);
        Assert.Equal(1, problems.Count(ProblemKind.Truncated));
        Assert.True(allocated < 4 << 20, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Empty_file_cannot_be_read_and_the_error_names_it()
    {
        var path = _temp.File("events.out.tfevents.1");
        File.WriteAllBytes(path, []);

        var e = Assert.Throws<LogReadException>(() => TbFixtures.ReadFile(path));
        Assert.Equal(path, e.File);
        Assert.Contains("empty", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_event_file_forced_as_tensorboard_is_refused_with_what_was_expected()
    {
        var path = _temp.File("metrics.csv");
        File.WriteAllText(path, "step,loss\n0,2.3\n1,2.2\n");
        var options = ReadOptions.Default with { Format = "tensorboard" };

        var e = Assert.Throws<LogReadException>(() => new LogReader([TensorBoardReader.Default]).Read(path, options, new ProblemLog()));
        Assert.Equal(path, e.File);
        Assert.StartsWith("not a TensorBoard event file (expected TFRecord framing", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Tiny_non_event_file_is_refused_too()
    {
        var path = _temp.File("events.out.tfevents.1");
        File.WriteAllBytes(path, [1, 2, 3]);

        var e = Assert.Throws<LogReadException>(() => TbFixtures.ReadFile(path));
        Assert.Contains("only 3 byte(s)", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_beside_good_ones_is_skipped_with_a_problem_and_the_run_is_read()
    {
        var good = Write("run/events.out.tfevents.1", 10, out _);
        var empty = _temp.File("run/events.out.tfevents.2");
        File.WriteAllBytes(empty, []);

        var problems = new ProblemLog();
        var log = TbFixtures.ReadOne(new LogSource(Path.GetDirectoryName(good)!, [good, empty]), problems: problems);

        Assert.Equal(10, log.Find("train/loss")!.Count);
        Assert.Contains(problems.Kept, p => p.Kind == ProblemKind.Skipped && p.File == empty);
    }

    [Fact]
    public void Steps_that_go_back_within_a_tag_supersede_the_later_points()
    {
        var path = _temp.File("events.out.tfevents.1");
        using (var writer = new EventFileWriter(path))
        {
            writer.WriteFileVersion();
            for (int step = 0; step < 10; step++)
            {
                writer.WriteScalar("train/loss", step, step);
            }

            for (int step = 5; step < 8; step++)
            {
                writer.WriteScalar("train/loss", step, 100 + step);
            }
        }

        var problems = new ProblemLog();
        var loss = TbFixtures.ReadFile(path, problems: problems).Find("train/loss")!;

        Assert.Equal([0L, 1, 2, 3, 4, 5, 6, 7], loss.Steps.ToArray());
        Assert.Equal(105, loss.Values[5]);
        var back = Assert.Single(problems.Kept);
        Assert.Equal(ProblemKind.StepsWentBack, back.Kind);
        Assert.Contains("5 later point(s)", back.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_steps_keep_the_later_value_and_are_reported_once_per_tag()
    {
        var path = _temp.File("events.out.tfevents.1");
        using (var writer = new EventFileWriter(path))
        {
            writer.WriteFileVersion();
            for (int step = 0; step < 5; step++)
            {
                writer.WriteScalar("train/loss", step, 1);
                writer.WriteScalar("train/loss", step, 2);
            }
        }

        var problems = new ProblemLog();
        var loss = TbFixtures.ReadFile(path, problems: problems).Find("train/loss")!;

        Assert.Equal(5, loss.Count);
        Assert.All(loss.Values.ToArray(), v => Assert.Equal(2, v));
        var duplicate = Assert.Single(problems.Kept);
        Assert.Equal(ProblemKind.DuplicateStep, duplicate.Kind);
        Assert.Contains("5 repeated", duplicate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gzip_bomb_stops_at_the_decompressed_size_limit_and_keeps_what_came_before()
    {
        var plain = Write("plain", 100_000, out var ends);
        var path = _temp.File("events.out.tfevents.1.gz");
        using (var input = File.OpenRead(plain))
        using (var output = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            input.CopyTo(output);
        }

        var problems = new ProblemLog();
        var log = TbFixtures.ReadFile(path, ReadOptions.Default with { MaxDecompressedBytes = ends[1000] + 10 }, problems);

        Assert.Equal(1000, log.Find("train/loss")!.Count);
        Assert.Equal(1, problems.Count(ProblemKind.LimitReached));
        Assert.Equal(0, problems.Count(ProblemKind.Truncated));
    }

    [Fact]
    public void Gzip_file_under_the_limit_reads_whole()
    {
        var plain = Write("plain", 500, out _);
        var path = _temp.File("events.out.tfevents.1.gz");
        using (var input = File.OpenRead(plain))
        using (var output = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            input.CopyTo(output);
        }

        var problems = new ProblemLog();
        Assert.Equal(500, TbFixtures.ReadFile(path, problems: problems).Find("train/loss")!.Count);
        Assert.Equal(0, problems.Total);
    }

    [Fact]
    public void Session_start_in_a_later_file_purges_every_tag_from_its_step()
    {
        var first = _temp.File("run/events.out.tfevents.1");
        using (var writer = new EventFileWriter(first))
        {
            writer.WriteFileVersion();
            for (int step = 0; step < 100; step++)
            {
                writer.WriteScalar("train/loss", step, 1);
                writer.WriteScalar("val/loss", step, 1);
            }
        }

        var second = _temp.File("run/events.out.tfevents.2");
        using (var writer = new EventFileWriter(second))
        {
            writer.WriteFileVersion();
            writer.WriteSessionStart(60);
            for (int step = 60; step < 70; step++)
            {
                writer.WriteScalar("train/loss", step, 2);
            }
        }

        var log = TbFixtures.ReadOne(new LogSource(Path.GetDirectoryName(first)!, [first, second]));

        Assert.Equal(70, log.Find("train/loss")!.Count);
        Assert.Equal(2, log.Find("train/loss")!.Values[65]);
        Assert.Equal(60, log.Find("val/loss")!.Count); // never written again, still purged
    }

    [Fact]
    public void New_style_tensors_without_metadata_after_the_first_are_scalars_and_other_plugins_are_not()
    {
        var path = _temp.File("events.out.tfevents.1");
        using (var writer = new EventFileWriter(path))
        {
            writer.WriteFileVersion();
            for (int step = 0; step < 10; step++)
            {
                writer.WriteTensorScalar("loss", step, step, withMetadata: step == 0); // TF2 sends metadata once
                writer.WriteHistogram("weights", step);
                writer.WriteText("notes", step, "<b>hi</b>");
            }
        }

        var log = TbFixtures.ReadFile(path);

        var loss = Assert.Single(log.Series);
        Assert.Equal("loss", loss.Name);
        Assert.Equal(SeriesRole.TrainLoss, loss.Role);
        Assert.Equal(9, loss.Values[9]);
    }

    [Fact]
    public void Epoch_tag_marks_where_epochs_start()
    {
        var path = _temp.File("events.out.tfevents.1");
        using (var writer = new EventFileWriter(path))
        {
            writer.WriteFileVersion();
            for (int step = 0; step < 30; step++)
            {
                writer.WriteScalar("train/loss", step, 1);
                writer.WriteScalar("epoch", step, step / 10);
            }
        }

        var log = TbFixtures.ReadFile(path);

        Assert.Equal(SeriesRole.Epoch, log.Find("epoch")!.Role);
        Assert.Equal([0L, 10, 20], log.Epochs!.EpochStartSteps!);
    }
}
