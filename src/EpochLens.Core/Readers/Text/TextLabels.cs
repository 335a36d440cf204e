using System.Collections.Frozen;
using WordSet = System.Collections.Frozen.FrozenSet<string>.AlternateLookup<System.ReadOnlySpan<char>>;

namespace EpochLens.Readers.Text;

/// <summary>
/// What a printed label means, read from its words: "Train Epoch" is an epoch, "batch loss" and "total_loss"
/// are losses, "valid ppl" belongs to held-out data, "ms/batch" is neither a step nor a loss.
/// </summary>
internal static partial class TextLabels
{
    private static readonly WordSet StepWords = Words("step", "steps", "iter", "iters", "iteration", "iterations", "it", "batch",
        "batches", "global_step", "batch_idx", "train_step", "update", "updates");

    private static readonly WordSet HeldOutWords = Words("val", "valid", "validation", "eval", "evaluation", "test", "testing", "dev");

    private static readonly WordSet StopWords = Words("of", "at", "with", "for", "in", "is", "and", "the", "to", "on", "after", "was");

    private static readonly WordSet BatchSizeLabels = Words("batch_size", "batch size", "bs", "batchsize", "train_batch_size");

    private static readonly WordSet CrossEntropyWords = Words("xent", "nll", "cross-entropy", "cross_entropy", "crossentropy");

    /// <summary>Source files a logger names with its line number ("solver.cpp:218", "train.py:57").</summary>
    private static readonly WordSet SourceExtensions =
        Words("py", "cpp", "cc", "cxx", "c", "h", "hpp", "cu", "java", "scala", "kt", "js", "ts", "go", "rs", "lua");

    /// <summary>"is" and "was" between a label and its value, as '=' would be.</summary>
    public static bool IsCopula(ReadOnlySpan<char> word) => Is(word, "is") || Is(word, "was");

    /// <summary>Words that never belong to a label ("end of epoch 3" is the epoch 3, not the "end of epoch").</summary>
    /// <remarks>Called for every word of every line: most words are longer than any stop word.</remarks>
    public static bool IsStopWord(ReadOnlySpan<char> word) => word.Length <= 5 && StopWords.Contains(word);

    /// <summary>"epoch", "Train Epoch", "train/epoch"; abbreviated "Ep", "train ep"; "e" as the whole label.</summary>
    public static bool IsEpoch(ReadOnlySpan<char> label) =>
        (IsEpochBeforeDot(LastPiece(label)) || Is(label, "e")) && !HeldOutWord(label, out _, out _) && !IsEpochLength(label);

    /// <summary>"Steps per epoch", "steps_per_epoch", "iter number per epoch": how long an epoch is, not which one.</summary>
    public static bool IsEpochLength(ReadOnlySpan<char> label) => EndsWithPieces(label, "per", "epoch");

    /// <summary>The unit in "1 epoch = 20 batches": a step word of four letters or more (not "Epoch 3 it").</summary>
    public static bool IsStepUnit(ReadOnlySpan<char> word) => word.Length >= 4 && StepWords.Contains(word);

    /// <summary>"gradient accumulation steps", "gradient_accumulation_steps", "accumulate_grad_batches".</summary>
    public static bool IsAccumulation(ReadOnlySpan<char> label) => label.Contains("accum", StringComparison.OrdinalIgnoreCase);

    /// <summary>"Ep" and "Epoch" before a '.' and the epoch's digits ("Ep.3"), where '.' stands for ':'.</summary>
    public static bool IsEpochBeforeDot(ReadOnlySpan<char> label) => Is(label, "ep") || Is(label, "epoch");

    /// <summary>"step", "iter", "it", "Batch", "global_step"; not "ms/batch" or "batch_size".</summary>
    public static bool IsStep(ReadOnlySpan<char> label) => StepWords.Contains(label[(label.LastIndexOf(' ') + 1)..]);

    /// <summary>
    /// A label whose last piece is "loss" ("Loss", "train_loss", "val/loss"; not "loss_cls"), or Lightning's per-step
    /// copy of a metric logged on step and epoch ("train_loss_step").
    /// </summary>
    public static bool IsLoss(ReadOnlySpan<char> label) => Is(LastPiece(label), "loss") || EndsWithPieces(label, "loss", "step");

    /// <summary>
    /// A loss printed under another name: what it computes ("xent: 2.31" in OpenNMT, "cross-entropy=2.31" in MXNet) or
    /// the older "cost" of optimisation tutorials ("Cost: 0.693"; not a "time cost"), the "score" of Deeplearning4j
    /// ("Score at iteration 10 is 2.23", "score: 2.25"; only the label "score" alone, not "F1 score" or "val score"), or
    /// BasicSR's "l_pix": taken only where no label of the line says "loss" (the first of several).
    /// </summary>
    public static bool IsLossByAnotherName(ReadOnlySpan<char> label) =>
        CrossEntropyWords.Contains(LastPiece(label)) || CrossEntropyWords.Contains(label) || Is(label, "score")
        || BasicSrLoss().IsMatch(label)
        || (Is(LastPiece(label), "cost") && !label.Contains("time", StringComparison.OrdinalIgnoreCase));

    /// <summary>BasicSR's loss names (and Real-ESRGAN's, pyiqa's): "l_pix", "l_percep", "l_g_gan"; no rate.</summary>
    [GeneratedRegex("^l_(?![a-z_]*rate)[a-z_]{2,}\\z")]
    private static partial Regex BasicSrLoss();

    public static bool IsBatchSize(ReadOnlySpan<char> label) => BatchSizeLabels.Contains(label);

    /// <summary>Whether one of the label's pieces (split at spaces, '_', '/', '.', '-') says held-out data, and where.</summary>
    public static bool HeldOutWord(ReadOnlySpan<char> label, out int offset, out int length) =>
        HeldOut(label, PieceSeparators, out offset, out length);

    /// <summary>
    /// Whether one of the words (split at spaces only) says held-out data: a line's phase ("Test set:", "Epoch(val)"),
    /// which a logger's name such as "test_runner" is not.
    /// </summary>
    public static bool HeldOutPhaseWord(ReadOnlySpan<char> label, out int offset, out int length) =>
        HeldOut(label, " ", out offset, out length);

    private static bool HeldOut(ReadOnlySpan<char> label, ReadOnlySpan<char> separators, out int offset, out int length)
    {
        foreach (var piece in label.SplitAny(separators))
        {
            if (!HeldOutWords.Contains(label[piece])) continue;
            (offset, length) = piece.GetOffsetAndLength(label.Length);
            return true;
        }

        (offset, length) = (0, 0);
        return false;
    }

    /// <summary>Two labels name the same thing when they differ only in case and in ' ', '-' against '_'.</summary>
    public static bool SameName(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length) return false;
        int i = 0;
        while (i < a.Length && Normal(a[i]) == Normal(b[i])) i++;
        return i == a.Length;
    }

    /// <summary>A character as label comparison sees it.</summary>
    public static char Normal(char c) => c is ' ' or '-' ? '_' : char.ToLowerInvariant(c);

    /// <summary>
    /// Where a source location starting with <paramref name="word"/> ends: a file name with a source extension, ':' and
    /// a whole line number (and glog's ']'). Null for anything else, so "val.loss:0.53" stays a label and its value.
    /// </summary>
    public static int? SourceLocationEnd(ReadOnlySpan<char> line, ReadOnlySpan<char> word, int end)
    {
        int dot = word.LastIndexOf('.');
        if (dot <= 0 || end + 1 >= line.Length || line[end] != ':' || !char.IsAsciiDigit(line[end + 1])) return null;
        int digits = line[(end + 1)..].IndexOfAnyExceptInRange('0', '9');
        int i = digits < 0 ? line.Length : end + 1 + digits;
        if (!SourceExtensions.Contains(word[(dot + 1)..]) || (i < line.Length && line[i] == '.')) return null;
        return i < line.Length && line[i] == ']' ? i + 1 : i;
    }

    private const string PieceSeparators = " _/.-";

    private static ReadOnlySpan<char> LastPiece(ReadOnlySpan<char> label) => label[(label.LastIndexOfAny(PieceSeparators) + 1)..];

    private static bool EndsWithPieces(ReadOnlySpan<char> label, string before, string last)
    {
        var piece = LastPiece(label);
        return Is(piece, last) && label.Length > piece.Length && Is(LastPiece(label[..(label.Length - piece.Length - 1)]), before);
    }

    private static bool Is(ReadOnlySpan<char> text, string word) => text.Equals(word, StringComparison.OrdinalIgnoreCase);

    private static WordSet Words(params string[] words) =>
        words.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
}
