namespace EpochLens.Readers.Text;

/// <summary>
/// A training line template, its numbers abstracted (one print statement): the kind of step counter (null for none),
/// whether the lines print their epoch (not only under a header), whether they are printed Python dicts (the Hugging
/// Face Trainer), and the first line, shortened, for messages.
/// </summary>
internal sealed record TextShape(int LossLabel, TextFieldKind? Counter, bool HasEpoch, bool IsDict, string Example)
{
    /// <summary>
    /// How strongly the shape claims to be the training loop's line: its lines, doubled for a step counter and again
    /// for an epoch. Sub-losses on lines of their own ("cos_sim_loss 0.29 (0.29)") may be printed more often.
    /// </summary>
    public long Weight => (long)Lines * (Counter is null ? 1 : 2) * (HasEpoch ? 2 : 1);

    public int Lines { get; set; }
}
