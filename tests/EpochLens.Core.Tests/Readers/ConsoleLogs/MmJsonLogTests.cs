using System.IO.Compression;
using System.Text;
using EpochLens.Logs;
using EpochLens.Readers;

namespace EpochLens.Core.Tests.Readers.ConsoleLogs;

/// <summary>OpenMMLab's JSON logs: mmcv's *.log.json (iter within the epoch) and MMEngine's scalars.json (global steps, validation at the epoch).</summary>
public sealed class MmJsonLogTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static TrainingLog Read(string path, ProblemLog problems) => Assert.Single(DefaultLogReaders.Create().Read(path, ReadOptions.Default, problems));

    private static string Mmcv(int validationIter)
    {
        var text = new StringBuilder("{\"env_info\": \"sys.platform: linux\", \"config\": \"model = dict()\", \"seed\": 0}\n");
        for (int e = 1; e <= 3; e++)
        {
            for (int i = 50; i <= 200; i += 50)
            {
                text.Append($"{{\"mode\": \"train\", \"epoch\": {e}, \"iter\": {i}, \"lr\": 0.02, \"memory\": 3000, \"data_time\": 0.01, \"loss_cls\": 0.5, \"loss\": {e}.{i}, \"time\": 0.4}}\n");
            }

            text.Append($"{{\"mode\": \"val\", \"epoch\": {e}, \"iter\": {validationIter}, \"lr\": 0.02, \"bbox_mAP\": 0.{e}}}\n");
        }

        return text.ToString();
    }

    [Fact]
    public void Mmcv_log_json_gives_global_steps_from_the_epoch_and_the_within_epoch_iter()
    {
        var problems = new ProblemLog();
        var log = Read(_folder.Write("20210101_000000.log.json", Mmcv(validationIter: 220)), problems);

        Assert.Equal("mmengine", log.Format);
        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal([50L, 100, 150, 200, 270, 320, 370, 420, 490, 540, 590, 640], loss.Steps.ToArray());
        Assert.Equal(2.5, loss.Values[4]);
        Assert.Equal(AveragingKind.MovingWindow, loss.Averaging.Kind);
        Assert.Equal(50, loss.Averaging.Window);
        Assert.Equal(220, log.Epochs!.StepsPerEpoch);
        Assert.Equal([1L, 221, 441], log.Epochs.EpochStartSteps!);
        Assert.Equal([220L, 440, 660], log.Find("bbox_mAP")!.Steps.ToArray());
        Assert.Null(log.Find("time"));
        Assert.Null(log.Find("seed"));
        Assert.Equal(0, problems.Total);
    }

    [Fact]
    public void Mmcv_log_json_without_a_usable_validation_iter_takes_the_largest_training_iter_and_says_so()
    {
        var problems = new ProblemLog();
        var log = Read(_folder.Write("20210101_000000.log.json", Mmcv(validationIter: 10)), problems);

        Assert.Equal(200, log.Epochs!.StepsPerEpoch);
        Assert.Contains(problems.Kept, p => p.Kind == ProblemKind.Assumed && p.Message.Contains("largest training 'iter', 200", StringComparison.Ordinal));
    }

    [Fact]
    public void A_gzip_mmcv_log_json_is_read_as_the_plain_one()
    {
        var path = Path.Combine(_folder.Path, "20210101_000000.log.json.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Mmcv(validationIter: 220)));
        }

        var problems = new ProblemLog();
        var log = Read(path, problems);

        Assert.Equal("mmengine", log.Format);
        Assert.Equal(220, log.Epochs!.StepsPerEpoch);
        Assert.Equal([220L, 440, 660], log.Find("bbox_mAP")!.Steps.ToArray());
        Assert.Equal(0, problems.Total);
    }

    [Fact]
    public void Mmengine_scalars_json_keeps_global_steps_and_puts_validation_after_its_epoch()
    {
        var text = new StringBuilder();
        for (int e = 1; e <= 3; e++)
        {
            for (int i = 50; i <= 200; i += 50)
            {
                int g = ((e - 1) * 200) + i;
                text.Append($"{{\"lr\": 0.02, \"data_time\": 0.01, \"loss\": {e}.{i}, \"time\": 0.4, \"epoch\": {e}, \"iter\": {g}, \"memory\": 3000, \"step\": {g}}}\n");
            }

            text.Append($"{{\"coco/bbox_mAP\": 0.{e}, \"data_time\": 0.1, \"time\": 0.2, \"step\": {e}}}\n");
        }

        var problems = new ProblemLog();
        var log = Read(_folder.Write("scalars.json", text.ToString()), problems);

        Assert.Equal("mmengine", log.Format);
        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal(Enumerable.Range(1, 12).Select(i => 50L * i), loss.Steps.ToArray());
        Assert.Equal([200L, 400, 600], log.Find("coco/bbox_mAP")!.Steps.ToArray());
        Assert.Equal(200, log.Epochs!.StepsPerEpoch);
        Assert.Null(log.Find("data_time"));
        Assert.Equal(0, problems.Total);
    }

    [Fact]
    public void An_epoch_or_iter_written_as_text_is_a_problem_not_a_crash()
    {
        var mmcv = Mmcv(validationIter: 220) + "{\"mode\": \"train\", \"epoch\": \"4\", \"iter\": 50, \"loss\": 1.0}\n";
        var problems = new ProblemLog();
        var log = Read(_folder.Write("20210101_000000.log.json", mmcv), problems);
        Assert.Equal(12, log.Find(SeriesRole.TrainLoss)!.Count);
        Assert.Equal(1, problems.Count(ProblemKind.Malformed));

        var scalars = "{\"loss\": 1.0, \"epoch\": 1, \"step\": 1}\n{\"loss\": 0.9, \"epoch\": \"one\", \"step\": 2}\n";
        log = Read(_folder.Write("scalars.json", scalars), new ProblemLog());
        Assert.Equal([1L, 2], log.Find(SeriesRole.TrainLoss)!.Steps.ToArray());
    }

    [Fact]
    public void An_mmcv_line_whose_step_would_overflow_is_a_problem_not_a_wrapped_step()
    {
        // The largest 'iter' read (2^40) becomes the epoch length; epoch 2^30 - 1 times it would wrap past 2^63.
        var mmcv = Mmcv(validationIter: 220) + "{\"mode\": \"train\", \"epoch\": 1073741823, \"iter\": 1099511627776, \"loss\": 1.0}\n";
        var problems = new ProblemLog();
        var log = Read(_folder.Write("20210101_000000.log.json", mmcv), problems);
        var steps = log.Find(SeriesRole.TrainLoss)!.Steps.ToArray();
        Assert.Equal(12, steps.Length);
        Assert.All(steps, step => Assert.True(step > 0));
        Assert.Contains(problems.Kept, p => p.Kind == ProblemKind.Malformed && p.Message.Contains("64 bits", StringComparison.Ordinal));
    }

    [Fact]
    public void Corrupted_json_logs_never_crash()
    {
        var original = Encoding.UTF8.GetBytes(Mmcv(validationIter: 220));
        var random = new Random(11);
        var tally = new FuzzTally();
        for (int i = 0; i < 300; i++)
        {
            var bytes = new List<byte>(original);
            for (int e = random.Next(1, 6); e > 0 && bytes.Count > 0; e--)
            {
                int at = random.Next(bytes.Count);
                switch (random.Next(3))
                {
                    case 0:
                        bytes[at] = (byte)random.Next(256);
                        break;
                    case 1:
                        bytes.InsertRange(at, "{[\"\u00ff:,}]\n1e999"u8.ToArray().Skip(random.Next(10)).Take(random.Next(1, 6)));
                        break;
                    default:
                        bytes.RemoveRange(at, Math.Min(random.Next(1, 200), bytes.Count - at));
                        break;
                }
            }

            var path = _folder.Write(i % 2 == 0 ? "case.log.json" : "scalars.json", [.. bytes]);
            try
            {
                tally.Add(DefaultLogReaders.Create().Read(path, new ReadOptions { Strict = i % 5 == 0 }, new ProblemLog()));
            }
            catch (LogReadException)
            {
                // Nothing readable, or a strict read's first problem: allowed.
                tally.Add(null);
            }
        }

        tally.AssertAtLeast(215, 13_700, "mmcv and MMEngine JSON logs"); // about 90 % of what this seed reads
    }
}
