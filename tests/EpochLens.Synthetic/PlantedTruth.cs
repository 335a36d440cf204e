using EpochLens.Diagnosis;

namespace EpochLens.Synthetic;

/// <summary>What was really generated: the cause and its strength, and the epoch structure in logged step numbers.</summary>
/// <param name="Cause">The planted cause (<see cref="CauseId.None"/> for a null run).</param>
/// <param name="Strength">Its strength in the cause's unit (see <see cref="SyntheticRunSpec.Strength"/>).</param>
/// <param name="SamplesPerEpoch">Samples per epoch after trimming to whole batches and groups.</param>
/// <param name="StepsPerEpoch">Batches (steps) per epoch.</param>
/// <param name="LastBatchSize">Samples in each epoch's last batch.</param>
/// <param name="EpochStartSteps">The step number of each epoch's first step, as the log numbers steps.</param>
public sealed record PlantedTruth(CauseId Cause, double Strength, int SamplesPerEpoch, int StepsPerEpoch, int LastBatchSize, IReadOnlyList<long> EpochStartSteps)
{
    /// <summary>Whether the cause acts at all (a strength of 0 plants nothing).</summary>
    public bool HasEffect => Cause != CauseId.None && Strength > 0;
}
