using EpochLens.Logs;
using EpochLens.Readers.Input;

namespace EpochLens.Readers.ConsoleLogs;

/// <summary>
/// Keras <c>model.fit</c> output saved from a terminal or notebook: TF1, TF2 and Keras 3 progress bars,
/// verbose=2 epoch lines, carriage-return and backspace redraws, ANSI colours. Each fit call in the file
/// becomes its own log.
/// </summary>
public sealed class KerasReader : ILogReader
{
    public static readonly KerasReader Default = new();

    private KerasReader()
    {
    }

    public string Format => "keras";

    public string Description => "Keras model.fit console output ('Epoch n/m' and 'k/N [=====] - loss: x' lines)";

    public bool RecognisesLinesAnywhere => true;

    public bool Recognises(string path, ReadOnlySpan<byte> head)
    {
        bool epochHeader = false, progress = false;
        foreach (var segment in ConsoleLineReader.Segments(head))
        {
            var text = ConsoleText.TrimQuoting(segment).TrimEnd();
            epochHeader |= IsEpochHeader(text);
            progress |= IsProgress(text);
            if (epochHeader && progress)
            {
                return true;
            }
        }

        return false;
    }

    public string GroupKey(string path) => path;

    public IReadOnlyList<TrainingLog> Read(LogSource source, ReadOptions options, IProblemSink problems) =>
        ConsoleLineReader.ReadEach(source, options, problems, (name, file, reporter, lines) =>
        {
            var parser = new KerasLogParser(name, options, reporter, lines);
            while (lines.TryRead(out var segment))
            {
                parser.Parse(segment);
            }

            parser.Finish();
            return parser.Logs.Count > 0 ? parser.Logs : throw new LogReadException(file, options.Metric is null
                ? "no Keras training progress found (expected 'Epoch n/m' lines followed by 'k/N [=====] - loss: x' progress lines)"
                : $"no Keras progress line shows the metric '{options.Metric}'");
        });

    private static bool IsEpochHeader(ReadOnlySpan<char> text)
    {
        if (!text.StartsWith("Epoch "))
        {
            return false;
        }

        text = text["Epoch ".Length..];
        return TextNumber.TryTakeDigits(ref text, out _) && text.StartsWith("/")
            && (text = text[1..]).Length > 0 && TextNumber.TryTakeDigits(ref text, out _) && text.IsEmpty;
    }

    /// <summary>A progress line, or TF1's verbose=2 epoch line.</summary>
    private static bool IsProgress(ReadOnlySpan<char> text) =>
        (text.StartsWith("- ") && text.Contains(" - loss: ", StringComparison.Ordinal)) || KerasLogParser.TryCounter(ref text, out _, out _);
}
