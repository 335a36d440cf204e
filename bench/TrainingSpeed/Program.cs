using System.Runtime.InteropServices;
using EpochLens.Bench.TrainingSpeed;
using EpochLens.Torch.Native;
using EpochLens.Torch.Telemetry;

BenchOptions o;
try
{
    o = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}\n\n{BenchOptions.Usage}");
    return 2;
}

if (o.Help)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

TorchRuntime.EnsureLoaded();
using var data = BenchData.Load(o.DataDirectory);
if (o.Steps > data.Split.Train.Count)
{
    Console.Error.WriteLine($"error: --steps {o.Steps} is more than the {data.Split.Train.Count} training images of {data.Split.Description}; pass a smaller --steps or --data with a larger set");
    return 2;
}

Console.Error.WriteLine($"Data: {data.Split.Description}");
PyTorchBaseline? pytorch = null;
try
{
    if (!o.SkipPyTorch)
    {
        Console.Error.WriteLine($"Starting the PyTorch side ({o.Python}) and warming it up ...");
        pytorch = PyTorchBaseline.Start(o.Python, o, data.Directory);
    }

    using var epochLens = new EpochLensSide(data.Split, o);
    Console.Error.WriteLine("Warming up EpochLens ...");
    epochLens.WarmUp();

    // Each round runs every measurement once, starting at a different one each round, so a slow
    // stretch of the machine (another build) is spread over the sides instead of hitting one.
    var measurements = new List<string> { "off", "on", "every" };
    if (pytorch is not null)
    {
        measurements.Insert(0, "pytorch");
    }

    var results = measurements.ToDictionary(m => m, _ => new List<double>());
    var cpu = measurements.ToDictionary(m => m, _ => new List<double>());
    var overhead = new List<double>();
    var overheadEvery = new List<double>();
    var direct = measurements.ToDictionary(m => m, _ => new List<double>());
    for (int round = 0; round < o.Rounds; round++)
    {
        for (int k = 0; k < measurements.Count; k++)
        {
            var m = measurements[(round + k) % measurements.Count];
            if (m == "pytorch")
            {
                results[m].Add(pytorch!.RunRound());
                continue;
            }

            var timed = epochLens.RunRound(m switch
            {
                "off" => null,
                "on" => NormSchedule.Sampled,
                _ => NormSchedule.EveryStep,
            });
            results[m].Add(timed.StepsPerSecond);
            cpu[m].Add(timed.CpuMicrosecondsPerStep);
            direct[m].Add(timed.TelemetryPercent);
        }

        overhead.Add(BenchResults.Overhead(cpu["off"][^1], cpu["on"][^1]));
        overheadEvery.Add(BenchResults.Overhead(cpu["off"][^1], cpu["every"][^1]));
        Console.Error.WriteLine(
            $"round {round + 1}/{o.Rounds}: " + string.Join(", ", measurements.Select(m => $"{m} {results[m][^1]:F1}")) + $" steps/s; overhead {overhead[^1]:F1} %");
    }

    var summary = new BenchResults
    {
        Date = DateTimeOffset.Now,
        Steps = o.Steps,
        Rounds = o.Rounds,
        Threads = o.Threads,
        Warmup = o.Warmup,
        Cores = Environment.ProcessorCount,
        Data = data.Split.Description,
        Runtime = $"{RuntimeInformation.FrameworkDescription}, TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version}, libtorch {TorchSharp.torch.__version__}",
        PyTorchVersion = pytorch?.Version,
        PyTorch = pytorch is null ? null : Spread.Of(results["pytorch"]),
        TelemetryOff = Spread.Of(results["off"]),
        TelemetryOn = Spread.Of(results["on"]),
        OverheadPercent = Spread.Of(overhead),
        TelemetryEveryStepNorms = Spread.Of(results["every"]),
        OverheadEveryStepNormsPercent = Spread.Of(overheadEvery),
        DirectTelemetryPercent = Spread.Of(direct["on"]),
        DirectTelemetryEveryStepNormsPercent = Spread.Of(direct["every"]),
    };
    summary.PrintTable(Console.Out);
    if (o.JsonPath is not null)
    {
        summary.WriteJson(o.JsonPath);
        Console.WriteLine($"\nResults written to {o.JsonPath}");
    }
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
finally
{
    pytorch?.Dispose();
}

if (o.ProbeTelemetry)
{
    TelemetryCostProbe.Run(data.Split, o, Console.Out);
}

return 0;
