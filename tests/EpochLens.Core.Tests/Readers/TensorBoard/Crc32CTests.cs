using System.Buffers.Binary;
using System.Text;
using EpochLens.Readers.TensorBoard;

namespace EpochLens.Core.Tests.Readers.TensorBoard;

public class Crc32CTests
{
    // Test vectors from RFC 3720 appendix B.4 and the common "123456789" check value of CRC-32C.
    public static TheoryData<byte[], uint> Vectors => new()
    {
        { Encoding.ASCII.GetBytes("123456789"), 0xE3069283 },
        { new byte[32], 0x8A9136AA },
        { Enumerable.Repeat((byte)0xFF, 32).ToArray(), 0x62A8AB43 },
        { Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), 0x46DD794E },
        { Enumerable.Range(0, 32).Select(i => (byte)(31 - i)).ToArray(), 0x113FDB5C },
        { [], 0x00000000 },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Computes_the_published_CRC32C_test_vectors(byte[] data, uint expected)
    {
        Assert.Equal(expected, Crc32C.Compute(data));
        Assert.Equal(expected, BitwiseReference(data));
    }

    [Fact]
    public void Agrees_with_a_bitwise_reference_on_every_length_and_alignment()
    {
        var random = new Random(7);
        var data = new byte[300];
        random.NextBytes(data);
        for (int start = 0; start < 9; start++)
        {
            for (int length = 0; length + start <= data.Length; length += 7)
            {
                var span = data.AsSpan(start, length);
                Assert.Equal(BitwiseReference(span), Crc32C.Compute(span));
            }
        }
    }

    [Fact]
    public void Masked_CRC_of_a_real_SummaryWriter_header_matches_the_one_stored_in_the_file()
    {
        var file = Directory.GetFiles(TbFixtures.Folder("tb-newstyle"))[0];
        var header = File.ReadAllBytes(file).AsSpan(0, 12);
        Assert.Equal(BinaryPrimitives.ReadUInt32LittleEndian(header[8..]), Crc32C.MaskedOf(header[..8]));
    }

    /// <summary>CRC-32C one bit at a time from its definition (reflected polynomial 0x82F63B78): what the fast path must match.</summary>
    private static uint BitwiseReference(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78 : crc >> 1;
            }
        }

        return ~crc;
    }
}
