namespace EpochLens.Readers.Text;

/// <summary>
/// A line template: the labels of a training line in order, with the numbers abstracted. Lines of one shape
/// were printed by one print statement; the most common shape is the training loop's.
/// </summary>
internal sealed class TextShape
{
    public TextShape(int lossLabel, TextFieldKind? counter, bool isDict, string example)
    {
        LossLabel = lossLabel;
        Counter = counter;
        IsDict = isDict;
        Example = example;
    }

    /// <summary>The label id of the training loss the lines print.</summary>
    public int LossLabel { get; }

    /// <summary>The kind of step counter the lines print, or null when they print none.</summary>
    public TextFieldKind? Counter { get; }

    /// <summary>Printed Python dicts ("{'loss': 0.41, ..., 'epoch': 1.5}"), as the Hugging Face Trainer prints its logs.</summary>
    public bool IsDict { get; }

    /// <summary>The first line of this shape, shortened, for messages.</summary>
    public string Example { get; }

    public int Lines { get; set; }
}
