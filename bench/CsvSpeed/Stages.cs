using System.Diagnostics;
using EpochLens.Readers;
using EpochLens.Readers.Csv;

namespace EpochLens.Bench.CsvSpeed;

internal static class Stages
{
    public static void Run(string file, int repeats)
    {
        for (int r = 0; r < repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan))
            {
                var scanner = new CsvLineScanner(stream);
                scanner.TryReadLine(out _);
                var parser = new CsvRowParser((byte)',', 3, 0, [-1, 0, 1]);
                var rows = parser.NewRows(8192);
                long n = 0;
                while (scanner.TryReadBlock(out var block))
                {
                    while (!block.IsEmpty)
                    {
                        rows.Clear();
                        block = block[parser.Parse(block, rows)..];
                        n += rows.Count;
                    }
                }
                Console.WriteLine($"parse only: {clock.Elapsed.TotalSeconds:F3} s ({n} rows)");
            }

            clock.Restart();
            var one = new CsvFileReader(file, file, ReadOptions.Default, new CountingSink(), splitFrom: long.MaxValue).Read();
            Console.WriteLine($"one thread full: {clock.Elapsed.TotalSeconds:F3} s");
            GC.KeepAlive(one);
            one = null;
            GC.Collect();
            clock.Restart();
            var two = new CsvFileReader(file, file, ReadOptions.Default, new CountingSink()).Read();
            Console.WriteLine($"default full: {clock.Elapsed.TotalSeconds:F3} s");
            GC.KeepAlive(two);
            two = null;
            GC.Collect();
        }
    }
}
