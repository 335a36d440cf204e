namespace EpochLens.Synthetic.Internals;

/// <summary>One seeded stream of random draws (uniform, Gaussian, gamma, Student-t) over <see cref="Random"/>.</summary>
internal sealed class RandomStream
{
    private readonly Random _random;
    private double _spare;
    private bool _hasSpare;

    public RandomStream(int seed) => _random = new Random(seed);

    public double Uniform() => _random.NextDouble();

    public int Below(int count) => _random.Next(count);

    /// <summary>A standard normal draw (Marsaglia's polar method; the second value of each pair is kept).</summary>
    public double Gaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }

        double u, v, s;
        do
        {
            u = (2 * _random.NextDouble()) - 1;
            v = (2 * _random.NextDouble()) - 1;
            s = (u * u) + (v * v);
        }
        while (s >= 1 || s == 0);

        double factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spare = v * factor;
        _hasSpare = true;
        return u * factor;
    }

    /// <summary>A Gamma(shape, 1) draw (Marsaglia and Tsang; shapes below 1 boosted by U^(1/shape)).</summary>
    public double Gamma(double shape)
    {
        if (shape < 1)
        {
            return Gamma(shape + 1) * Math.Pow(1 - Uniform(), 1 / shape);
        }

        double d = shape - (1.0 / 3), c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Gaussian();
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            double u = 1 - Uniform();
            if (Math.Log(u) < (0.5 * x * x) + (d * (1 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }

    /// <summary>A Student-t draw with <paramref name="df"/> degrees of freedom.</summary>
    public double StudentT(double df) => Gaussian() / Math.Sqrt(2 * Gamma(df / 2) / df);

    /// <summary>A seed for a further, independent stream.</summary>
    public int NextSeed() => _random.Next();
}
