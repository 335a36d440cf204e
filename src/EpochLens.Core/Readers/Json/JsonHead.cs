namespace EpochLens.Readers.Json;

/// <summary>The JSON readers' look at a file's first bytes, and their wording of a parser's complaint.</summary>
internal static class JsonHead
{
    public static ReadOnlySpan<byte> SkipSpace(ReadOnlySpan<byte> text) => text.TrimStart(" \t\r\n"u8);

    public static ReadOnlySpan<byte> Start(ReadOnlySpan<byte> head) => SkipSpace(TextEncoding.SkipUtf8Mark(head));

    /// <summary>The parser's reason without the position it appends ("... LineNumber: 0 | BytePositionInLine: 7.").</summary>
    public static string Reason(JsonException error)
    {
        int end = error.Message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? error.Message.TrimEnd('.') : error.Message[..end];
    }
}
