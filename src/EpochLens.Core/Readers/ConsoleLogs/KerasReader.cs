namespace EpochLens.Readers.ConsoleLogs;

/// <summary>
/// Keras <c>model.fit</c> output saved from a terminal or notebook: TF1, TF2 and Keras 3 progress bars, verbose=2
/// epoch lines, carriage-return and backspace redraws, ANSI colours. Each fit call in the file becomes its own log.
/// </summary>
public sealed partial class KerasReader : ConsoleLogReader
{
    public static readonly KerasReader Default = new();

    private KerasReader()
        : base("keras", "Keras model.fit console output ('Epoch n/m' and 'k/N [=====] - loss: x' lines)")
    {
    }

    public override bool Recognises(string path, ReadOnlySpan<byte> head)
    {
        bool epochHeader = false, progress = false;
        foreach (var segment in ConsoleLineReader.Segments(head))
        {
            var text = ConsoleText.TrimQuoting(segment).TrimEnd();
            epochHeader |= EpochHeader().IsMatch(text);

            // A progress line, or TF1's verbose=2 epoch line.
            progress |= (text.StartsWith("- ") && text.Contains(" - loss: ", StringComparison.Ordinal))
                || KerasLogParser.TryCounter(ref text, out _, out _);
            if (epochHeader && progress) return true;
        }

        return false;
    }

    private protected override ConsoleLogParser NewParser(string file, ConsoleLogParser.Context context) =>
        new KerasLogParser(context);

    // The digits as TextNumber.TryTakeDigits takes them.
    [GeneratedRegex("^Epoch [0-9]{1,15}/[0-9]{1,15}$")]
    private static partial Regex EpochHeader();
}
