namespace EpochLens.Readers;

/// <summary>
/// Every text reader reads UTF-8; a log saved as UTF-16 (by Windows PowerShell's redirection) is transcoded on the way
/// in. UTF-16 is known by its byte-order mark, or by a zero byte beside nearly every character of ASCII text.
/// </summary>
public static class TextEncoding
{
    /// <summary>Bytes looked at to recognise UTF-16 without a byte-order mark.</summary>
    private const int Sniff = 512;

    /// <summary>UTF-16 (little- or big-endian) when <paramref name="head"/> shows it; null for anything else.</summary>
    public static Encoding? Utf16Of(ReadOnlySpan<byte> head)
    {
        // A mark is trusted when the text after it is mostly ASCII in that byte order (a log is), so stray bytes
        // FF FE at the start of a damaged file do not turn it into UTF-16.
        if (head is [0xFF, 0xFE, ..] && !(head.Length >= 4 && head[2] == 0 && head[3] == 0))
        {
            var (zeroHigh, _, pairs) = ZeroBytes(head[2..]);
            return pairs == 0 || zeroHigh >= 0.5 * pairs ? Encoding.Unicode : null;
        }

        if (head is [0xFE, 0xFF, ..])
        {
            var (_, zeroLow, pairs) = ZeroBytes(head[2..]);
            return pairs == 0 || zeroLow >= 0.5 * pairs ? Encoding.BigEndianUnicode : null;
        }

        var (high, low, count) = ZeroBytes(head);
        return count < 8 ? null
            : high >= 0.9 * count ? Encoding.Unicode
            : low >= 0.9 * count ? Encoding.BigEndianUnicode
            : null;
    }

    /// <summary>The file itself (a plain file stays one for the fast readers), or transcoded from UTF-16.</summary>
    public static Stream Utf8(Stream file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var head = new byte[Sniff];
        long at = file.Position;
        int read = file.ReadAtLeast(head, Sniff, throwOnEndOfStream: false);
        var utf16 = Utf16Of(head.AsSpan(0, read));
        file.Position = at + (utf16 is null ? 0 : MarkLength(head));
        return utf16 is null ? file : Utf8(file, utf16);
    }

    /// <summary>The stream transcoded from UTF-16; a byte-order mark comes out as UTF-8's (readers skip it).</summary>
    public static Stream Utf8(Stream stream, Encoding utf16) =>
        Encoding.CreateTranscodingStream(stream, utf16, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    /// <summary>The text after UTF-8's byte-order mark, which every text reader skips.</summary>
    public static ReadOnlySpan<byte> SkipUtf8Mark(ReadOnlySpan<byte> bytes) => bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;

    /// <summary>A file's first bytes (<see cref="FileHead"/>) as UTF-8, for detection.</summary>
    public static byte[] Utf8(byte[] head)
    {
        ArgumentNullException.ThrowIfNull(head);
        if (Utf16Of(head) is not { } encoding) return head;

        // An odd last byte is half a character cut off by the head's size.
        int mark = MarkLength(head);
        return Encoding.UTF8.GetBytes(encoding.GetString(head, mark, (head.Length - mark) & ~1));
    }

    /// <summary>Of the first byte pairs, how many look like ASCII in UTF-16LE and how many in UTF-16BE.</summary>
    private static (int ZeroHigh, int ZeroLow, int Pairs) ZeroBytes(ReadOnlySpan<byte> bytes)
    {
        int pairs = Math.Min(bytes.Length, Sniff) / 2, zeroHigh = 0, zeroLow = 0;
        for (int i = 0; i < pairs; i++)
        {
            byte low = bytes[2 * i], high = bytes[(2 * i) + 1];
            zeroHigh += high == 0 && low != 0 ? 1 : 0;
            zeroLow += low == 0 && high != 0 ? 1 : 0;
        }

        return (zeroHigh, zeroLow, pairs);
    }

    /// <summary>The UTF-16 byte-order mark's length at the start (2), or 0.</summary>
    private static int MarkLength(ReadOnlySpan<byte> head) => head is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] ? 2 : 0;
}
