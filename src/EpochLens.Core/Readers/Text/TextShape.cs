namespace EpochLens.Readers.Text;

/// <summary>
/// A line template: the labels of a training line in order, with the numbers abstracted. Lines of one shape
/// were printed by one print statement; the most common shape is the training loop's.
/// </summary>
/// <param name="LossLabel">The label id of the training loss the lines print.</param>
/// <param name="Counter">The kind of step counter the lines print, or null when they print none.</param>
/// <param name="HasEpoch">The lines print their epoch themselves (not only under an epoch header).</param>
/// <param name="IsDict">Printed Python dicts ("{'loss': 0.41, ..., 'epoch': 1.5}"), as the Hugging Face Trainer prints its logs.</param>
/// <param name="Example">The first line of this shape, shortened, for messages.</param>
internal sealed record TextShape(int LossLabel, TextFieldKind? Counter, bool HasEpoch, bool IsDict, string Example)
{
    /// <summary>
    /// How strongly the shape claims to be the training loop's progress line: its line count, doubled when it
    /// prints a step counter and again when it prints its epoch. A loop that prints sub-losses on lines of their own
    /// ("cos_sim_loss 0.29 (0.29)") beside its "Epoch: [3][120/250] ... Loss 5.2 (5.1)" line prints them more
    /// often, but they are side prints.
    /// </summary>
    public long Weight => (long)Lines * (Counter is null ? 1 : 2) * (HasEpoch ? 2 : 1);

    public int Lines { get; set; }
}
