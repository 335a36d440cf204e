using System.Buffers.Binary;
using System.IO.Compression;

namespace EpochLens.Torch.Data;

/// <summary>Reads and writes IDX files (the MNIST format) of unsigned bytes, plain or gzip-compressed.</summary>
/// <remarks>
/// Input is treated as untrusted: the header is checked before anything is allocated from it, gzip data
/// is read in growing chunks so a lying header cannot make the reader allocate more than the data holds,
/// and every defect becomes an <see cref="IdxFormatException"/> naming the source and the problem.
/// Bytes after the declared data are rejected: IDX has no footer, so extra bytes mean the header is wrong
/// or two files were joined, and either way the array read would not be what was meant.
/// </remarks>
public static class IdxFile
{
    /// <summary>The most dimensions accepted; images are 3 (count, rows, columns), labels 1.</summary>
    public const int MaxDimensions = 4;

    /// <summary>The largest data size accepted (1 GiB); the full MNIST training images are 47 MB.</summary>
    public const long MaxDataBytes = 1L << 30;

    private const byte UnsignedByteType = 0x08;
    private const int FirstChunkBytes = 1 << 20;

    /// <summary>Reads the IDX file at <paramref name="path"/>, decompressing it first if it is gzip.</summary>
    public static IdxArray Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        return Read(stream, path);
    }

    /// <summary>Reads one IDX array from <paramref name="stream"/> to its end; <paramref name="sourceName"/> names it in errors.</summary>
    public static IdxArray Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);

        var signature = new byte[2];
        var got = stream.ReadAtLeast(signature, signature.Length, throwOnEndOfStream: false);
        var isGzip = got == 2 && signature[0] == 0x1f && signature[1] == 0x8b;

        Stream source;
        if (stream.CanSeek)
        {
            stream.Seek(-got, SeekOrigin.Current);
            source = stream;
        }
        else
        {
            source = new PrefixedReadStream(signature[..got], stream);
        }

        if (!isGzip) return Parse(source, sourceName, compressed: false);

        try
        {
            using var gzip = new GZipStream(source, CompressionMode.Decompress, leaveOpen: true);
            return Parse(gzip, sourceName, compressed: true);
        }
        catch (InvalidDataException e)
        {
            throw new IdxFormatException(sourceName, $"the gzip data is corrupt ({e.Message.TrimEnd('.')})", e);
        }
    }

    /// <summary>Writes <paramref name="array"/> as an uncompressed IDX file to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, IdxArray array)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(array);

        var dimensions = array.Dimensions;
        Span<byte> header = stackalloc byte[4 + (4 * MaxDimensions)];
        header = header[..(4 + (4 * dimensions.Length))];
        header.Clear();
        header[2] = UnsignedByteType;
        header[3] = (byte)dimensions.Length;
        for (var i = 0; i < dimensions.Length; i++)
            BinaryPrimitives.WriteInt32BigEndian(header[(4 + (4 * i))..], dimensions[i]);

        stream.Write(header);
        stream.Write(array.Data);
    }

    /// <summary>Writes <paramref name="array"/> to <paramref name="path"/>, gzip-compressed if <paramref name="gzip"/> is set.</summary>
    /// <remarks>
    /// .NET's GZipStream writes a zero modification time, so the same array gives the same bytes on the
    /// same runtime; a different zlib build may compress differently, but the decompressed bytes never change.
    /// </remarks>
    public static void Write(string path, IdxArray array, bool gzip)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(array);

        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        if (gzip)
        {
            using var compressor = new GZipStream(file, CompressionLevel.SmallestSize, leaveOpen: true);
            Write(compressor, array);
        }
        else
        {
            Write(file, array);
        }
    }

    private static IdxArray Parse(Stream stream, string sourceName, bool compressed)
    {
        var what = compressed ? "the decompressed file" : "the file";

        Span<byte> magic = stackalloc byte[4];
        var got = stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        if (got < magic.Length)
            throw Error(sourceName, $"the header is truncated: {what} holds only {got} bytes, fewer than the 4 of the IDX magic number");

        if (magic[0] != 0 || magic[1] != 0)
        {
            throw Error(
                sourceName,
                $"bad magic number {magic[0]:X2} {magic[1]:X2} {magic[2]:X2} {magic[3]:X2}: an IDX file starts with 00 00, a type code and the number of dimensions");
        }

        if (magic[2] != UnsignedByteType) throw Error(sourceName, TypeProblem(magic[2]));

        int rank = magic[3];
        if (rank == 0) throw Error(sourceName, "the header declares zero dimensions");

        if (rank > MaxDimensions)
            throw Error(sourceName, $"the header declares {rank} dimensions; at most {MaxDimensions} are supported");

        Span<byte> sizeBytes = stackalloc byte[4 * MaxDimensions];
        sizeBytes = sizeBytes[..(4 * rank)];
        got = stream.ReadAtLeast(sizeBytes, sizeBytes.Length, throwOnEndOfStream: false);
        if (got < sizeBytes.Length)
        {
            throw Error(
                sourceName,
                $"the header is truncated: it declares {rank} dimensions but {what} ends after {got} of their {sizeBytes.Length} size bytes");
        }

        // Four 32-bit sizes multiply to less than 2^128, so the product is exact whatever the header says.
        var sizes = new uint[rank];
        UInt128 product = 1;
        for (var i = 0; i < rank; i++)
        {
            sizes[i] = BinaryPrimitives.ReadUInt32BigEndian(sizeBytes[(4 * i)..]);
            if (sizes[i] == 0)
                throw Error(sourceName, $"dimension {i + 1} of {rank} has size 0 ({string.Join(" x ", sizes)})");

            product *= sizes[i];
        }

        var shape = string.Join(" x ", sizes);
        if (product > MaxDataBytes)
            throw Error(sourceName, $"header says {shape} = {product} bytes, more than the {MaxDataBytes}-byte limit");

        var size = (int)product;
        var data = stream.CanSeek
            ? ReadKnownLength(stream, size, sourceName, shape)
            : ReadGrowing(stream, size, sourceName, shape, what);

        var dimensions = Array.ConvertAll(sizes, s => (int)s);
        return new IdxArray(dimensions, data);
    }

    private static byte[] ReadKnownLength(Stream stream, int size, string sourceName, string shape)
    {
        var present = stream.Length - stream.Position;
        if (present < size)
            throw Error(sourceName, $"header says {shape} = {size} bytes but the file holds only {present} bytes");

        if (present > size)
            throw Error(sourceName, $"the file holds {present - size} bytes after the {shape} = {size} bytes the header declares");

        var data = new byte[size];
        var got = stream.ReadAtLeast(data, size, throwOnEndOfStream: false);
        if (got < size)
        {
            // The file shrank while it was read.
            throw Error(sourceName, $"header says {shape} = {size} bytes but the file holds only {got} bytes");
        }

        return data;
    }

    // The size of a decompressed or piped stream is unknown until it ends; doubling a buffer bounded by
    // the header's size keeps the allocation within twice what is really there.
    private static byte[] ReadGrowing(Stream stream, int size, string sourceName, string shape, string what)
    {
        var buffer = new byte[Math.Min(size, FirstChunkBytes)];
        var filled = 0;
        while (true)
        {
            filled += stream.ReadAtLeast(buffer.AsSpan(filled), buffer.Length - filled, throwOnEndOfStream: false);
            if (filled < buffer.Length)
                throw Error(sourceName, $"header says {shape} = {size} bytes but {what} holds only {filled} bytes");

            if (filled == size) break;

            Array.Resize(ref buffer, (int)Math.Min(size, 2L * buffer.Length));
        }

        // Reading past the end also makes GZipStream check the CRC and length in the gzip trailer.
        Span<byte> extra = stackalloc byte[4096];
        long trailing = 0;
        int n;
        while ((n = stream.Read(extra)) > 0)
        {
            trailing += n;
            if (trailing > MaxDataBytes) break;
        }

        if (trailing > 0)
        {
            var count = trailing > MaxDataBytes ? $"more than {MaxDataBytes}" : trailing.ToString();
            throw Error(sourceName, $"{what} holds {count} bytes after the {shape} = {size} bytes the header declares");
        }

        return buffer;
    }

    private static string TypeProblem(byte code)
    {
        var name = code switch
        {
            0x09 => "signed byte",
            0x0B => "int16",
            0x0C => "int32",
            0x0D => "float32",
            0x0E => "float64",
            _ => null,
        };
        return name is null
            ? $"type 0x{code:X2} is not an IDX type code; only 0x08 (unsigned byte) is supported"
            : $"type 0x{code:X2} ({name}) is not supported; only 0x08 (unsigned byte) is";
    }

    private static IdxFormatException Error(string sourceName, string problem) => new(sourceName, problem);
}
