using System.Buffers.Binary;
using System.Text;

namespace EpochLens.Torch.Tests.Native;

/// <summary>
/// Just enough ELF reading to check the cure's work from outside, written apart from the code under test so
/// that a shared misreading of the format cannot pass unnoticed.
/// </summary>
internal sealed class ElfTestReader
{
    public const uint DynSym = 11;
    public const uint GnuVersionR = 0x6ffffffe;
    public const uint GnuVersion = 0x6fffffff;

    private readonly byte[] _bytes;

    public ElfTestReader(byte[] bytes)
    {
        _bytes = bytes;
        var sectionTable = (int)UInt64(0x28);
        var entrySize = UInt16(0x3A);
        var count = UInt16(0x3C);
        Sections = Enumerable.Range(0, count)
            .Select(i => sectionTable + i * entrySize)
            .Select(at => new ElfSection(UInt32(at + 4), (int)UInt64(at + 24), (int)UInt64(at + 32), UInt32(at + 40), (int)UInt64(at + 56)))
            .ToList();
    }

    public IReadOnlyList<ElfSection> Sections { get; }

    public ElfSection Single(uint type) => Sections.Single(s => s.Type == type);

    public ushort UInt16(int at) => BinaryPrimitives.ReadUInt16LittleEndian(_bytes.AsSpan(at));

    public uint UInt32(int at) => BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(at));

    public ulong UInt64(int at) => BinaryPrimitives.ReadUInt64LittleEndian(_bytes.AsSpan(at));

    /// <summary>The NUL-terminated string at <paramref name="offset"/> in the string table that <paramref name="owner"/> links to.</summary>
    public string String(ElfSection owner, uint offset)
    {
        var start = Sections[(int)owner.Link].Offset + (int)offset;
        var length = Array.IndexOf(_bytes, (byte)0, start) - start;
        return Encoding.ASCII.GetString(_bytes, start, length);
    }

    /// <summary>The name of dynamic symbol number <paramref name="index"/>.</summary>
    public string SymbolName(int index)
    {
        var dynsym = Single(DynSym);
        return String(dynsym, UInt32(dynsym.Offset + index * dynsym.EntrySize));
    }

    /// <summary>The standard System V ELF hash that vna_hash holds (System V ABI, "Hash Table").</summary>
    public static uint SysVHash(string name)
    {
        uint h = 0;
        foreach (var c in Encoding.ASCII.GetBytes(name))
        {
            h = (h << 4) + c;
            var g = h & 0xf0000000;
            if (g != 0)
            {
                h ^= g >> 24;
            }

            h &= ~g;
        }

        return h;
    }
}
