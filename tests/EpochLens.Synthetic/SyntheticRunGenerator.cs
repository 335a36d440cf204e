using System.Globalization;
using EpochLens.Diagnosis;
using EpochLens.Synthetic.Internals;

namespace EpochLens.Synthetic;

/// <summary>Generates a synthetic training log with its planted cause; the same spec and seed give the same log.</summary>
public static class SyntheticRunGenerator
{
    public static SyntheticRun Generate(SyntheticRunSpec spec, int seed)
    {
        SpecChecks.Validate(spec);
        var geometry = RunGeometry.Resolve(spec);
        var steps = new StepSimulator(spec, geometry, new RandomStreams(seed)).Run();
        var starts = Enumerable.Range(0, spec.Epochs).Select(e => ((long)e * geometry.StepsPerEpoch) + spec.Logging.FirstStep).ToArray();
        var truth = new PlantedTruth(spec.Cause, spec.Strength, geometry.SamplesPerEpoch, geometry.StepsPerEpoch, geometry.LastBatchSize, starts);
        string description = Describe(spec, geometry, seed);
        var log = new Internals.LogAssembler(spec, geometry, steps).Build($"synthetic seed {seed}: {description}", starts);
        return new SyntheticRun(log, truth, steps.Loss, description);
    }

    private static string Describe(SyntheticRunSpec spec, RunGeometry geometry, int seed)
    {
        var c = CultureInfo.InvariantCulture;
        string cause = spec.Cause == CauseId.None ? "none" : string.Create(c, $"{spec.Cause.ToId()} {spec.Strength:0.###}");
        string scenario = spec.Scenario.Length == 0 ? "" : $" [{spec.Scenario}]";
        string batches = geometry.BatchSize == 1 ? "" : string.Create(c, $", batch {geometry.BatchSize} ({spec.Reduction.ToString().ToLowerInvariant()}, last {geometry.LastBatchSize})");
        string accumulation = geometry.Accumulation == 1 ? "" : string.Create(c, $", accumulation {geometry.Accumulation}");
        string order = spec.Cause == CauseId.FixedOrder ? "fixed order" : spec.Sampling == SamplingKind.WithReplacement ? "with replacement" : "reshuffled";
        string noise = spec.Noise.Kind.ToString().ToLowerInvariant() + (spec.Noise.SpikeRate > 0 ? string.Create(c, $" + spikes {spec.Noise.SpikeRate:0.#####}/step") : "");
        string logging = spec.Logging.Every == 1 ? "every step" : string.Create(c, $"every {spec.Logging.Every} steps ({(spec.Logging.SparseValue == SparseValue.Last ? "last" : "mean")})");
        return string.Create(c, $"{cause}{scenario}: {geometry.SamplesPerEpoch} samples x {spec.Epochs} epochs, {geometry.StepsPerEpoch} steps/epoch{batches}{accumulation}, {order}, {noise}, lr {spec.LearningRate.Decay.ToString().ToLowerInvariant()}, logged {logging}, seed {seed}");
    }
}
