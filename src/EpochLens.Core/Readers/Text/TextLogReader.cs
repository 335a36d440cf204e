using EpochLens.Logs;
using EpochLens.Readers.Input;
using EpochLens.Settings;

namespace EpochLens.Readers.Text;

/// <summary>
/// Free-form printed training logs: any text whose lines show an epoch number (or a labelled step counter) and a loss, whatever else they
/// show and in whatever template ("[epoch 2/10] step 340/1250 loss=0.51", "Train Epoch: 1 [640/60000 (1%)]\tLoss: 2.29",
/// "| epoch 1 | 200/ 2983 batches | ... | loss 7.63", tqdm bars, the Hugging Face Trainer's printed dicts), also
/// inside Markdown, CI output or after pages of other output. The fallback for text no other reader claims.
/// </summary>
public sealed class TextLogReader : ILogReader
{
    public static readonly TextLogReader Default = new();

    /// <summary>A window needs this many training lines to be taken for a log (one line in prose is not a log).</summary>
    private const int LinesToRecognise = 2;

    private TextLogReader()
    {
    }

    public string Format => "text";

    public string Description => "printed training lines with an epoch number or a step counter and a loss, in any text ('epoch 3 step 120/500 loss=0.73', 'Train Epoch: 1 [640/60000 (1%)] Loss: 2.29', 'iter: 19 total_loss: 2.3', tqdm bars, Hugging Face dicts)";

    public bool RecognisesLinesAnywhere => true;

    public bool Recognises(string path, ReadOnlySpan<byte> head)
    {
        if (head.Contains((byte)0)) return false; // binary
        var parser = new TextLogParser(ReadOptions.Default, new ProblemReporter(path, IgnoredProblems.Instance, strict: false));
        foreach (var segment in ConsoleLineReader.Segments(head))
        {
            parser.Parse(segment, null);
            if (parser.TrainingLines >= LinesToRecognise || parser.LossFreeLines >= LinesToRecognise) return true;
        }

        return false;
    }

    public string GroupKey(string path) => path;

    /// <summary>The first value that could be a loss: not a timing, a rate or a memory figure.</summary>
    private static string Example(IReadOnlyList<string> labels) =>
        labels.FirstOrDefault(l => !TimingWords.Any(w => l.Contains(w, StringComparison.OrdinalIgnoreCase))) ?? labels[0];

    private static readonly string[] TimingWords = ["time", "data", "eta", "lr", "rate", "speed", "mem", "/s", "sec"];

    public IReadOnlyList<TrainingLog> Read(LogSource source, ReadOptions options, IProblemSink problems) =>
        ConsoleLineReader.ReadEach(source, options, problems, (name, file, reporter, lines) =>
        {
            var parser = new TextLogParser(options, reporter);
            while (!parser.IsFull && lines.TryRead(out var segment)) parser.Parse(segment, lines);
            var read = new TextLogBuilder(name, options, reporter, parser).Build();
            if (read.Count == 0 && parser.TrainingLines == 0 && parser.LossFreeLines > 0 && options.Metric is null)
            {
                throw new LogReadException(file,
                    $"{parser.LossFreeLines:N0} printed line(s) show an epoch or a step counter, but none labels a loss; the values they show are " +
                    $"{string.Join(", ", parser.LossFreeLabels.Select(l => ProblemReporter.Quote(l)))}: name the one to diagnose with {options.Spell(Setting.Metric)} (for example {options.Spell(new SettingHint(Setting.Metric, ProblemReporter.Quote(Example(parser.LossFreeLabels))))})");
            }

            return read.Count > 0 ? read : throw new LogReadException(file, options.Metric is null
                ? "no printed training lines found (looked for lines with an epoch number or a step counter and a loss, e.g. 'epoch 3 step 120/500 loss=0.73' or 'iter 200: loss 2.31')"
                : $"no printed line shows an epoch number or a step counter and the metric '{options.Metric}'");
        });
}
