using System.Diagnostics;
using System.Globalization;
using EpochLens.Analysis.Periodicity;
using MathNet.Numerics;
using MathNet.Numerics.IntegralTransforms;

// FFT speed: the power spectrum |X_k|^2 of a real series, by EpochLens's own transform (PowerSpectrum) and by
// MathNet's (Fourier.ForwardReal, the real-input transform a replacement would call, and Fourier.Forward on the
// series as complex numbers; each followed by the same squaring),
// at the power-of-two sizes the epoch-length inference uses. Each round times every size on both sides,
// alternating which side goes first, so a slow stretch of the shared machine falls on both; the table shows
// the medians over rounds and the ratio (MathNet time / EpochLens time, so above 1 means EpochLens is faster).
// Usage: dotnet run -c Release -- [--from 12] [--to 21] [--rounds 7] [--min-ms 40] [--single-thread]
int from = 12, to = 21, rounds = 7;
double minMs = 40;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--from": from = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--to": to = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--min-ms": minMs = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--single-thread": Control.UseSingleThread(); break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}

Console.WriteLine($"MathNet provider: {Control.Describe().Trim().Replace(Environment.NewLine, "; ", StringComparison.Ordinal)}");
Console.WriteLine($"MathNet max degree of parallelism: {Control.MaxDegreeOfParallelism}, processors: {Environment.ProcessorCount}");

var random = new Random(20261206);
var cases = new List<Case>();
for (int bits = from; bits <= to; bits++)
{
    int size = 1 << bits;

    // The inference pads a whitened series of between half the size and the size; three quarters is typical.
    var series = new double[(3 * size / 4) + 1];
    for (int t = 0; t < series.Length; t++)
    {
        series[t] = random.NextDouble() - 0.5;
    }

    cases.Add(new Case(size, series, new PowerSpectrum(size), new double[(size / 2) + 1], new double[size + 2], new double[(size / 2) + 1], new System.Numerics.Complex[size]));
}

// Warm-up (tiered JIT, MathNet's twiddle caches), then a check that both sides compute the same thing.
foreach (var c in cases)
{
    for (int i = 0; i < 3; i++)
    {
        c.Own();
        c.MathNet();
        c.MathNetComplex();
    }

    double worst = 0;
    foreach (Action side in new Action[] { c.MathNet, c.MathNetComplex })
    {
        side();
        double scale = c.OwnPower.Max();
        for (int k = 0; k < c.OwnPower.Length; k++)
        {
            worst = Math.Max(worst, Math.Abs(c.OwnPower[k] - c.MathNetPower[k]) / scale);
        }
    }

    if (worst > 1e-9)
    {
        Console.Error.WriteLine($"size {c.Size}: the two spectra differ by {worst:E2} of the largest power");
        return 1;
    }

    c.Repeats = Math.Max(1, (int)Math.Ceiling(minMs / Math.Max(1e-3, Time(c.Own, 1))));
}

var own = cases.ToDictionary(c => c.Size, _ => new List<double>());
var mathNet = cases.ToDictionary(c => c.Size, _ => new List<double>());
var complex = cases.ToDictionary(c => c.Size, _ => new List<double>());
for (int round = 0; round < rounds; round++)
{
    foreach (var c in cases)
    {
        // Rotate which side goes first, round by round and size by size.
        var sides = new (Action Run, List<double> Times)[] { (c.Own, own[c.Size]), (c.MathNet, mathNet[c.Size]), (c.MathNetComplex, complex[c.Size]) };
        int first = (round + BitLog(c.Size)) % sides.Length;
        for (int s = 0; s < sides.Length; s++)
        {
            var side = sides[(first + s) % sides.Length];
            side.Times.Add(Time(side.Run, c.Repeats));
        }
    }

    Console.Write($"\rround {round + 1}/{rounds}");
}

Console.WriteLine();
Console.WriteLine($"medians of {rounds} rounds, ms per power spectrum; ratio = MathNet time / EpochLens time (above 1: EpochLens faster)");
Console.WriteLine($"{"size",6} {"series",10} {"EpochLens",10} {"ForwardReal",12} {"ratio",6} {"Forward",10} {"ratio",6}");
var ratios = new List<double>();
var complexRatios = new List<double>();
foreach (var c in cases)
{
    double a = Median(own[c.Size]), b = Median(mathNet[c.Size]), d = Median(complex[c.Size]);
    ratios.Add(b / a);
    complexRatios.Add(d / a);
    Console.WriteLine($"{"2^" + BitLog(c.Size),6} {c.Series.Length,10:N0} {a,10:F3} {b,12:F3} {b / a,6:F2} {d,10:F3} {d / a,6:F2}");
}

Console.WriteLine($"median ratio over sizes: ForwardReal {Median(ratios):F2}, Forward {Median(complexRatios):F2}");
return 0;

static double Time(Action action, int repeats)
{
    var clock = Stopwatch.StartNew();
    for (int i = 0; i < repeats; i++)
    {
        action();
    }

    return clock.Elapsed.TotalMilliseconds / repeats;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    int n = sorted.Length;
    return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[(n / 2) - 1] + sorted[n / 2]);
}

static int BitLog(int size) => System.Numerics.BitOperations.Log2((uint)size);

/// <summary>One size: its series, EpochLens's transform and both sides' output buffers.</summary>
internal sealed record Case(int Size, double[] Series, PowerSpectrum Spectrum, double[] OwnPower, double[] Buffer, double[] MathNetPower,
    System.Numerics.Complex[] Samples)
{
    public int Repeats { get; set; } = 1;

    public void Own() => Spectrum.Compute(Series, OwnPower);

    /// <summary>What a MathNet-based PowerSpectrum.Compute would do: pad, transform in place, square.</summary>
    public void MathNet()
    {
        Array.Clear(Buffer);
        Series.CopyTo(Buffer, 0);
        Fourier.ForwardReal(Buffer, Size, FourierOptions.NoScaling);
        for (int k = 0; k < MathNetPower.Length; k++)
        {
            double re = Buffer[2 * k], im = Buffer[(2 * k) + 1];
            MathNetPower[k] = (re * re) + (im * im);
        }
    }

    /// <summary>The same through the complex transform of the padded series (the imaginary parts zero).</summary>
    public void MathNetComplex()
    {
        Array.Clear(Samples);
        for (int t = 0; t < Series.Length; t++)
        {
            Samples[t] = new System.Numerics.Complex(Series[t], 0);
        }

        Fourier.Forward(Samples, FourierOptions.NoScaling);
        for (int k = 0; k < MathNetPower.Length; k++)
        {
            MathNetPower[k] = Samples[k].Real * Samples[k].Real + Samples[k].Imaginary * Samples[k].Imaginary;
        }
    }
}
