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
/// One labelled number of a line, its label a range of the line so that tokenizing allocates nothing (empty for an
/// unlabelled counter). Value is a counter's position; Total a counter's total or -1; Average the running average
/// printed after a value ("0.7340 (0.8123)") or NaN.
/// </summary>
internal readonly record struct TextField(int LabelStart, int LabelLength, TextFieldKind Kind, double Value, long Total, double Average)
{
    public ReadOnlySpan<char> Label(ReadOnlySpan<char> line) => line.Slice(LabelStart, LabelLength);

    public bool HasAverage => !double.IsNaN(Average);
}
