namespace EpochLens.Synthetic.Internals;

/// <summary>
/// One independent stream per part of the simulation, all from the run's seed. Separate streams keep a part's
/// draws from shifting another's: a planted cause at strength 0, or an extra series switched on, changes nothing else.
/// </summary>
internal sealed class RandomStreams
{
    public RandomStreams(int seed)
    {
        var root = new RandomStream(SeedMixer.Mix(seed, 0));
        Difficulty = new RandomStream(root.NextSeed());
        Order = new RandomStream(root.NextSeed());
        VisitNoise = new RandomStream(root.NextSeed());
        ExtraNoise = new RandomStream(root.NextSeed());
        Spikes = new RandomStream(root.NextSeed());
        Cause = new RandomStream(root.NextSeed());
        UpdateNorm = new RandomStream(root.NextSeed());
        HeldOut = new RandomStream(root.NextSeed());
    }

    public RandomStream Difficulty { get; }

    public RandomStream Order { get; }

    public RandomStream VisitNoise { get; }

    public RandomStream ExtraNoise { get; }

    public RandomStream Spikes { get; }

    public RandomStream Cause { get; }

    public RandomStream UpdateNorm { get; }

    public RandomStream HeldOut { get; }
}
