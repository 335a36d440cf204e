using System.Text;

namespace EpochLens.Bench.Fuzz;

/// <summary>
/// Finds a raw control character in the CLI's output: C0 controls but newline and tab, DEL, and C1 controls. With
/// output redirected and NO_COLOR set the tool writes none of its own, so any there came from the input.
/// </summary>
internal static class RawControlScan
{
    /// <summary>Where the first one is, with a little context escaped; null when the text is clean.</summary>
    public static string? Find(byte[] output, string stream)
    {
        string text = Encoding.UTF8.GetString(output);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (IsControl(c))
            {
                int from = Math.Max(0, i - 40);
                string context = text[from..Math.Min(text.Length, i + 20)];
                return $"U+{(int)c:X4} at char {i} of {stream}: \"{Escape(context)}\"";
            }
        }

        return null;
    }

    public static bool IsControl(char c) => (c < 0x20 && c is not ('\n' or '\t')) || c is >= '\u007f' and <= '\u009f';

    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            escaped.Append(IsControl(c) || c == '\n' ? $"\\x{(int)c:X2}" : c.ToString());
        }

        return escaped.ToString();
    }
}
