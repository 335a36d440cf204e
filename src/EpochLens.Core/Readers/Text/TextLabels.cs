namespace EpochLens.Readers.Text;

/// <summary>
/// What a printed label means, read from its words: "Train Epoch" is an epoch, "batch loss" and "total_loss"
/// are losses, "valid ppl" belongs to held-out data, "ms/batch" is neither a step nor a loss.
/// </summary>
internal static class TextLabels
{
    private static readonly string[] StepWords =
        ["step", "steps", "iter", "iters", "iteration", "iterations", "it", "batch", "batches", "global_step", "batch_idx", "train_step", "update", "updates"];

    private static readonly string[] HeldOutWords = ["val", "valid", "validation", "eval", "evaluation", "test", "testing", "dev"];

    private static readonly string[] StopWords = ["of", "at", "with", "for", "in", "is", "and", "the", "to", "on", "after", "was"];

    private static readonly string[] BatchSizeLabels = ["batch_size", "batch size", "bs", "batchsize", "train_batch_size"];

    /// <summary>"is" and "was" between a label and its value, as '=' would be.</summary>
    public static bool IsCopula(ReadOnlySpan<char> word) =>
        word.Equals("is", StringComparison.OrdinalIgnoreCase) || word.Equals("was", StringComparison.OrdinalIgnoreCase);

    /// <summary>Words that never belong to a label ("end of epoch 3" is the epoch 3, not the "end of epoch").</summary>
    /// <remarks>Called for every word of every line: most words are longer than any stop word.</remarks>
    public static bool IsStopWord(ReadOnlySpan<char> word) => word.Length <= 5 && IsOneOf(word, StopWords);

    /// <summary>"epoch", "Epoch", "Train Epoch", "train/epoch"; abbreviated "Ep", "ep", "train ep", and "e" as the whole label.</summary>
    public static bool IsEpoch(ReadOnlySpan<char> label)
    {
        var last = LastPiece(label);
        return (last.Equals("epoch", StringComparison.OrdinalIgnoreCase) || last.Equals("ep", StringComparison.OrdinalIgnoreCase)
            || label.Equals("e", StringComparison.OrdinalIgnoreCase)) && !HeldOutWord(label, out _, out _) && !IsEpochLength(label);
    }

    /// <summary>"Steps per epoch", "steps_per_epoch", "iter number per epoch": how long an epoch is, not which one.</summary>
    public static bool IsEpochLength(ReadOnlySpan<char> label)
    {
        var last = LastPiece(label);
        if (!last.Equals("epoch", StringComparison.OrdinalIgnoreCase) || label.Length == last.Length)
        {
            return false;
        }

        return LastPiece(label[..(label.Length - last.Length - 1)]).Equals("per", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The unit after a stated epoch length ("1 epoch = 20 batches"): a step word of four letters or more, so that
    /// "Epoch 3 it" cannot pass for one.
    /// </summary>
    public static bool IsStepUnit(ReadOnlySpan<char> word) => word.Length >= 4 && IsOneOf(word, StepWords);

    /// <summary>"gradient accumulation steps", "gradient_accumulation_steps", "accumulate_grad_batches".</summary>
    public static bool IsAccumulation(ReadOnlySpan<char> label) => label.Contains("accum", StringComparison.OrdinalIgnoreCase);

    /// <summary>"Ep" and "Epoch" before a '.' and the epoch's digits ("Ep.3"), where '.' stands for ':'.</summary>
    public static bool IsEpochBeforeDot(ReadOnlySpan<char> label) =>
        label.Equals("ep", StringComparison.OrdinalIgnoreCase) || label.Equals("epoch", StringComparison.OrdinalIgnoreCase);

    /// <summary>"step", "iter", "it", "batch", "Batch", "global_step"; not "ms/batch" or "batch_size".</summary>
    public static bool IsStep(ReadOnlySpan<char> label) => IsOneOf(label[(label.LastIndexOf(' ') + 1)..], StepWords);

    /// <summary>A label whose last piece is "loss": "loss", "Loss", "train_loss", "batch loss", "val/loss"; not "loss_cls".</summary>
    /// <remarks>Lightning's per-step copy of a metric logged on step and epoch ("train_loss_step") is a loss too.</remarks>
    public static bool IsLoss(ReadOnlySpan<char> label)
    {
        var last = LastPiece(label);
        if (last.Equals("loss", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return last.Equals("step", StringComparison.OrdinalIgnoreCase) && label.Length > last.Length
            && LastPiece(label[..(label.Length - last.Length - 1)]).Equals("loss", StringComparison.OrdinalIgnoreCase);
    }

    private static readonly string[] CrossEntropyWords = ["xent", "nll", "cross-entropy", "cross_entropy", "crossentropy"];

    /// <summary>
    /// A loss printed under another name: what it computes ("xent: 2.31" in OpenNMT, "cross-entropy=2.31" in MXNet) or
    /// the older "cost" of optimisation tutorials ("Cost: 0.693"; not a "time cost"), the "score" of Deeplearning4j
    /// ("Score at iteration 10 is 2.23", "score: 2.25"; only the label "score" alone, not "F1 score" or "val score"), or
    /// BasicSR's "l_pix": taken only where no label of the line says "loss" (the first of several).
    /// </summary>
    public static bool IsLossByAnotherName(ReadOnlySpan<char> label) =>
        IsOneOf(LastPiece(label), CrossEntropyWords) || IsOneOf(label, CrossEntropyWords)
        || label.Equals("score", StringComparison.OrdinalIgnoreCase) || IsBasicSrLoss(label)
        || (LastPiece(label).Equals("cost", StringComparison.OrdinalIgnoreCase) && !label.Contains("time", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// BasicSR's loss names (Real-ESRGAN, pyiqa and the other projects built on it): "l_pix", "l_percep", "l_g_gan",
    /// "l_mos"; one word of letters and '_' after "l_", not a rate.
    /// </summary>
    private static bool IsBasicSrLoss(ReadOnlySpan<char> label)
    {
        if (label.Length < 4 || !label.StartsWith("l_", StringComparison.Ordinal) || label.Contains("rate", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (char c in label[2..])
        {
            if (!char.IsAsciiLetterLower(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsBatchSize(ReadOnlySpan<char> label) => IsOneOf(label, BatchSizeLabels);

    /// <summary>Whether one of the label's pieces (split at spaces, '_', '/', '.', '-') says held-out data, and where.</summary>
    public static bool HeldOutWord(ReadOnlySpan<char> label, out int offset, out int length) => HeldOut(label, wholeWords: false, out offset, out length);

    /// <summary>
    /// Whether one of the words (split at spaces only) says held-out data: a line's phase ("Test set:", "Epoch(val)"),
    /// which a logger's name such as "test_runner" is not.
    /// </summary>
    public static bool HeldOutPhaseWord(ReadOnlySpan<char> label, out int offset, out int length) => HeldOut(label, wholeWords: true, out offset, out length);

    private static bool HeldOut(ReadOnlySpan<char> label, bool wholeWords, out int offset, out int length)
    {
        int start = 0;
        for (int i = 0; i <= label.Length; i++)
        {
            if (i < label.Length && !(wholeWords ? label[i] == ' ' : IsPieceSeparator(label[i])))
            {
                continue;
            }

            if (IsOneOf(label[start..i], HeldOutWords))
            {
                offset = start;
                length = i - start;
                return true;
            }

            start = i + 1;
        }

        offset = 0;
        length = 0;
        return false;
    }

    /// <summary>Two labels name the same thing when they differ only in case and in ' ', '-' against '_'.</summary>
    public static bool SameName(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Length; i++)
        {
            if (Normal(a[i]) != Normal(b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A character as label comparison sees it.</summary>
    public static char Normal(char c) => c is ' ' or '-' ? '_' : char.ToLowerInvariant(c);

    private static bool IsOneOf(ReadOnlySpan<char> text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPieceSeparator(char c) => c is ' ' or '_' or '/' or '.' or '-';

    private static ReadOnlySpan<char> LastPiece(ReadOnlySpan<char> label)
    {
        int i = label.Length - 1;
        while (i >= 0 && !IsPieceSeparator(label[i]))
        {
            i--;
        }

        return label[(i + 1)..];
    }
    /// <summary>Source files a logger names with its line number ("solver.cpp:218", "train.py:57").</summary>
    private static readonly string[] SourceExtensions = ["py", "cpp", "cc", "cxx", "c", "h", "hpp", "cu", "java", "scala", "kt", "js", "ts", "go", "rs", "lua"];

    /// <summary>
    /// Where a source location that <paramref name="word"/> (ending at <paramref name="end"/>) begins ends: a file
    /// name with a source extension, a ':' and a whole line number (and glog's ']' after it). Null for anything
    /// else, so "val.loss:0.53" stays a label and its value.
    /// </summary>
    public static int? SourceLocationEnd(ReadOnlySpan<char> line, ReadOnlySpan<char> word, int end)
    {
        int dot = word.LastIndexOf('.');
        if (dot <= 0 || end + 1 >= line.Length || line[end] != ':' || !char.IsAsciiDigit(line[end + 1]))
        {
            return null;
        }

        var extension = word[(dot + 1)..];
        bool source = false;
        foreach (string known in SourceExtensions)
        {
            source |= extension.Equals(known, StringComparison.OrdinalIgnoreCase);
        }

        int i = end + 1;
        while (i < line.Length && char.IsAsciiDigit(line[i]))
        {
            i++;
        }

        if (!source || (i < line.Length && line[i] == '.'))
        {
            return null;
        }

        return i < line.Length && line[i] == ']' ? i + 1 : i;
    }
}
