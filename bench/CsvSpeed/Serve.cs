using System.Diagnostics;
using System.Text.Json;
using EpochLens.Readers;
using EpochLens.Readers.Csv;

namespace EpochLens.Bench.CsvSpeed;

/// <summary>The EpochLens side of <see cref="ReaderProcess"/>: reads the file with the CSV reader it was built against, once per "read".</summary>
internal static class Serve
{
    public static int Run(string file)
    {
        Console.WriteLine(JsonSerializer.Serialize(new { ready = true, version = typeof(CsvReader).Assembly.Location }));
        while (Console.ReadLine() is "read")
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var sink = new CountingSink();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var logs = CsvReader.Default.Read(LogSource.OfFile(file), ReadOptions.Default, sink);
            double seconds = clock.Elapsed.TotalSeconds;
            double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            long points = logs.Sum(l => l.Series.Sum(s => (long)s.Count));
            Console.WriteLine(JsonSerializer.Serialize(new { seconds, cpu, points, problems = sink.Count }));
        }

        return 0;
    }
}
