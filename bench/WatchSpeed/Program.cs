using System.Diagnostics;
using System.Globalization;
using EpochLens.Core.Tests.Watching;
using EpochLens.Diagnosis;
using EpochLens.Readers;
using EpochLens.Watching;

// What watching a growing log costs. A TensorBoard run, a CSV log and a JSON Lines log grow by --chunk steps at a
// time up to --steps; after each chunk the follower polls (what `epochlens watch` does on each change) and takes a
// snapshot (what each diagnosis reads: for CSV and JSON Lines a window of the new lines through the reader, for
// TensorBoard a copy of the series already read). Side by side at 10 thousand, 100 thousand and 1 million steps: the
// median poll and snapshot over the last chunks before that size, the bytes each read, against reading the whole log
// again (what a watcher without incremental reading does for each diagnosis), and the cost of one diagnosis of
// everything so far (Diagnoser.Diagnose), which watch pays once per epoch. An untimed warm-up runs first.
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
    Warm(Path.Combine(folder, "warm-jsonl"), chunk, (path, n) => new JsonLinesGrowth(path, n));
    Measure("TensorBoard", Path.Combine(folder, "tb"), checkpoints, steps, chunk, window, (path, n) => new TensorBoardGrowth(path, n));
    Console.WriteLine();
    Measure("CSV (step,epoch,loss,lr)", Path.Combine(folder, "csv"), checkpoints, steps, chunk, window, (path, n) => new CsvGrowth(path, n));
    Console.WriteLine();
    Measure("JSON Lines (step, epoch, loss, lr)", Path.Combine(folder, "jsonl"), checkpoints, steps, chunk, window, (path, n) => new JsonLinesGrowth(path, n));
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
    var pollBytes = new List<long>();
    var snapshots = new List<double>();
    var snapshotBytes = new List<long>();
    Console.WriteLine($"{format}: per update, median of the last {window}: poll; snapshot for a diagnosis | read whole again | ratio | one diagnosis");
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
        pollBytes.Add(follower.BytesRead - before);
        before = follower.BytesRead;
        clock.Restart();
        var snapshot = follower.Snapshot(problems);
        snapshots.Add(clock.Elapsed.TotalMilliseconds);
        snapshotBytes.Add(follower.BytesRead - before);
        if (!checkpoints.Contains(growth.Steps))
        {
            continue;
        }

        double poll = Median(polls.TakeLast(window));
        double pollRead = Median(pollBytes.TakeLast(window).Select(b => (double)b));
        double take = Median(snapshots.TakeLast(window));
        double takeRead = Median(snapshotBytes.TakeLast(window).Select(b => (double)b));

        // The faster of two whole reads: the first may still include compiling the reader.
        double reread = double.MaxValue;
        IReadOnlyList<EpochLens.Logs.TrainingLog> logs = [];
        for (int round = 0; round < 2; round++)
        {
            var whole = Stopwatch.StartNew();
            logs = readers.Read(folder, ReadOptions.Default, new ProblemLog());
            reread = Math.Min(reread, whole.Elapsed.TotalMilliseconds);
        }

        if (logs[0].Series.Sum(s => s.Count) != snapshot[0].Series.Sum(s => s.Count))
        {
            throw new InvalidOperationException("the snapshot holds other points than a whole read");
        }

        // What the snapshot's in-memory part costs: copying every series into new arrays, as a join does (the median of 5).
        var copies = new List<double>();
        for (int round = 0; round < 5; round++)
        {
            var copy = Stopwatch.StartNew();
            foreach (var series in snapshot[0].Series)
            {
                GC.KeepAlive(series.Steps.ToArray());
                GC.KeepAlive(series.Values.ToArray());
            }

            copies.Add(copy.Elapsed.TotalMilliseconds);
        }

        var diagnosis = Stopwatch.StartNew();
        new Diagnoser().Diagnose(snapshot[0], new DiagnosisOptions { StepsPerEpoch = chunk });
        double diagnoseMs = diagnosis.Elapsed.TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {growth.Steps,10:N0} steps, {growth.Bytes / 1e6,6:0.0} MB: poll {poll,6:0.000} ms, {pollRead / 1e3,5:0.0} kB; snapshot {take,6:0.00} ms (copying the series {Median(copies),5:0.0} ms), {takeRead / 1e3,5:0.0} kB read | {reread,8:0.0} ms | {reread / take,5:0}x | {diagnoseMs,6:0} ms"));
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
        follower.Snapshot(new ProblemLog());
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

/// <summary>A line log written a chunk of lines per flush, as a training script's logger writes it.</summary>
internal abstract class LineGrowth : IGrowth
{
    private readonly StreamWriter _writer;
    private readonly int _chunk;

    protected LineGrowth(string file, string header, int chunk)
    {
        _writer = new StreamWriter(new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.ReadWrite));
        _chunk = chunk;
        _writer.Write(header);
        _writer.Flush();
    }

    public long Steps { get; private set; }

    public long Bytes => _writer.BaseStream.Length;

    public void Append()
    {
        for (int i = 0; i < _chunk; i++, Steps++)
        {
            _writer.Write(Line(Steps, Steps / _chunk, 0.5 + 1.5 * Math.Exp(-Steps / 4000.0) + 0.1 * Math.Sin(Steps * 0.7)));
        }

        _writer.Flush();
    }

    public void Dispose() => _writer.Dispose();

    protected abstract string Line(long step, long epoch, double loss);
}

/// <summary>A CSV log with an epoch column: step,epoch,loss,lr.</summary>
internal sealed class CsvGrowth(string folder, int chunk) : LineGrowth(Path.Combine(folder, "metrics.csv"), "step,epoch,loss,lr\n", chunk)
{
    protected override string Line(long step, long epoch, double loss) =>
        string.Create(CultureInfo.InvariantCulture, $"{step},{epoch},{loss:0.######},0.001\n");
}

/// <summary>A JSON Lines log, one object a step.</summary>
internal sealed class JsonLinesGrowth(string folder, int chunk) : LineGrowth(Path.Combine(folder, "metrics.jsonl"), "", chunk)
{
    protected override string Line(long step, long epoch, double loss) =>
        string.Create(CultureInfo.InvariantCulture, $"{{\"step\": {step}, \"epoch\": {epoch}, \"loss\": {loss:0.######}, \"lr\": 0.001}}\n");
}
