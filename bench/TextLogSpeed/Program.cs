using System.Diagnostics;
using System.Globalization;
using System.Text;
using EpochLens.Readers;

// Printed-log reading speed: the whole path a user's `epochlens analyze train.log` takes (detection, which
// scans past the pip output, then the text reader), on a generated log of about 100 MB.
long megabytes = 100;
int rounds = 5;
bool stages = false;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--megabytes":
            megabytes = long.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--rounds":
            rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--stages":
            stages = true;
            break;
        default:
            Console.Error.WriteLine("usage: TextLogSpeed [--megabytes 100] [--rounds 5] [--stages]");
            return 2;
    }
}

const double TargetMegabytesPerSecond = 50;
const int PerEpoch = 5039;
var folder = Path.Combine(Path.GetTempPath(), "epochlens-textlogspeed-" + Environment.ProcessId);
Directory.CreateDirectory(folder);
var file = Path.Combine(folder, "train.log");
try
{
    var clock = Stopwatch.StartNew();
    long lines = 0;
    using (var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 20))
    {
        for (int i = 0; i < 200; i++)
        {
            writer.Write($"Requirement already satisfied: package{i} in /usr/lib/python3/dist-packages (1.{i}.0)\n");
        }

        var random = new Random(1);
        double average = 0;
        for (long step = 0; writer.BaseStream.Length < megabytes * 1_000_000; step++)
        {
            long epoch = step / PerEpoch, position = step % PerEpoch;
            double loss = (2 * Math.Exp(-step / 2e5)) + 0.3 + (0.1 * random.NextDouble());
            average = position == 0 ? loss : average + ((loss - average) / (position + 1));
            var time = new DateTime(2024, 1, 2, 10, 0, 0, DateTimeKind.Utc).AddSeconds(step * 0.05);
            writer.Write(
                $"{time:yyyy-MM-dd HH:mm:ss},{time.Millisecond:000} - INFO - Epoch: [{epoch}][{position,4}/{PerEpoch}]  Time 0.050 (0.051)  Loss {loss:0.0000} ({average:0.0000})  lr {1e-5:0.0e+00}\n");
            lines++;
            if (position == PerEpoch - 1)
            {
                writer.Write($"{time:yyyy-MM-dd HH:mm:ss},000 - INFO - Validation: epoch {epoch} val_loss {average + 0.05:0.0000} acc 0.91\n");
                lines++;
            }
        }
    }

    double size = new FileInfo(file).Length / 1e6;
    Console.WriteLine($"generated {lines:N0} training and validation lines, {size:F1} MB, in {clock.Elapsed.TotalSeconds:F1} s");
    if (stages)
    {
        EpochLens.Bench.TextLogSpeed.Stages.Print(file, size);
        EpochLens.Bench.TextLogSpeed.Stages.Print(file, size);
    }

    Console.WriteLine($"reading through detection on {Environment.ProcessorCount} cores, {rounds} rounds");
    Console.WriteLine();
    Console.WriteLine("round  seconds    MB/s   M lines/s  points  heap after (MB)");
    var reader = DefaultLogReaders.Create();
    var seconds = new List<double>();
    for (int round = 1; round <= rounds; round++)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        clock.Restart();
        var logs = reader.Read(file, ReadOptions.Default, new ProblemLog());
        double elapsed = clock.Elapsed.TotalSeconds;
        seconds.Add(elapsed);
        long points = logs.Sum(l => l.Series.Sum(s => (long)s.Count));
        if (logs.Count != 1 || logs[0].Format != "text")
        {
            Console.Error.WriteLine($"expected one text log, got {logs.Count} ({string.Join(", ", logs.Select(l => l.Format))})");
            return 1;
        }

        Console.WriteLine($"{round,5}  {elapsed,7:F3}  {size / elapsed,6:F1}  {lines / elapsed / 1e6,10:F2}  {points,6:N0}  {GC.GetTotalMemory(false) / 1e6,15:F0}");
        GC.KeepAlive(logs);
    }

    seconds.Sort();
    double median = seconds[seconds.Count / 2];
    Console.WriteLine();
    Console.WriteLine($"median {size / median:F1} MB/s, best {size / seconds[0]:F1} MB/s; target {TargetMegabytesPerSecond} MB/s: {(size / median >= TargetMegabytesPerSecond ? "met" : "NOT met")}");
    return 0;
}
finally
{
    Directory.Delete(folder, recursive: true);
}
