namespace EpochLens.Core.Tests.Analysis;

/// <summary>How the loss falls over the run.</summary>
internal enum TrendShape
{
    Flat,
    Exponential,
    Linear,

    /// <summary>Ten times the final loss at first, most of it gone within the first 3% of the run.</summary>
    FastEarlyDrop,
}

/// <summary>The noise on each step's loss.</summary>
internal enum NoiseKind
{
    /// <summary>Normal in log space: positive, right-skewed per-step losses.</summary>
    LogNormal,

    /// <summary>Student-t added to the loss (values can go negative, so the search works on the values themselves).</summary>
    StudentT,

    /// <summary>AR(1) noise in log space: slow wandering.</summary>
    AutoRegressive,
}

/// <summary>Epoch-aligned structure planted in a synthetic run.</summary>
internal enum PlantedShape
{
    None,

    /// <summary>One step per epoch raised by the strength.</summary>
    Spike,

    /// <summary>One step per epoch moved up or down by the strength, at random.</summary>
    RandomSignSpike,

    /// <summary>Rises through the epoch by the strength and drops at the boundary (recency).</summary>
    Sawtooth,

    /// <summary>The logged value is the mean of the epoch's losses so far, reset at each boundary.</summary>
    RunningMean,

    /// <summary>A fixed random offset per position in the epoch, the same every epoch (no reshuffling).</summary>
    FixedOrder,
}

/// <summary>A recipe for a synthetic loss log. Strength is in noise standard deviations (log space for log-normal noise).</summary>
internal sealed record LossRecipe
{
    public int Points { get; init; } = 10_000;

    /// <summary>Steps between logged points.</summary>
    public long Stride { get; init; } = 1;

    public long FirstStep { get; init; }

    public long StepsPerEpoch { get; init; }

    public TrendShape Trend { get; init; } = TrendShape.Exponential;

    public NoiseKind Noise { get; init; } = NoiseKind.LogNormal;

    /// <summary>Noise standard deviation (log space for log-normal and AR(1), value space for Student-t).</summary>
    public double NoiseScale { get; init; } = 0.5;

    public double StudentDegreesOfFreedom { get; init; } = 3;

    public double Autocorrelation { get; init; } = 0.9;

    /// <summary>Isolated spikes at random steps, not aligned to anything.</summary>
    public int RandomSpikes { get; init; }

    /// <summary>Their height in noise standard deviations.</summary>
    public double RandomSpikeHeight { get; init; } = 20;

    public PlantedShape Planted { get; init; }

    public double Strength { get; init; } = 3;

    /// <summary>Where in the epoch a planted spike sits, in steps.</summary>
    public long SpikePosition { get; init; }

    /// <summary>Every this many logged points the value is NaN (0: none).</summary>
    public int NaNEvery { get; init; }

    public int Seed { get; init; } = 1;
}

/// <summary>Generates loss logs from a <see cref="LossRecipe"/>, reproducibly from its seed.</summary>
internal static class SyntheticLoss
{
    public static (long[] Steps, double[] Values) Generate(LossRecipe recipe)
    {
        var random = new Random(recipe.Seed);
        long span = (recipe.Points - 1) * recipe.Stride + 1;
        var steps = new long[recipe.Points];
        var values = new double[recipe.Points];
        double[] pattern = recipe.Planted == PlantedShape.FixedOrder
            ? Enumerable.Range(0, (int)recipe.StepsPerEpoch).Select(_ => Normal(random)).ToArray()
            : [];
        var randomSpikes = new HashSet<long>();
        while (randomSpikes.Count < recipe.RandomSpikes)
        {
            randomSpikes.Add(random.NextInt64(span));
        }

        double ar = 0, runningSum = 0;
        long runningCount = 0, epochSign = 1, lastEpoch = -1;
        int point = 0;
        for (long s = 0; s < span && point < recipe.Points; s++)
        {
            long step = recipe.FirstStep + s;
            double trend = Trend(recipe.Trend, s / (double)span);
            double noise = recipe.Noise switch
            {
                NoiseKind.LogNormal => recipe.NoiseScale * Normal(random),
                NoiseKind.StudentT => recipe.NoiseScale * StudentT(random, recipe.StudentDegreesOfFreedom),
                _ => ar = (recipe.Autocorrelation * ar) + (recipe.NoiseScale * Math.Sqrt(1 - (recipe.Autocorrelation * recipe.Autocorrelation)) * Normal(random)),
            };

            double planted = 0;
            long epoch = -1, position = 0;
            if (recipe.StepsPerEpoch > 0)
            {
                epoch = step / recipe.StepsPerEpoch;
                position = step % recipe.StepsPerEpoch;
                if (epoch != lastEpoch)
                {
                    epochSign = random.Next(2) == 0 ? -1 : 1;
                    lastEpoch = epoch;
                    runningSum = 0;
                    runningCount = 0;
                }

                double unit = recipe.Strength * recipe.NoiseScale;
                planted = recipe.Planted switch
                {
                    PlantedShape.Spike => position == recipe.SpikePosition ? unit : 0,
                    PlantedShape.RandomSignSpike => position == recipe.SpikePosition ? epochSign * unit : 0,
                    PlantedShape.Sawtooth => unit * ((position / (double)recipe.StepsPerEpoch) - 0.5),
                    PlantedShape.FixedOrder => unit * pattern[position],
                    _ => 0,
                };
            }

            if (randomSpikes.Contains(s))
            {
                planted += recipe.RandomSpikeHeight * recipe.NoiseScale;
            }

            double loss = recipe.Noise == NoiseKind.StudentT
                ? trend + noise + planted
                : trend * Math.Exp(noise + planted);
            runningSum += loss;
            runningCount++;
            if (s % recipe.Stride != 0)
            {
                continue;
            }

            steps[point] = step;
            values[point] = recipe.Planted == PlantedShape.RunningMean ? runningSum / runningCount : loss;
            if (recipe.NaNEvery > 0 && point % recipe.NaNEvery == recipe.NaNEvery - 1)
            {
                values[point] = double.NaN;
            }

            point++;
        }

        return (steps, values);
    }

    private static double Trend(TrendShape shape, double progress) => shape switch
    {
        TrendShape.Flat => 1,
        TrendShape.Exponential => 0.3 + (2.0 * Math.Exp(-4 * progress)),
        TrendShape.Linear => 2.5 - (1.5 * progress),
        _ => 0.4 + (3.6 * Math.Exp(-progress / 0.01)),
    };

    public static double Normal(Random random)
    {
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static double StudentT(Random random, double degreesOfFreedom)
    {
        // Normal over the root of a chi-square / df (the chi-square as a sum of squared normals, df whole).
        int df = (int)Math.Round(degreesOfFreedom);
        double chi = 0;
        for (int i = 0; i < df; i++)
        {
            double z = Normal(random);
            chi += z * z;
        }

        return Normal(random) / Math.Sqrt(chi / df);
    }
}
