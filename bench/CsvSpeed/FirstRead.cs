using System.Diagnostics;
using EpochLens.Readers;
using EpochLens.Readers.Csv;

namespace EpochLens.Bench.CsvSpeed;

/// <summary>
/// One read in a fresh process: its time (start-up JIT included) and its memory peak, measured as the
/// resident peak over the resident size before the read and as the GC's own peak of committed heap.
/// Later reads in one process reuse the heap the first one grew and would understate the peak.
/// </summary>
internal static class FirstRead
{
    public static int Run(string file)
    {
        long baseline = PeakMemory.CurrentBytes();
        PeakMemory.Reset();
        var clock = Stopwatch.StartNew();
        var logs = CsvReader.Default.Read(LogSource.OfFile(file), ReadOptions.Default, new CountingSink());
        double seconds = clock.Elapsed.TotalSeconds;
        long peak = PeakMemory.PeakBytes() - baseline;
        long held = logs.Sum(l => l.Series.Sum(s => (long)s.Count)) * 16;
        long committedPeak = 0;
        for (int i = 0; i < 3; i++)
        {
            // The largest committed heap over the last GCs of each kind (ephemeral, full, background).
            var info = GC.GetGCMemoryInfo((GCKind)(i + 1));
            committedPeak = Math.Max(committedPeak, info.TotalCommittedBytes);
        }

        Console.WriteLine($"{seconds:F3} s; resident peak {peak / 1e6:F0} MB over the start = {(double)peak / held:F2}x the {held / 1e6:F0} MB held (16 B a point); "
            + $"GC heap now {GC.GetGCMemoryInfo().HeapSizeBytes / 1e6:F0} MB, largest committed at a GC {committedPeak / 1e6:F0} MB");
        GC.KeepAlive(logs);
        return 0;
    }
}
