namespace EpochLens.Readers.Text;

/// <summary>
/// An epoch length a log states ("1 epoch = 20 batches", "Steps per epoch: 1487"), or a gradient accumulation it prints
/// (which makes a stated number of batches no number of steps), with its line, shortened for notes.
/// </summary>
internal readonly record struct StatedEpochLength(long Value, long Line, string Text);
