namespace EpochLens.Readers.Text;

/// <summary>What a number in a printed line is, as far as its spelling tells.</summary>
internal enum TextFieldKind
{
    /// <summary>"loss=0.51", "lr 3e-4", "'loss': 0.41".</summary>
    Value,

    /// <summary>"340/1250", "[120/500]", "Epoch [3/10]": a position and, after the slash, its total.</summary>
    Counter,

    /// <summary>"[640/60000 (1%)]": PyTorch's MNIST example counts samples, not steps.</summary>
    SampleCounter,
}

/// <summary>
/// One labelled number of a line, its label kept as a range of the line so that tokenizing allocates nothing (length 0
/// for an unlabelled counter, "[120/500]"). <paramref name="Value"/> is a counter's position, <paramref name="Total"/>
/// its total or -1, <paramref name="Average"/> a running average printed after the value ("0.7340 (0.8123)") or NaN.
/// </summary>
internal readonly record struct TextField(int LabelStart, int LabelLength, TextFieldKind Kind, double Value, long Total, double Average)
{
    public ReadOnlySpan<char> Label(ReadOnlySpan<char> line) => line.Slice(LabelStart, LabelLength);

    public bool HasAverage => !double.IsNaN(Average);
}
