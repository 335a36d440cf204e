namespace EpochLens.Diagnosis;

/// <summary>The causes of epoch-aligned structure that EpochLens tells apart (MISSION.md's table), plus "none".</summary>
public enum CauseId
{
    /// <summary>No epoch-aligned structure: a result, not a failure.</summary>
    None,

    /// <summary>The logged value is the running mean of the epoch so far, reset at each epoch.</summary>
    RunningMeanLogging,

    /// <summary>A smaller last batch whose loss is summed or averaged differently.</summary>
    PartialLastBatch,

    /// <summary>The same sample order every epoch.</summary>
    FixedOrder,

    /// <summary>The optimizer (its moments and step count) rebuilt at each epoch.</summary>
    OptimizerReset,

    /// <summary>The learning rate changes at epoch boundaries.</summary>
    LrSchedule,

    /// <summary>Weights reloaded at a boundary.</summary>
    StateReload,

    /// <summary>Reshuffled data with a model that remembers recent samples: a sawtooth.</summary>
    Recency,

    /// <summary>A short last gradient-accumulation group stepped with the wrong scale, skipped or leaked.</summary>
    GradAccumulationLeftover,

    /// <summary>Significant structure at the boundary that matches none of the known causes.</summary>
    EpochAlignedUnexplained,
}
