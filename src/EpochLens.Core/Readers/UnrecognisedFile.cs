namespace EpochLens.Readers;

/// <summary>
/// Why a file no reader recognises cannot be read, where its first bytes say so (empty, compressed twice, an archive,
/// binary data), with what to do; only a text file gets the long list of the formats read.
/// </summary>
public static class UnrecognisedFile
{
    /// <summary>The reason in a few words, or null when the file is text that simply holds no training lines.</summary>
    /// <param name="head">The file's first bytes, decompressed when it is gzip and as UTF-8 when UTF-16 (<see cref="FileHead.Read"/>).</param>
    public static string? Explain(string path, ReadOnlySpan<byte> head)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (new FileInfo(path).Length == 0) return "empty file";
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 16);
        bool gzip = FileHead.IsGzip(file);
        string inside = gzip ? " inside gzip" : "";
        return head.IsEmpty ? (gzip ? "gzip file that holds nothing" : "empty file")
            : FileHead.IsGzip(head) ? "gzip inside gzip: unpack it once (gunzip) and read the result"
            : Compression(head) is { } kind
                ? $"{kind}: only gzip is unpacked here; unpack it and point at the log inside"
            : head.Contains((byte)0)
                ? $"binary data{inside}, not text, and not a TensorBoard event file (whose records it would begin with)"
            : null;
    }

    private static string? Compression(ReadOnlySpan<byte> head) => head switch
    {
        [(byte)'P', (byte)'K', 3, 4, ..] => "a zip archive",
        [(byte)'B', (byte)'Z', (byte)'h', ..] => "bzip2-compressed",
        [0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0, ..] => "xz-compressed",
        [0x28, 0xB5, 0x2F, 0xFD, ..] => "zstd-compressed",
        [(byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C, ..] => "a 7-Zip archive",
        _ when head.Length > 262 && head[257..262].SequenceEqual("ustar"u8) => "a tar archive",
        _ => null,
    };
}
