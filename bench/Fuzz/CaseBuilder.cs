using EpochLens.Bench.Fuzz.Mutations;

namespace EpochLens.Bench.Fuzz;

/// <summary>Builds case i from the run's seed alone: the seed log, the command variant and one to three mutations.</summary>
internal sealed class CaseBuilder(IReadOnlyList<SeedInput> seeds, int runSeed)
{
    public FuzzCase Build(int index)
    {
        var random = new Random(CaseSeed.Of(runSeed, index));
        var fuzzCase = seeds[random.Next(seeds.Count)].Instantiate(index);
        var variant = CommandVariant.All[index % CommandVariant.All.Count];
        fuzzCase.Command = variant.Command;
        fuzzCase.CommandOptions.AddRange(variant.Options);

        // Mostly one mutation, so each defect shows alone; sometimes two or three, for damage on damage.
        int count = random.Next(10) switch { < 6 => 1, < 9 => 2, _ => 3 };
        for (int i = 0; i < count; i++)
        {
            var applicable = MutationCatalog.All.Where(m => m.AppliesTo(fuzzCase)).ToList();
            if (applicable.Count == 0)
            {
                break;
            }

            var mutation = applicable[random.Next(applicable.Count)];
            mutation.Apply(fuzzCase, random);
            fuzzCase.Mutations.Add(mutation.Name);
        }

        return fuzzCase;
    }
}
