namespace EpochLens.Readers.ConsoleLogs;

/// <summary>Small parsing helpers shared by the console-log readers.</summary>
internal static class ConsoleText
{
    private static readonly SearchValues<char> NameChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./-@");

    /// <summary>
    /// The line without the marks that quote program output in a document (a log pasted into notes or a README):
    /// leading blanks, knitr's "## " (R Markdown), Markdown's "> " and a comment's "# ", each possibly repeated.
    /// </summary>
    public static ReadOnlySpan<char> TrimQuoting(ReadOnlySpan<char> line)
    {
        while (true)
        {
            line = line.TrimStart(" \t");
            int marks = line.IndexOfAnyExcept('#', '>');
            marks = marks < 0 ? line.Length : marks;

            // A mark counts only when a blank or the line's end follows it ("#3" or ">>>" prompts stay as they are).
            if (marks == 0 || marks > 3 || (marks < line.Length && line[marks] is not (' ' or '\t'))) return line;
            line = line[marks..];
        }
    }

    /// <summary>A metric name as Keras and mmengine print them: "loss", "val_acc", "coco/bbox_mAP", "s0.loss_cls".</summary>
    public static bool IsMetricName(ReadOnlySpan<char> name) =>
        name.Length is > 0 and <= 200 && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && !name.ContainsAnyExcept(NameChars);
}
