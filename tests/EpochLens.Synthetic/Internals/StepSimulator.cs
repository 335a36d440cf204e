using EpochLens.Diagnosis;

namespace EpochLens.Synthetic.Internals;

/// <summary>
/// Trains the synthetic model step by step: each sample's loss is softplus(difficulty - skill + noise), shaped by
/// the learning rate and the planted cause; a batch's loss is the mean or sum over its samples.
/// </summary>
internal sealed class StepSimulator
{
    /// <summary>Held-out samples evaluated at the end of each epoch.</summary>
    private const int HeldOutSamples = 256;

    private readonly SyntheticRunSpec _spec;
    private readonly RunGeometry _geometry;
    private readonly RandomStreams _random;

    public StepSimulator(SyntheticRunSpec spec, RunGeometry geometry, RandomStreams random)
    {
        _spec = spec;
        _geometry = geometry;
        _random = random;
    }

    public SimulatedSteps Run()
    {
        var spec = _spec;
        var logging = spec.Logging;
        int stepsPerEpoch = _geometry.StepsPerEpoch, batch = _geometry.BatchSize;
        long total = (long)stepsPerEpoch * spec.Epochs;
        var output = new SimulatedSteps(total, spec.Epochs, logging.LearningRate, logging.OptimizerStep, logging.UpdateNorm, logging.StepSamples);

        double strength = spec.Strength;
        var samples = spec.Cause == CauseId.FixedOrder ? spec.Samples with { DifficultySpread = strength * spec.Samples.NoiseScale } : spec.Samples;
        var logits = Difficulties.Draw(samples, _geometry.SamplesPerEpoch, _random.Difficulty);
        var heldOut = Difficulties.Draw(samples, HeldOutSamples, _random.HeldOut);
        var order = new SampleOrderSource(_geometry.SamplesPerEpoch, spec.Cause == CauseId.FixedOrder,
            spec.Sampling == SamplingKind.WithReplacement, _random.Order);
        var rates = new LearningRateCurve(spec.LearningRate, spec.CauseOptions.LrPattern, StrengthOf(CauseId.LrSchedule), stepsPerEpoch, total);
        var clock = new ProgressClock(spec.Epochs, StrengthOf(CauseId.StateReload));
        var noise = new VisitNoise(spec.Noise, _random.VisitNoise, _random.ExtraNoise);
        var boundary = new BoundaryLossEffects(spec, _geometry, _random.Cause);
        var optimizer = new OptimizerTrace(spec, _geometry, logging.UpdateNorm ? _random.UpdateNorm : null);
        double memory = StrengthOf(CauseId.Recency);
        var traces = memory > 0 ? new MemoryTraces(_geometry.SamplesPerEpoch, memory, spec.CauseOptions.MemoryEpochs * stepsPerEpoch) : null;

        var lr = spec.LearningRate;
        double fullGain = Math.Max(spec.Skill.FullGain, 1e-9);
        double spikeRate = spec.Noise.SpikeRate;
        bool mean = spec.Reduction == BatchReduction.Mean;
        for (int epoch = 0; epoch < spec.Epochs; epoch++)
        {
            var ids = order.NextEpoch();
            double undone = clock.BeginEpoch(epoch);
            boundary.BeginEpoch(epoch);
            optimizer.BeginEpoch(epoch);
            double rate = 1, skill = 0;
            for (int position = 0; position < stepsPerEpoch; position++)
            {
                long step = ((long)epoch * stepsPerEpoch) + position;
                rate = rates.At(step, epoch, position);
                skill = spec.Skill.At(clock.Progress / total);

                double offset = FloorOffset(lr, rate, skill, fullGain) - skill;
                double sigma = samples.NoiseScale * Math.Sqrt(1 - lr.NoiseShare + (lr.NoiseShare * rate));
                noise.NextStep();
                int count = _geometry.BatchLength(position), start = position * batch;
                double sum = 0;
                for (int j = 0; j < count; j++)
                {
                    int id = ids[start + j];
                    double x = logits[id] + offset + noise.Logit(sigma);
                    if (traces is not null)
                    {
                        x -= traces.Visit(id, step);
                    }

                    sum += Difficulties.Softplus(x) * noise.LossFactor();
                }

                double loss = (mean ? sum / count : sum) * boundary.LossFactor(epoch, position);
                if (spikeRate > 0 && _random.Spikes.Uniform() < spikeRate)
                {
                    loss *= Math.Exp(spec.Noise.SpikeLogSize * (0.5 + _random.Spikes.Uniform()));
                }

                output.Loss[step] = loss;
                double norm = optimizer.Step(epoch, position, rate, position == 0 ? undone : 0);
                Record(output, step, ids, start, count, lr.BaseRate * rate, optimizer.Count, norm);
                clock.Advance(rate);
            }

            skill = spec.Skill.At(clock.Progress / total);
            output.HeldOutLoss[epoch] = HeldOutLoss(heldOut, samples.HeldOutTransfer * skill, FloorOffset(lr, rate, skill, fullGain));
        }

        return output;
    }

    /// <summary>Near convergence a higher rate holds the loss above its floor; early on nothing is near a floor.</summary>
    private static double FloorOffset(LrPlan lr, double rate, double skill, double fullGain) =>
        lr.NoiseFloor * (rate - 1) * Math.Min(1, 2 * skill / fullGain);

    private double StrengthOf(CauseId cause) => _spec.Cause == cause ? _spec.Strength : 0;

    private static void Record(SimulatedSteps output, long step, int[] ids, int start, int count, double rate, long optimizerStep, double norm)
    {
        if (output.Rate is not null)
        {
            output.Rate[step] = rate;
        }

        if (output.OptimizerStep is not null)
        {
            output.OptimizerStep[step] = optimizerStep;
        }

        if (output.UpdateNorm is not null)
        {
            output.UpdateNorm[step] = norm;
        }

        if (output.Ids is not null)
        {
            output.Ids[step] = ids.AsSpan(start, count).ToArray();
        }
    }

    private static double HeldOutLoss(double[] logits, double skill, double offset)
    {
        double sum = 0;
        foreach (var logit in logits)
        {
            sum += Difficulties.Softplus(logit - skill + offset);
        }

        return sum / logits.Length;
    }
}
