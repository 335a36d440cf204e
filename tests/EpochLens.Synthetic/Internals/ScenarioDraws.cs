namespace EpochLens.Synthetic.Internals;

/// <summary>Random draws for the scenario factories (ranges, log-uniform, picks).</summary>
internal sealed class ScenarioDraws
{
    private readonly Random _random;

    /// <param name="seed">The run's seed.</param>
    /// <param name="salt">Keeps the draws of different factories, and the run's own streams, apart for one seed.</param>
    public ScenarioDraws(int seed, int salt) => _random = new Random(SeedMixer.Mix(seed, salt));

    public double Uniform(double low, double high) => low + ((high - low) * _random.NextDouble());

    public double LogUniform(double low, double high) => Math.Exp(Uniform(Math.Log(low), Math.Log(high)));

    /// <summary>An integer from <paramref name="low"/> to <paramref name="high"/>, both included.</summary>
    public int Between(int low, int high) => _random.Next(low, high + 1);

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(params T[] choices) => choices[_random.Next(choices.Length)];
}
