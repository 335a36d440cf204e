namespace EpochLens.Readers.Text;

/// <summary>
/// An epoch length a log states in words ("1 epoch = 20 batches", "Steps per epoch: 1487"), or a gradient accumulation
/// it prints (which makes a stated number of batches no number of steps).
/// </summary>
/// <param name="Value">The length, or the accumulation factor.</param>
/// <param name="Line">The line it is on.</param>
/// <param name="Text">The line, shortened, for notes.</param>
internal readonly record struct StatedEpochLength(long Value, long Line, string Text);
