namespace EpochLens.Readers.Text;

/// <summary>What the fields of one line template mean, worked out on its first line and reused for the others.</summary>
internal sealed class LineTemplate
{
    public const int NoShapeYet = -2;

    public int Epoch { get; init; }

    public int Step { get; init; }

    public int Loss { get; init; }

    public bool IsDict { get; init; }

    /// <summary>An epoch alone ("Epoch 3/10"): it gives its epoch to the lines under it.</summary>
    public bool IsHeader { get; init; }

    /// <summary>A training loss is shown (a training line when an epoch is known).</summary>
    public bool IsTraining { get; init; }

    /// <summary>
    /// An epoch or a labelled step counter with other values but no loss label ("(epoch: 1, iters: 100) G_GAN: 1.2 D_real: 0.5"):
    /// counted, so that a file of such lines is recognised and refused with the names to pick from with --metric.
    /// </summary>
    public bool IsLossFree { get; init; }

    /// <summary>How many loss-free lines of this template were read.</summary>
    public int LossFreeCount { get; set; }

    /// <summary>A validation or test loss is shown.</summary>
    public bool IsHeldOut { get; init; }

    public int BatchSizeField { get; init; }

    /// <summary>A value labelled as an epoch's length ("steps_per_epoch=20"), or -1.</summary>
    public int EpochLengthField { get; init; } = -1;

    /// <summary>A gradient accumulation factor ("gradient accumulation steps: 32"), or -1.</summary>
    public int AccumulationField { get; init; } = -1;

    /// <summary>Label ids per field for a training line: value and average, two per field, -1 where not kept.</summary>
    public int[]? TrainingIds { get; set; }

    /// <summary>Label ids per field for a held-out line.</summary>
    public int[]? HeldOutIds { get; set; }

    /// <summary>The training shape, once the first training line of this template was kept; -1 past the limit.</summary>
    public int Shape { get; set; } = NoShapeYet;
}
