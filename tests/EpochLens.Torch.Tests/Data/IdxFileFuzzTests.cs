using EpochLens.Torch.Data;

namespace EpochLens.Torch.Tests.Data;

public sealed class IdxFileFuzzTests
{
    private const int Mutations = 400;

    /// <param name="minRead">Reads that must succeed at least: about 90 % of what this seed reads (a flipped pixel, bytes past a gzip stream's end).</param>
    [Theory]
    [InlineData(false, 170)]
    [InlineData(true, 235)]
    public void Mutated_files_either_read_or_throw_IdxFormatException(bool gzip, int minRead)
    {
        var plain = IdxBytes.Plain(IdxBytes.Random(7, 3, 4, 5));
        var valid = gzip ? IdxBytes.Gzip(plain) : plain;
        var random = new Random(20240 + (gzip ? 1 : 0));
        int rejected = 0, read = 0;
        long bytesRead = 0;

        for (var i = 0; i < Mutations; i++)
        {
            var (mutant, how) = Mutate(valid, random);
            foreach (var stream in new Stream[] { new MemoryStream(mutant), new NonSeekableStream(mutant) })
            {
                IdxArray? array = null;
                var error = Record.Exception(() => array = IdxFile.Read(stream, "fuzz.idx"));
                if (error is null)
                {
                    read++;
                    bytesRead += array!.Data.Length;
                    continue;
                }

                Assert.True(
                    error is IdxFormatException,
                    $"mutation {i} ({how}) threw {error.GetType().Name}: {error.Message}");
                Assert.StartsWith("fuzz.idx: ", error.Message);
                rejected++;
            }
        }

        // Most mutations break the file; if none were rejected the mutations would be testing nothing.
        Assert.True(rejected > Mutations, $"only {rejected} of {2 * Mutations} reads were rejected");

        // And enough were read, each whole (3x4x5 = 60 bytes), that reading was tested too.
        Assert.True(read >= minRead && bytesRead >= 60L * minRead, $"{read} of {2 * Mutations} reads succeeded with {bytesRead} bytes; at least {minRead} and {60 * minRead} expected");
    }

    private static (byte[] Bytes, string How) Mutate(byte[] valid, Random random)
    {
        var bytes = (byte[])valid.Clone();
        switch (random.Next(5))
        {
            case 0:
                var length = random.Next(bytes.Length);
                return (bytes[..length], $"truncated to {length}");
            case 1:
                var at = random.Next(bytes.Length);
                bytes[at] ^= (byte)(1 << random.Next(8));
                return (bytes, $"bit flipped at {at}");
            case 2:
                var count = random.Next(1, 6);
                for (var k = 0; k < count; k++)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return (bytes, $"{count} random bytes");
            case 3:
                // The header is where a lie does most harm, so it gets its own mutation.
                var headerAt = random.Next(Math.Min(16, bytes.Length));
                bytes[headerAt] = (byte)random.Next(256);
                return (bytes, $"header byte {headerAt} replaced");
            default:
                var extra = new byte[random.Next(1, 40)];
                random.NextBytes(extra);
                return ([.. bytes, .. extra], $"{extra.Length} bytes appended");
        }
    }
}
