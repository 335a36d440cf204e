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
        foreach (var segment in ConsoleText.HeadSegments(head))
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

    public IReadOnlyList<TrainingLog> Read(LogSource source, ReadOptions options, IProblemSink problems)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var logs = new List<TrainingLog>();
        foreach (var file in source.Files)
        {
            var reporter = new ProblemReporter(file, problems, options.Strict);
            using var lines = new ConsoleLineReader(file, options, reporter);
            var parser = new KerasLogParser(source.Files.Count == 1 ? source.Name : file, options, reporter, lines);
            while (lines.TryRead(out var segment))
            {
                parser.Parse(segment);
            }

            parser.Finish();
            if (parser.Logs.Count == 0)
            {
                throw new LogReadException(file, options.Metric is null
                    ? "no Keras training progress found (expected 'Epoch n/m' lines followed by 'k/N [=====] - loss: x' progress lines)"
                    : $"no Keras progress line shows the metric '{options.Metric}'");
            }

            logs.AddRange(parser.Logs);
        }

        return logs;
    }

    private static bool IsEpochHeader(ReadOnlySpan<char> text)
    {
        if (!text.StartsWith("Epoch "))
        {
            return false;
        }

        text = text["Epoch ".Length..];
        return ConsoleText.TryTakeDigits(ref text, out _) && text.StartsWith("/")
            && (text = text[1..]).Length > 0 && ConsoleText.TryTakeDigits(ref text, out _) && text.IsEmpty;
    }

    private static bool IsProgress(ReadOnlySpan<char> text)
    {
        if (text.StartsWith("- ") && text.Contains(" - loss: ", StringComparison.Ordinal))
        {
            return true; // TF1 verbose=2
        }

        if (!ConsoleText.TryTakeDigits(ref text, out _) || !text.StartsWith("/"))
        {
            return false;
        }

        text = text[1..];
        if (text.StartsWith("Unknown"))
        {
            text = text["Unknown".Length..];
        }
        else if (!ConsoleText.TryTakeDigits(ref text, out _))
        {
            return false;
        }

        return text.StartsWith(" [") || text.StartsWith(" ━") || text.StartsWith(" - ");
    }
}
