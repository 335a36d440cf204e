using System.Diagnostics;
using EpochLens.Bench.EventFileSpeed;
using EpochLens.Core.Tests.Readers.TensorBoard;
using EpochLens.Readers;
using EpochLens.Readers.TensorBoard;

// Event-file reading speed: generates an event file as SummaryWriter would write it (train/loss every
// step, train/lr every 100 steps, val/loss and a 30-bucket histogram every 1000), reads it several
// times on one core, and prints scalars/s, MB/s and memory against the 16 bytes a point the series hold.
long steps = 10_000_000;
int rounds = 5;
bool oneCore = true;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--steps":
            steps = long.Parse(args[++i]);
            break;
        case "--rounds":
            rounds = int.Parse(args[++i]);
            break;
        case "--all-cores":
            oneCore = false;
            break;
        default:
            Console.Error.WriteLine("usage: EventFileSpeed [--steps 10000000] [--rounds 5] [--all-cores]");
            return 2;
    }
}

if (oneCore && (OperatingSystem.IsLinux() || OperatingSystem.IsWindows()))
{
    Process.GetCurrentProcess().ProcessorAffinity = 1;
}

var folder = Path.Combine(Path.GetTempPath(), "epochlens-eventfilespeed-" + Environment.ProcessId);
Directory.CreateDirectory(folder);
var file = Path.Combine(folder, "events.out.tfevents.1700000000.bench.1.0");
try
{
    var clock = Stopwatch.StartNew();
    long scalars = 0;
    using (var writer = new EventFileWriter(file))
    {
        writer.WriteFileVersion();
        for (long step = 0; step < steps; step++)
        {
            double wall = 1.7e9 + step * 0.01;
            writer.WriteScalar("train/loss", step, (float)(2 * Math.Exp(-step / 1.5e6) + 0.3 + 0.05 * (step % 5039) / 5039.0), wall);
            scalars++;
            if (step % 100 == 0)
            {
                writer.WriteScalar("train/lr", step, 1e-5f, wall);
                scalars++;
            }

            if (step % 1000 == 0)
            {
                writer.WriteScalar("val/loss", step, 0.5f, wall);
                writer.WriteHistogram("weights/conv1", step, 30, wall);
                scalars++;
            }
        }
    }

    double megabytes = new FileInfo(file).Length / 1e6;
    Console.WriteLine($"generated {scalars:N0} scalars ({steps:N0} steps), {megabytes:F0} MB, in {clock.Elapsed.TotalSeconds:F1} s");
    Console.WriteLine($"reading on {(oneCore ? "one core (affinity 1)" : $"{Environment.ProcessorCount} cores")}, {rounds} rounds");
    Console.WriteLine();
    Console.WriteLine("round  seconds  M scalars/s   MB/s  peak heap growth  retained  series held  peak/series");

    var seconds = new List<double>();
    for (int round = 1; round <= rounds; round++)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        long before = GC.GetTotalMemory(forceFullCollection: true);
        using var sampler = new HeapSampler();
        clock.Restart();
        var logs = TensorBoardReader.Default.Read(LogSource.OfFile(file), ReadOptions.Default, new ProblemLog());
        double elapsed = clock.Elapsed.TotalSeconds;
        long peak = sampler.Stop();
        long points = logs.Sum(l => l.Series.Sum(s => (long)s.Count));
        long seriesBytes = points * 16;
        long retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        long peakGrowth = Math.Max(peak, retained + before) - before;
        seconds.Add(elapsed);
        Console.WriteLine($"{round,5}  {elapsed,7:F3}  {points / elapsed / 1e6,11:F2}  {megabytes / elapsed,5:F0}  {peakGrowth / 1e6,13:F0} MB  {retained / 1e6,5:F0} MB  {seriesBytes / 1e6,8:F0} MB  {(double)peakGrowth / seriesBytes,10:F2}x");
        GC.KeepAlive(logs);
    }

    seconds.Sort();
    double median = seconds[seconds.Count / 2];
    Console.WriteLine();
    Console.WriteLine($"median: {scalars / median / 1e6:F2} M scalars/s, {megabytes / median:F0} MB/s (target >= 5 M scalars/s on one core)");
    Console.WriteLine($"process peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB (includes the generator and the runtime)");
    return 0;
}
finally
{
    Directory.Delete(folder, recursive: true);
}
