using EpochLens.Logs;
using EpochLens.Readers.Input;

namespace EpochLens.Readers.ConsoleLogs;

/// <summary>
/// OpenMMLab text logs: mmengine (MMDetection 3.x and other 2023+ OpenMMLab projects) and mmcv 1.x
/// (MMDetection 2.x), epoch- or iteration-based; "[e][i/N]" gives the epoch length.
/// </summary>
public sealed class MmEngineReader : ILogReader
{
    public static readonly MmEngineReader Default = new();

    private MmEngineReader()
    {
    }

    public string Format => "mmengine";

    public string Description => "MMEngine / MMDetection / mmcv text logs ('Epoch(train) [e][i/N] ... loss: x' lines), mmcv *.log.json and MMEngine vis_data/scalars.json";

    public bool RecognisesLinesAnywhere => true;

    public bool Recognises(string path, ReadOnlySpan<byte> head)
    {
        if (MmJsonParser.Recognises(path, head))
        {
            return true;
        }

        foreach (var segment in ConsoleLineReader.Segments(head))
        {
            // Real logs open with the environment and config dump, so the logger prefix alone is enough.
            if (MmLogPrefix.IsOpenMmLabLine(segment) || IsTrainingLine(segment))
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
            if (IsJson(file))
            {
                return [ReadJson(name, file, options, reporter, lines)];
            }

            var parser = new MmLogParser(name, options, reporter, lines);
            while (lines.TryRead(out var segment))
            {
                parser.Parse(segment);
            }

            return parser.HasPoints ? [parser.Build()] : throw new LogReadException(file, options.Metric is null
                ? "no OpenMMLab training lines found (expected 'Epoch(train) [e][i/N] ... loss: x' or 'Epoch [e][i/N] ... loss: x' lines)"
                : $"no OpenMMLab log line shows the metric '{options.Metric}'");
        });

    private static bool IsJson(string file) =>
        file.EndsWith(".log.json", StringComparison.OrdinalIgnoreCase) || Path.GetFileName(file).Equals("scalars.json", StringComparison.OrdinalIgnoreCase)
        || file.EndsWith(".log.json.gz", StringComparison.OrdinalIgnoreCase);

    private static TrainingLog ReadJson(string name, string file, ReadOptions options, ProblemReporter reporter, ConsoleLineReader lines)
    {
        var parser = new MmJsonParser(name, options, reporter, lines);
        while (lines.TryRead(out var segment))
        {
            parser.Parse(segment);
        }

        var log = parser.Build();
        if (log.Series.Count == 0)
        {
            throw new LogReadException(file, options.Metric is null
                ? "no OpenMMLab JSON log lines found (expected mmcv '{\"mode\": \"train\", \"epoch\": e, \"iter\": i, ...}' or MMEngine scalars.json '{..., \"step\": s}' lines)"
                : $"no OpenMMLab JSON log line shows the metric '{options.Metric}'");
        }

        return log;
    }

    private static bool IsTrainingLine(string line)
    {
        int at = line.IndexOf(" - INFO - ", StringComparison.Ordinal);
        var message = (at < 0 ? line : line[(at + " - INFO - ".Length)..]).AsSpan().TrimStart();
        bool byEpoch = message.StartsWith("Epoch(train)") || message.StartsWith("Epoch(val)") || message.StartsWith("Epoch [");
        int open = message.IndexOf('[');
        if (open < 0 || !(byEpoch || message.StartsWith("Iter(train)") || message.StartsWith("Iter [")))
        {
            return false; // "Epoch(train) done" has no counters
        }

        var rest = message[open..];
        return byEpoch
            ? MmLogPrefix.TryBracket(ref rest, out _, out _) && MmLogPrefix.TryBracket(ref rest, out _, out _)
            : MmLogPrefix.TryBracket(ref rest, out _, out long? total) && total is not null;
    }
}
