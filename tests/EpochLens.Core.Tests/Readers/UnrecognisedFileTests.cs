using System.IO.Compression;
using EpochLens.Readers;

namespace EpochLens.Core.Tests.Readers;

/// <summary>A file no reader recognises gets a reason of its own and what to do, not the list of every format.</summary>
public sealed class UnrecognisedFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("epochlens-unrecognised-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void An_empty_file_says_so()
    {
        Assert.Equal("empty file", Problem("log.csv", []));
        // What gzip writes for no input (.NET's GZipStream writes nothing at all then).
        Assert.Equal("gzip file that holds nothing", Problem("data.gz", [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    }

    [Fact]
    public void Gzip_inside_gzip_says_to_unpack_once()
    {
        Assert.Equal("gzip inside gzip: unpack it once (gunzip) and read the result", Problem("log.csv.gz", Gzip(Gzip("step,loss\n1,0.5\n"u8.ToArray()))));
    }

    [Fact]
    public void Archives_and_other_compressions_say_what_they_are()
    {
        Assert.StartsWith("a zip archive: only gzip is unpacked here", Problem("logs.zip", [(byte)'P', (byte)'K', 3, 4, 20, 0, 0, 0]), StringComparison.Ordinal);
        Assert.StartsWith("bzip2-compressed", Problem("log.csv.bz2", [(byte)'B', (byte)'Z', (byte)'h', (byte)'9', 0x31, 0x41]), StringComparison.Ordinal);
        Assert.StartsWith("xz-compressed", Problem("log.csv.xz", [0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0, 0, 4]), StringComparison.Ordinal);
        var tar = new byte[1024];
        "ustar"u8.CopyTo(tar.AsSpan(257));
        "log.csv"u8.CopyTo(tar);
        Assert.StartsWith("a tar archive", Problem("logs.tar", tar), StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_data_is_not_called_text_and_text_without_training_lines_lists_the_formats()
    {
        var random = new byte[2000];
        new Random(1).NextBytes(random);
        random[10] = 0;
        Assert.StartsWith("binary data, not text", Problem("model.bin", random), StringComparison.Ordinal);
        Assert.StartsWith("not a training log this tool reads (expected TensorBoard", Problem("notes.txt", "hello world\nnothing to see here\n"u8.ToArray()), StringComparison.Ordinal);
    }

    private string Problem(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<LogReadException>(() => DefaultLogReaders.Create().Read(path, ReadOptions.Default, new ProblemLog()));
        return error.Problem;
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }
}
