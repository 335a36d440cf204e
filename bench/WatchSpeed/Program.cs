using System.Diagnostics;
using System.Globalization;
using EpochLens.Core.Tests.Watching;
using EpochLens.Diagnosis;
using EpochLens.Readers;
using EpochLens.Watching;

// What watching a growing log costs. A TensorBoard run and a CSV log grow by --chunk steps at a time up to --steps;
// after each chunk the follower polls (what `epochlens watch` does on each change). Side by side at 10 thousand,
// 100 thousand and 1 million steps: the median poll over the last chunks before that size, against reading the
// whole log again (what a watcher without incremental readers would do on each change), and the cost of one
// diagnosis of everything so far (a snapshot of the series and Diagnoser.Diagnose), which watch pays once per epoch.
// An untimed warm-up runs first.
long steps = 1_000_000;
int chunk = 1000;
int window = 25;
bool oneCore = true;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--steps":
            steps = long.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--chunk":
            chunk = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--all-cores":
            oneCore = false;
            break;
        default:
            Console.Error.WriteLine("usage: WatchSpeed [--steps 1000000] [--chunk 1000] [--all-cores]");
            return 2;
    }
}

if (oneCore && (OperatingSystem.IsLinux() || OperatingSystem.IsWindows()))
{
    Process.GetCurrentProcess().ProcessorAffinity = 1;
}

List<long> sizes = [10_000, 100_000, 1_000_000, 10_000_000];
var checkpoints = sizes.Where(c => c <= steps).ToList();
var folder = Directory.CreateTempSubdirectory("epochlens-watchspeed-").FullName;
try
{
    Console.WriteLine($"Growing logs to {steps:N0} steps, {chunk:N0} steps per update, {(oneCore ? "one core" : "all cores")}.");
    Console.WriteLine();
    // Untimed: 100 looks at each kind of log first, so .NET's tiered compiler has optimised the hot loops before any timing.
    Warm(Path.Combine(folder, "warm-tb"), chunk, (path, n) => new TensorBoardGrowth(path, n));
    Warm(Path.Combine(folder, "warm-csv"), chunk, (path, n) => new CsvGrowth(path, n));
    Measure("TensorBoard", Path.Combine(folder, "tb"), checkpoints, steps, chunk, window, (path, n) => new TensorBoardGrowth(path, n));
    Console.WriteLine();
    Measure("CSV (step,loss)", Path.Combine(folder, "csv"), checkpoints, steps, chunk, window, (path, n) => new CsvGrowth(path, n));
    return 0;
}
finally
{
    Directory.Delete(folder, recursive: true);
}

static void Measure(string format, string folder, List<long> checkpoints, long steps, int chunk, int window, Func<string, int, IGrowth> create)
{
    Directory.CreateDirectory(folder);
    using var growth = create(folder, chunk);
    var readers = DefaultLogReaders.Create();
    var follower = new PathFollower(folder, ReadOptions.Default, readers);
    var problems = new ProblemLog();
    var polls = new List<double>();
    var bytes = new List<long>();
    Console.WriteLine($"{format}: per update (median of the last {window} polls)       | read whole again | ratio | one diagnosis (once per epoch)");
    while (growth.Steps < steps)
    {
        growth.Append();
        long before = follower.BytesRead;
        var clock = Stopwatch.StartNew();
        if (!follower.Poll(problems))
        {
            throw new InvalidOperationException("the follower saw nothing new");
        }

        polls.Add(clock.Elapsed.TotalMilliseconds);
        bytes.Add(follower.BytesRead - before);
        if (!checkpoints.Contains(growth.Steps))
        {
            continue;
        }

        double poll = Median(polls.TakeLast(window));
        double readBytes = Median(bytes.TakeLast(window).Select(b => (double)b));
        // The faster of two whole reads: the first may still include compiling the reader.
        double reread = double.MaxValue;
        IReadOnlyList<EpochLens.Logs.TrainingLog> logs = [];
        for (int round = 0; round < 2; round++)
        {
            var whole = Stopwatch.StartNew();
            logs = readers.Read(folder, ReadOptions.Default, new ProblemLog());
            reread = Math.Min(reread, whole.Elapsed.TotalMilliseconds);
        }

        var diagnosis = Stopwatch.StartNew();
        var snapshot = follower.Snapshot(new ProblemLog());
        double snapshotMs = diagnosis.Elapsed.TotalMilliseconds;
        new Diagnoser().Diagnose(snapshot[0], new DiagnosisOptions { StepsPerEpoch = chunk });
        double diagnoseMs = diagnosis.Elapsed.TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {growth.Steps,10:N0} steps, {growth.Bytes / 1e6,7:0.0} MB: poll {poll,7:0.000} ms, {readBytes / 1e3,6:0.0} kB read | {reread,9:0.0} ms | {reread / poll,6:0}x | {diagnoseMs,7:0} ms (snapshot {snapshotMs:0} ms), {logs[0].Series[0].Count:N0} points"));
    }

    if (problems.Total > 0)
    {
        Console.WriteLine($"  problems met: {problems.Total}");
    }
}

static void Warm(string folder, int chunk, Func<string, int, IGrowth> create)
{
    Directory.CreateDirectory(folder);
    using var growth = create(folder, chunk);
    var follower = new PathFollower(folder, ReadOptions.Default, DefaultLogReaders.Create());
    for (int look = 0; look < 100; look++)
    {
        growth.Append();
        follower.Poll(new ProblemLog());
    }

    new Diagnoser().Diagnose(follower.Snapshot(new ProblemLog())[0], new DiagnosisOptions { StepsPerEpoch = chunk });
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length == 0 ? double.NaN : (sorted[(sorted.Length - 1) / 2] + sorted[sorted.Length / 2]) / 2;
}

/// <summary>A log that grows by one chunk of steps at a time.</summary>
internal interface IGrowth : IDisposable
{
    long Steps { get; }

    long Bytes { get; }

    void Append();
}

/// <summary>A TensorBoard run: one "train/loss" record a step, a chunk per flush (the tests' writer).</summary>
internal sealed class TensorBoardGrowth(string folder, int chunk) : IGrowth
{
    private readonly GrowingEventFile _file = new(Path.Combine(folder, "events.out.tfevents.1700000000.bench"), chunk, runningMean: false);

    public long Steps => _file.StepsWritten;

    public long Bytes => _file.Length;

    public void Append() => _file.WriteEpoch();

    public void Dispose() => _file.Dispose();
}

/// <summary>A plain step,loss CSV log, a chunk of lines per flush.</summary>
internal sealed class CsvGrowth : IGrowth
{
    private readonly StreamWriter _writer;
    private readonly int _chunk;

    public CsvGrowth(string folder, int chunk)
    {
        _writer = new StreamWriter(new FileStream(Path.Combine(folder, "metrics.csv"), FileMode.Create, FileAccess.Write, FileShare.ReadWrite));
        _chunk = chunk;
        _writer.Write("step,loss\n");
        _writer.Flush();
    }

    public long Steps { get; private set; }

    public long Bytes => _writer.BaseStream.Length;

    public void Append()
    {
        for (int i = 0; i < _chunk; i++, Steps++)
        {
            _writer.Write(string.Create(CultureInfo.InvariantCulture, $"{Steps},{0.5 + 1.5 * Math.Exp(-Steps / 4000.0) + 0.1 * Math.Sin(Steps * 0.7):0.######}\n"));
        }

        _writer.Flush();
    }

    public void Dispose() => _writer.Dispose();
}
