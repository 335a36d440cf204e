using System.IO.Compression;

namespace EpochLens.Readers.Input;

/// <summary>
/// Opens a log file for streaming, for every text reader: gzip content is decompressed, up to a bound against gzip
/// bombs, and UTF-16 read as UTF-8. A plain UTF-8 file comes back as its <see cref="FileStream"/>, a gzip one as its
/// <see cref="SizeLimitedStream"/> (unless UTF-16), so a reader can ask the file's size or whether the bound was reached.
/// </summary>
internal static class LogFile
{
    /// <summary>Opens the file; throws <see cref="LogReadException"/> when it cannot be opened at all.</summary>
    public static Stream Open(string path, ReadOptions options, bool throwAtLimit = false) =>
        Open(path, options, out _, throwAtLimit);

    /// <summary>The file's name without a ".gz" suffix: a gzipped log is known by the name it had before.</summary>
    public static string Name(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
    }

    /// <summary>Opens the file, giving the bound on a gzip file's content too (null for a plain file).</summary>
    /// <param name="throwAtLimit">Throw at the decompression bound instead of ending there.</param>
    public static Stream Open(string path, ReadOptions options, out SizeLimitedStream? bounded, bool throwAtLimit = false)
    {
        bounded = null;
        var file = OpenFile(path);
        if (!FileHead.IsGzip(file)) return TextEncoding.Utf8(file);
        var gzip = new GZipStream(file, CompressionMode.Decompress);
        bounded = new SizeLimitedStream(gzip, options.MaxDecompressedBytes, throwAtLimit);
        return TextEncoding.Utf16Of(FileHead.ReadBytes(path)) is { } utf16 ? TextEncoding.Utf8(bounded, utf16) : bounded;
    }

    /// <summary>Opens the file unbuffered, shared with a writer that may still append to it, rename or delete it.</summary>
    public static FileStream OpenFile(string path) => Opening(path, () =>
        new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0,
            FileOptions.SequentialScan));

    /// <summary>The file's head (<see cref="FileHead.Read"/>).</summary>
    public static byte[] Head(string path) => Opening(path, () => FileHead.Read(path));

    private static T Opening<T>(string path, Func<T> open)
    {
        try
        {
            return open();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LogReadException(path, $"cannot be opened: {e.Message}", e);
        }
    }
}
