namespace EpochLens.Readers.ConsoleLogs;

/// <summary>
/// The printed-log readers (text, Keras, OpenMMLab): each file is read on its own, its segments fed to the format's
/// parser, and a file that gives no log is an error that says what was expected.
/// </summary>
public abstract class ConsoleLogReader : ILogReader
{
    private protected ConsoleLogReader(string format, string description) =>
        (Format, Description) = (format, description);

    public string Format { get; }

    public string Description { get; }

    public bool RecognisesLinesAnywhere => true;

    public abstract bool Recognises(string path, ReadOnlySpan<byte> head);

    public string GroupKey(string path) => path;

    public IReadOnlyList<TrainingLog> Read(LogSource source, ReadOptions options, IProblemSink problems)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var read = new List<TrainingLog>();
        foreach (var file in source.Files)
        {
            var reporter = new ProblemReporter(file, problems, options.Strict);
            using var lines = new ConsoleLineReader(file, options, reporter);
            var parser = NewParser(file, new ConsoleLogParser.Context(source.NameOf(file), options, reporter, lines));
            while (!parser.IsFull && lines.TryRead(out var segment)) parser.Parse(segment);
            var logs = parser.Finish();
            read.AddRange(logs.Count > 0 ? logs : throw new LogReadException(file, parser.NothingRead(options.Metric)));
        }

        return read;
    }

    private protected abstract ConsoleLogParser NewParser(string file, ConsoleLogParser.Context context);
}
