using EpochLens.Torch.Data;

namespace EpochLens.Torch.Tests.Data;

public sealed class IdxFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Round_trips_images_through_a_file(bool gzip)
    {
        var original = IdxBytes.Random(1, 7, 28, 28);
        var path = _temp.File(gzip ? "images.gz" : "images");

        IdxFile.Write(path, original, gzip);
        var read = IdxFile.Read(path);

        Assert.Equal(original.Dimensions, read.Dimensions);
        Assert.Equal(original.Data, read.Data);
        Assert.Equal(gzip, File.ReadAllBytes(path) is [0x1f, 0x8b, ..]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Round_trips_labels_through_a_non_seekable_stream(bool gzip)
    {
        var original = IdxBytes.Random(2, 1234);
        var plain = IdxBytes.Plain(original);

        var read = IdxFile.Read(new NonSeekableStream(gzip ? IdxBytes.Gzip(plain) : plain), "labels");

        Assert.Equal([1234], read.Dimensions);
        Assert.Equal(original.Data, read.Data);
    }

    [Fact]
    public void Writes_the_standard_header()
    {
        var bytes = IdxBytes.Plain(new IdxArray([2, 3], [1, 2, 3, 4, 5, 6]));

        Assert.Equal(new byte[] { 0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6 }, bytes);
    }

    [Fact]
    public void Writes_the_same_gzip_bytes_every_time()
    {
        var array = IdxBytes.Random(3, 50, 28, 28);
        IdxFile.Write(_temp.File("a.gz"), array, gzip: true);
        IdxFile.Write(_temp.File("b.gz"), array, gzip: true);

        var bytes = File.ReadAllBytes(_temp.File("a.gz"));
        Assert.Equal(bytes, File.ReadAllBytes(_temp.File("b.gz")));
        Assert.Equal(new byte[4], bytes[4..8]); // gzip MTIME: zero, so the date never leaks into the file
    }

    [Theory]
    [InlineData(false, "the file holds only 1000 bytes")]
    [InlineData(true, "the decompressed file holds only 1000 bytes")]
    public void Rejects_data_shorter_than_the_header_says(bool gzip, string problem)
    {
        byte[] plain = [.. IdxBytes.Header(0x08, 5039, 28, 28), .. new byte[1000]];

        var error = ReadBroken("train-images-idx3-ubyte.gz", gzip ? IdxBytes.Gzip(plain) : plain);

        Assert.Contains("header says 5039 x 28 x 28 = 3950576 bytes but " + problem, error.Message);
    }

    [Fact]
    public void Rejects_a_bad_magic_number()
    {
        byte[] bytes = [0x12, 0x34, 0x08, 0x01, 0, 0, 0, 1, 42];

        var error = ReadBroken("labels.idx", bytes);

        Assert.Contains("bad magic number 12 34 08 01", error.Message);
    }

    [Theory]
    [InlineData(0, "holds only 0 bytes")]
    [InlineData(3, "holds only 3 bytes")]
    [InlineData(9, "declares 3 dimensions but the file ends after 5 of their 12 size bytes")]
    public void Rejects_a_truncated_header(int length, string problem)
    {
        var header = IdxBytes.Header(0x08, 10, 28, 28);

        var error = ReadBroken("t10k-images-idx3-ubyte", header[..length]);

        Assert.Contains("header is truncated", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Rejects_header_dimensions_beyond_the_size_limit_before_allocating()
    {
        // 60000 x 60000 x 60000 bytes would be 216 TB; the file itself is 16 bytes.
        var error = ReadBroken("huge.idx", IdxBytes.Header(0x08, 60000, 60000, 60000));

        Assert.Contains("header says 60000 x 60000 x 60000 = 216000000000000 bytes, more than the 1073741824-byte limit", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Allocates_by_the_data_present_not_by_a_lying_header(bool gzip)
    {
        // 1000 x 1000 x 1000 is under the 1 GiB limit, so only reading in chunks keeps this from taking a gigabyte.
        byte[] plain = [.. IdxBytes.Header(0x08, 1000, 1000, 1000), .. new byte[10]];
        var bytes = gzip ? IdxBytes.Gzip(plain) : plain;

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<IdxFormatException>(() => IdxFile.Read(new NonSeekableStream(bytes), "liar.idx"));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("header says 1000 x 1000 x 1000 = 1000000000 bytes but", error.Message);
        Assert.True(allocated < 8 << 20, $"allocated {allocated} bytes for a {bytes.Length}-byte input");
    }

    [Fact]
    public void Rejects_the_largest_possible_header_without_overflow()
    {
        var error = ReadBroken("max.idx", IdxBytes.Header(0x08, uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue));

        Assert.Contains("more than the 1073741824-byte limit", error.Message);
    }

    [Theory]
    [InlineData(0x0D, "type 0x0D (float32) is not supported")]
    [InlineData(0x09, "type 0x09 (signed byte) is not supported")]
    [InlineData(0x42, "type 0x42 is not an IDX type code")]
    public void Rejects_types_other_than_unsigned_byte(byte type, string problem)
    {
        byte[] bytes = [.. IdxBytes.Header(type, 2), .. new byte[8]];

        var error = ReadBroken("floats.idx", bytes);

        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Rejects_zero_dimensions()
    {
        var error = ReadBroken("scalar.idx", [0, 0, 8, 0, 42]);

        Assert.Contains("zero dimensions", error.Message);
    }

    [Fact]
    public void Rejects_a_dimension_of_size_zero()
    {
        var error = ReadBroken("empty.idx", IdxBytes.Header(0x08, 0, 28, 28));

        Assert.Contains("dimension 1 of 3 has size 0", error.Message);
    }

    [Fact]
    public void Rejects_more_than_four_dimensions()
    {
        byte[] bytes = [.. IdxBytes.Header(0x08, 1, 1, 1, 1, 1), 7];

        var error = ReadBroken("five.idx", bytes);

        Assert.Contains("declares 5 dimensions; at most 4 are supported", error.Message);
    }

    [Theory]
    [InlineData(false, "the file holds 3 bytes after the 2 x 2 = 4 bytes")]
    [InlineData(true, "the decompressed file holds 3 bytes after the 2 x 2 = 4 bytes")]
    public void Rejects_bytes_after_the_declared_data(bool gzip, string problem)
    {
        byte[] plain = [.. IdxBytes.Header(0x08, 2, 2), 1, 2, 3, 4, 5, 6, 7];

        var error = ReadBroken("joined.idx", gzip ? IdxBytes.Gzip(plain) : plain);

        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Rejects_garbage_after_the_gzip_signature()
    {
        var garbage = new byte[300];
        new Random(4).NextBytes(garbage);
        garbage[0] = 0x1f;
        garbage[1] = 0x8b;

        var error = ReadBroken("garbage.gz", garbage);

        Assert.Contains("gzip data is corrupt", error.Message);
    }

    [Fact]
    public void Rejects_garbage_that_is_not_gzip_as_a_bad_magic_number()
    {
        var error = ReadBroken("notes.txt", "hello, world"u8.ToArray());

        Assert.Contains("bad magic number 68 65 6C 6C", error.Message);
    }

    [Fact]
    public void Rejects_truncated_gzip_data()
    {
        var gzip = IdxBytes.Gzip(IdxBytes.Plain(IdxBytes.Random(5, 20, 28, 28)));

        var error = ReadBroken("train-images-idx3-ubyte.gz", gzip[..(gzip.Length / 2)]);

        Assert.Contains("header says 20 x 28 x 28 = 15680 bytes but the decompressed file holds only", error.Message);
    }

    [Fact]
    public void Rejects_gzip_data_whose_checksum_does_not_match()
    {
        var gzip = IdxBytes.Gzip(IdxBytes.Plain(IdxBytes.Random(6, 3, 4)));
        gzip[^8] ^= 0xFF; // the CRC-32 in the trailer

        var error = ReadBroken("labels.gz", gzip);

        Assert.Contains("gzip data is corrupt", error.Message);
    }

    [Fact]
    public void Names_the_path_when_reading_a_file()
    {
        var path = _temp.File("t10k-labels-idx1-ubyte");
        File.WriteAllBytes(path, [1, 2, 3, 4]);

        var error = Assert.Throws<IdxFormatException>(() => IdxFile.Read(path));

        Assert.StartsWith(path + ": bad magic number", error.Message);
        Assert.Equal(path, error.SourceName);
    }

    [Fact]
    public void IdxArray_rejects_data_that_does_not_fit_its_dimensions()
    {
        var error = Assert.Throws<ArgumentException>(() => new IdxArray([2, 3], new byte[5]));

        Assert.Contains("2 x 3 describe 6 bytes but the data holds 5", error.Message);
    }

    // Reads the bytes three ways (file, seekable stream, non-seekable stream): all must give the same error.
    private IdxFormatException ReadBroken(string fileName, byte[] bytes)
    {
        var path = _temp.File(fileName);
        File.WriteAllBytes(path, bytes);
        var fromFile = Assert.Throws<IdxFormatException>(() => IdxFile.Read(path));
        var fromMemory = Assert.Throws<IdxFormatException>(() => IdxFile.Read(new MemoryStream(bytes), fileName));
        var fromPipe = Assert.Throws<IdxFormatException>(() => IdxFile.Read(new NonSeekableStream(bytes), fileName));

        Assert.StartsWith(path + ": ", fromFile.Message);
        Assert.StartsWith(fileName + ": ", fromMemory.Message);
        Assert.Equal(fromMemory.Problem, fromFile.Problem);
        Assert.Equal(fromMemory.Problem, fromPipe.Problem);
        return fromMemory;
    }
}
