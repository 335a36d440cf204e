namespace EpochLens.Readers.Text;

/// <summary>
/// What the fields of one line template mean (field indices, -1 where none), worked out on its first line. A header
/// is an epoch alone ("Epoch 3/10") that gives its epoch to the lines under it; a training line shows a training
/// loss; a held-out line a validation or test loss. A loss-free line shows an epoch or a labelled step counter and
/// other values but no loss ("(epoch: 1, iters: 100) G_GAN: 1.2"): counted, so that a file of them is recognised and
/// refused with the names to pick from with --metric.
/// </summary>
internal sealed record LineTemplate(int Epoch, int Step, int Loss, bool IsDict, bool IsHeader, bool IsTraining, bool IsLossFree,
    bool IsHeldOut, int BatchSizeField, int EpochLengthField, int AccumulationField)
{
    public int LossFreeCount { get; set; }

    /// <summary>Label ids per field for a training line: value and average, two per field, -1 where not kept.</summary>
    public int[]? TrainingIds { get; set; }

    public int[]? HeldOutIds { get; set; }

    /// <summary>The training shape, once the first training line of this template was kept; -1 past the limit.</summary>
    public int? Shape { get; set; }
}
