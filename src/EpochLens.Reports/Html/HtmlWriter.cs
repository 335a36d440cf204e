using System.Net;
using System.Text;

namespace EpochLens.Reports.Html;

/// <summary>Builds HTML where every piece of text is encoded on the way in; only the report's own tags and inline SVG go in raw.</summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _html = new(64 * 1024);

    /// <summary>Text, encoded, with control characters shown as \xNN.</summary>
    public HtmlWriter Text(string? text)
    {
        _html.Append(WebUtility.HtmlEncode(Reports.Text.ReportText.Printable(text)));
        return this;
    }

    /// <summary>An element holding encoded text: <c>&lt;tag class="..."&gt;text&lt;/tag&gt;</c>.</summary>
    public HtmlWriter Element(string tag, string? text, string? cssClass = null)
    {
        Open(tag, cssClass);
        Text(text);
        return Close(tag);
    }

    public HtmlWriter Open(string tag, string? cssClass = null, string? attributes = null)
    {
        _html.Append('<').Append(tag);
        if (cssClass is not null) _html.Append(" class=\"").Append(WebUtility.HtmlEncode(cssClass)).Append('"');

        if (attributes is not null) _html.Append(' ').Append(attributes);

        _html.Append('>');
        return this;
    }

    public HtmlWriter Close(string tag)
    {
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>Markup the report made itself (tags, inline SVG from the plotting library): never text from a log.</summary>
    public HtmlWriter Trusted(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public HtmlWriter Line()
    {
        _html.Append('\n');
        return this;
    }

    public override string ToString() => _html.ToString();
}
