using EpochLens.Readers.ConsoleLogs;

namespace EpochLens.Readers.Text;

/// <summary>
/// Free-form printed training logs: lines showing an epoch number (or a labelled step counter) and a loss in any
/// template, also inside Markdown, CI output or after pages of other output. The fallback for text no other reader
/// claims.
/// </summary>
public sealed class TextLogReader : ConsoleLogReader
{
    public static readonly TextLogReader Default = new();

    private const int LinesToRecognise = 2; // one line in prose is not a log

    private TextLogReader()
        : base("text", "printed training lines with an epoch number or a step counter and a loss, in any text ('epoch 3 step 120/500 loss=0.73', 'Train Epoch: 1 [640/60000 (1%)] Loss: 2.29', 'iter: 19 total_loss: 2.3', tqdm bars, Hugging Face dicts)")
    {
    }

    public override bool Recognises(string path, ReadOnlySpan<byte> head)
    {
        if (head.Contains((byte)0)) return false; // binary
        var ignored = new ProblemReporter(path, IgnoredProblems.Instance, strict: false);
        var parser = new TextLogParser(new("", ReadOptions.Default, ignored, null));
        foreach (var segment in ConsoleLineReader.Segments(head))
        {
            parser.Parse(segment);
            if (parser.TrainingLines >= LinesToRecognise || parser.LossFreeLines >= LinesToRecognise) return true;
        }

        return false;
    }

    private protected override ConsoleLogParser NewParser(string file, ConsoleLogParser.Context context) =>
        new TextLogParser(context);
}
