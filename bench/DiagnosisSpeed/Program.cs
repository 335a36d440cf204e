using System.Diagnostics;
using System.Globalization;
using EpochLens.Analysis;
using EpochLens.Bench.DiagnosisSpeed;
using EpochLens.Diagnosis;
using EpochLens.Logs;

// Diagnosis speed: a generated per-step loss series (10 M steps by default) diagnosed end to end, with the
// time of each stage. Stages are timed by running them one by one as the diagnoser does, then the whole
// diagnosis is timed on its own; the target is the whole diagnosis within 3 s on the 2-core machine.
// Usage: dotnet run -c Release -- [--steps 10000000] [--steps-per-epoch 5039] [--rounds 3] [--infer]
long steps = 10_000_000;
double perEpoch = 5039;
int rounds = 3;
bool infer = false;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--steps": steps = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--steps-per-epoch": perEpoch = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--infer": infer = true; break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}

Console.WriteLine($"Generating {steps:N0} steps, {perEpoch:0.##} per epoch ({steps / perEpoch:N0} epochs) ...");
var log = Generate(steps, perEpoch, infer);
var series = log.Series[0];
var diagnoser = BenchDiagnoser.Create();
for (int round = 1; round <= rounds; round++)
{
    var clock = Stopwatch.StartNew();
    var total = Stopwatch.StartNew();
    var stages = new List<(string Stage, double Ms)>();
    void Lap(string stage)
    {
        stages.Add((stage, clock.Elapsed.TotalMilliseconds));
        clock.Restart();
    }

    var resolution = EpochResolver.Resolve(log, series, null, infer ? BenchDiagnoser.Inference : null);
    Lap(infer ? "epochs (inferred)" : "epochs (from the log)");
    var structure = resolution.Structure ?? throw new InvalidOperationException(resolution.Explanation);
    var signal = SignalPreparation.Prepare(series, structure);
    Lap("prepare (trend, robust z)");
    var profile = PhaseProfile.Fold(signal);
    Lap("fold (phase profile)");
    _ = BoundaryEventStudy.Measure(signal, profile).ToList();
    _ = EdgeAnomalies.Measure(profile).ToList();
    _ = WithinEpochSlope.Measure(signal, profile);
    _ = EpochStartStep.Measure(signal);
    Lap("boundary, edge, slope, epoch-start step tests");
    _ = PositionCorrelation.Measure(profile).ToList();
    Lap("position correlation");
    _ = RunningMeanProbe.Measure(signal).ToList();
    Lap("running-mean probe");
    _ = TransientShape.Measure(signal, profile);
    _ = SpikeScan.Scan(signal);
    Lap("transient, spikes");
    double staged = total.Elapsed.TotalMilliseconds;

    var whole = Stopwatch.StartNew();
    var diagnosis = diagnoser.Diagnose(log, new DiagnosisOptions { InferEpochs = infer });
    double wholeMs = whole.Elapsed.TotalMilliseconds;
    Console.WriteLine($"round {round}: stages {string.Join(", ", stages.Select(s => $"{s.Stage} {s.Ms:0} ms"))}; sum {staged:0} ms");
    Console.WriteLine($"round {round}: full diagnosis {wholeMs:0} ms ({steps / wholeMs / 1000:0.0} M steps/s): {diagnosis.Verdict}");
}

return 0;

static TrainingLog Generate(long count, double perEpoch, bool hideEpochs)
{
    // Per-sample-like losses: softplus of a random difficulty minus a rising skill, a small recency sawtooth.
    var rng = new Random(42);
    var steps = new long[count];
    var values = new double[count];
    for (long t = 0; t < count; t++)
    {
        double skill = 3 * (1 - Math.Exp(-3.0 * t / count));
        double position = (t % (long)perEpoch) / perEpoch;
        double x = (rng.NextDouble() * 4) - 2 - skill + (0.05 * position);
        steps[t] = t;
        values[t] = x > 30 ? x : Math.Log(1 + Math.Exp(x));
    }

    var loss = new MetricSeries("loss", steps, values, role: SeriesRole.TrainLoss);
    return new TrainingLog("generated", "bench", [loss], hideEpochs ? null : new EpochHint(perEpoch, null, "generated"));
}
