using System.Diagnostics;
using System.Globalization;
using EpochLens.Bench.CsvSpeed;
using EpochLens.Readers;
using EpochLens.Readers.Csv;

// Usage: CsvSpeed [--rows N] [--repeats K] [--file PATH] [--long-floats] [--python /usr/bin/python3] [--no-pandas]
// (--first-read PATH is the child mode: one read in a fresh process, for an honest memory peak.)
if (args is ["--stages", var staged])
{
    Stages.Run(staged, 3);
    return 0;
}

if (args is ["--first-read", var only])
{
    return FirstRead.Run(only);
}

long rows = 10_000_000;
int repeats = 5;
string? file = null;
bool longFloats = false;
bool pandas = true;
string python = "/usr/bin/python3";
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rows": rows = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--repeats": repeats = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--file": file = args[++i]; break;
        case "--long-floats": longFloats = true; break;
        case "--python": python = args[++i]; break;
        case "--no-pandas": pandas = false; break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}

file ??= Path.Combine(Path.GetTempPath(), $"epochlens-bench-{rows}{(longFloats ? "-long" : "")}.csv");
if (!File.Exists(file))
{
    Console.WriteLine($"writing {rows:N0} rows to {file} ...");
    CsvGenerator.Write(file, rows, longFloats);
}

long bytes = new FileInfo(file).Length;
Console.WriteLine($"file: {file}, {bytes / 1e6:F1} MB, {rows:N0} rows ({(longFloats ? "17-digit" : "7-decimal")} losses), {Environment.ProcessorCount} cores");

// pandas waits in its own process (started and warmed once) and reads when asked, so that the two sides'
// reads interleave: a slow minute of this shared machine then falls on both sides alike.
PandasSide? pandasSide = pandas ? PandasSide.Start(python, Path.Combine(AppContext.BaseDirectory, "pandas_read.py"), file) : null;
if (pandas && pandasSide is null)
{
    return 1;
}

// EpochLens: all series of the file (loss and epoch), as `epochlens analyze` reads it.
var epochLens = new List<double>();
var pandasTimes = new List<double>();
for (int r = 0; r < repeats; r++)
{
    // Each round starts with the other side than the last.
    if (pandasSide is not null && r % 2 == 1)
    {
        pandasTimes.Add(ReadWithPandas(pandasSide));
    }

    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    long baseline = PeakMemory.CurrentBytes();
    PeakMemory.Reset();
    var sink = new CountingSink();
    var clock = Stopwatch.StartNew();
    var logs = CsvReader.Default.Read(LogSource.OfFile(file), ReadOptions.Default, sink);
    double seconds = clock.Elapsed.TotalSeconds;
    long peak = PeakMemory.PeakBytes() - baseline;
    long points = logs.Sum(l => l.Series.Sum(s => (long)s.Count));
    long held = points * 16;
    epochLens.Add(seconds);
    Console.WriteLine($"  EpochLens read {r + 1}: {seconds:F3} s, {rows / seconds / 1e6:F1} M rows/s, {bytes / seconds / 1e6:F0} MB/s; "
        + $"{points:N0} points in {logs[0].Series.Count} series; memory peak {peak / 1e6:F0} MB over the start = {(double)peak / held:F2}x the {held / 1e6:F0} MB held; problems {sink.Count}");
    GC.Collect();
    if (pandasSide is not null && r % 2 == 0)
    {
        pandasTimes.Add(ReadWithPandas(pandasSide));
    }
}

double ReadWithPandas(PandasSide side)
{
    double seconds = side.Read();
    Console.WriteLine($"  pandas read: {seconds:F3} s, {rows / seconds / 1e6:F1} M rows/s, {bytes / seconds / 1e6:F0} MB/s");
    return seconds;
}

// Memory: a fresh process's first read, so that no earlier read has already grown the heap.
var child = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
if (!Environment.ProcessPath!.EndsWith("EpochLens.Bench.CsvSpeed", StringComparison.Ordinal))
{
    child.ArgumentList.Add(typeof(FirstRead).Assembly.Location);
}

child.ArgumentList.Add("--first-read");
child.ArgumentList.Add(file);
using (var firstRead = Process.Start(child)!)
{
    Console.WriteLine($"  EpochLens first read in a fresh process: {firstRead.StandardOutput.ReadToEnd().Trim()}");
    firstRead.WaitForExit();
}

double best = epochLens.Min();
double median = epochLens.Order().ElementAt(epochLens.Count / 2);
Console.WriteLine($"EpochLens: best {rows / best / 1e6:F1} M rows/s ({bytes / best / 1e6:F0} MB/s), median {rows / median / 1e6:F1} M rows/s");

if (pandasSide is null)
{
    return 0;
}

pandasSide.Dispose();
double pandasBest = pandasTimes.Min();
double pandasMedian = pandasTimes.Order().ElementAt(pandasTimes.Count / 2);
Console.WriteLine($"pandas {pandasSide.Version}: best {rows / pandasBest / 1e6:F1} M rows/s ({bytes / pandasBest / 1e6:F0} MB/s), median {rows / pandasMedian / 1e6:F1} M rows/s");
Console.WriteLine($"ratio EpochLens / pandas: {pandasBest / best:F1}x (best against best), {pandasMedian / median:F1}x (median against median); target 5x");
return 0;
