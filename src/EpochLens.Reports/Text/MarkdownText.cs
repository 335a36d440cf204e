using System.Text;

namespace EpochLens.Reports.Text;

/// <summary>
/// Text made inert for Markdown: markup characters backslash-escaped, and HTML's &lt;, &gt; and &amp; written as
/// entities, because GitHub and most renderers pass raw HTML through. Line breaks become spaces so that a name
/// cannot end a table row or start a heading.
/// </summary>
internal static class MarkdownText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";

        var escaped = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            switch (c)
            {
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '&': escaped.Append("&amp;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '~' or '!':
                    escaped.Append('\\').Append(c);
                    break;
                case '\r' or '\n' or '\u2028' or '\u2029': escaped.Append(' '); break;
                default:
                    escaped.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return escaped.ToString();
    }
}
