namespace EpochLens.Readers.Text;

/// <summary>What the fields of one line template mean, worked out on its first line and reused for the others.</summary>
/// <param name="Epoch">The epoch field, or -1.</param>
/// <param name="Step">The step counter, or -1.</param>
/// <param name="Loss">The training loss (or the metric asked for), or -1.</param>
/// <param name="IsDict">A printed Python dict, as the Hugging Face Trainer prints its logs.</param>
/// <param name="IsHeader">An epoch alone ("Epoch 3/10"): it gives its epoch to the lines under it.</param>
/// <param name="IsTraining">A training loss is shown (a training line when an epoch is known).</param>
/// <param name="IsLossFree">
/// An epoch or a labelled step counter with other values but no loss label ("(epoch: 1, iters: 100) G_GAN: 1.2 D_real: 0.5"):
/// counted, so that a file of such lines is recognised and refused with the names to pick from with --metric.
/// </param>
/// <param name="IsHeldOut">A validation or test loss is shown.</param>
/// <param name="BatchSizeField">A value labelled as the batch size, or -1.</param>
/// <param name="EpochLengthField">A value labelled as an epoch's length ("steps_per_epoch=20"), or -1.</param>
/// <param name="AccumulationField">A gradient accumulation factor ("gradient accumulation steps: 32"), or -1.</param>
internal sealed record LineTemplate(int Epoch, int Step, int Loss, bool IsDict, bool IsHeader, bool IsTraining, bool IsLossFree,
    bool IsHeldOut, int BatchSizeField, int EpochLengthField, int AccumulationField)
{
    public const int NoShapeYet = -2;

    /// <summary>How many loss-free lines of this template were read.</summary>
    public int LossFreeCount { get; set; }

    /// <summary>Label ids per field for a training line: value and average, two per field, -1 where not kept.</summary>
    public int[]? TrainingIds { get; set; }

    /// <summary>Label ids per field for a held-out line.</summary>
    public int[]? HeldOutIds { get; set; }

    /// <summary>The training shape, once the first training line of this template was kept; -1 past the limit.</summary>
    public int Shape { get; set; } = NoShapeYet;
}
