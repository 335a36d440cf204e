namespace EpochLens.Bench.TrainingSpeed;

/// <summary>The command line of the benchmark; both sides always get the same steps, rounds, threads and warm-up.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        EpochLens.Bench.TrainingSpeed: EpochLens (TorchSharp) against PyTorch, and telemetry on against off.

        Options:
          --steps N         training steps (batch size 1) per timed round (default 5039: one epoch of the question's run)
          --rounds N        timed rounds per side (default 5)
          --threads N       CPU threads for libtorch on both sides (default 1)
          --warmup N        untimed steps on each side before the first round (default 1000)
          --python PATH     the Python that has torch (default /usr/bin/python3)
          --data DIR        IDX folder for both sides (default: the embedded subset, else
                            /usr/share/datasets/fashion-mnist)
          --json PATH       also write the results as JSON to PATH
          --no-pytorch      skip the PyTorch side (telemetry on/off only)
          --probe-telemetry after the rounds, time each part of the per-step telemetry in isolation
          --help            this text
        """;

    public int Steps { get; init; } = 5039;
    public int Rounds { get; init; } = 5;
    public int Threads { get; init; } = 1;
    public int Warmup { get; init; } = 1000;
    public string Python { get; init; } = "/usr/bin/python3";
    public string? DataDirectory { get; init; }
    public string? JsonPath { get; init; }
    public bool SkipPyTorch { get; init; }
    public bool ProbeTelemetry { get; init; }
    public bool Help { get; init; }

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> with a message fit for the user.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var o = new BenchOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Count(int min)
            {
                var name = args[i];
                var text = Value();
                return int.TryParse(text, out var n) && n >= min ? n : throw new ArgumentException($"{name} needs a whole number >= {min}, not '{text}'");
            }

            o = args[i] switch
            {
                "--steps" => o with { Steps = Count(1) },
                "--rounds" => o with { Rounds = Count(1) },
                "--threads" => o with { Threads = Count(1) },
                "--warmup" => o with { Warmup = Count(0) },
                "--python" => o with { Python = Value() },
                "--data" => o with { DataDirectory = Value() },
                "--json" => o with { JsonPath = Value() },
                "--no-pytorch" => o with { SkipPyTorch = true },
                "--probe-telemetry" => o with { ProbeTelemetry = true },
                "--help" or "-h" => o with { Help = true },
                _ => throw new ArgumentException($"unknown option '{args[i]}'"),
            };
        }

        return o;
    }
}
