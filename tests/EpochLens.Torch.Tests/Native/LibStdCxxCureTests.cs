using EpochLens.Build;

namespace EpochLens.Torch.Tests.Native;

public sealed class LibStdCxxCureTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("epochlens-cure-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The GLIBCXX versions of a GCC libstdc++ that ends at GLIBCXX_3.4.<paramref name="last"/> (GCC 12 ends at 30).</summary>
    private static HashSet<string> SystemUpTo(int last)
    {
        var versions = Enumerable.Range(1, last).Select(n => $"GLIBCXX_3.4.{n}").Append("GLIBCXX_3.4");
        return new HashSet<string>(versions.Concat(["CXXABI_1.3", "CXXABI_1.3.13", "GLIBCXX_DEBUG_MESSAGE_LENGTH"]), StringComparer.Ordinal);
    }

    private static LibStdCxxCure.VersionNeed Need(byte[] image, string name) =>
        LibStdCxxCure.ElfImage.Load(image).VersionNeeds()
            .Single(n => n.File == LibStdCxxCure.LibStdCxxSoname).Versions
            .Single(v => v.Name == name);

    private static IEnumerable<string> NeededNames(byte[] image) =>
        LibStdCxxCure.ElfImage.Load(image).VersionNeeds().SelectMany(n => n.Versions).Select(v => v.Name);

    private string TemporaryCopy(string name = "libLibTorchSharp.so")
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, PristineLibrary.ReadCopy());
        return path;
    }

    [PristineLibraryFact]
    public void The_pristine_library_asks_for_3_4_32_with_the_standard_ELF_hash()
    {
        var image = PristineLibrary.ReadCopy();

        var missing = Need(image, "GLIBCXX_3.4.32");

        // Checks the test's own hash against what the linker wrote, before the hash is used to judge the cure.
        Assert.Equal(ElfTestReader.SysVHash("GLIBCXX_3.4.32"), missing.Hash);
        Assert.Equal(ElfTestReader.SysVHash("GLIBCXX_3.4.30"), Need(image, "GLIBCXX_3.4.30").Hash);
    }

    [PristineLibraryFact]
    public void Rewrite_points_the_3_4_32_requirement_at_3_4_30_and_changes_nothing_else()
    {
        var original = PristineLibrary.ReadCopy();
        var image = PristineLibrary.ReadCopy();
        var before = Need(original, "GLIBCXX_3.4.32");
        var target = Need(original, "GLIBCXX_3.4.30");

        var outcome = LibStdCxxCure.Rewrite(image, SystemUpTo(30));

        Assert.Equal(CureKind.Cured, outcome.Kind);
        Assert.DoesNotContain("GLIBCXX_3.4.32", NeededNames(image));
        var elf = new ElfTestReader(image);
        var versionR = elf.Single(ElfTestReader.GnuVersionR);
        Assert.Equal(ElfTestReader.SysVHash("GLIBCXX_3.4.30"), elf.UInt32(before.AuxOffset));
        Assert.Equal("GLIBCXX_3.4.30", elf.String(versionR, elf.UInt32(before.AuxOffset + 8)));
        Assert.Equal(target.NameOffset, elf.UInt32(before.AuxOffset + 8));
        // vna_other stays: the symbols that used the 3.4.32 index now resolve through the rewritten entry.
        Assert.Equal(before.Index, elf.UInt16(before.AuxOffset + 6));
        var changed = Enumerable.Range(0, image.Length).Where(i => image[i] != original[i]).ToList();
        Assert.NotEmpty(changed);
        Assert.All(changed, i => Assert.True(
            (i >= before.AuxOffset && i < before.AuxOffset + 4) || (i >= before.AuxOffset + 8 && i < before.AuxOffset + 12),
            $"byte {i} changed outside the rewritten vna_hash and vna_name"));
    }

    [PristineLibraryFact]
    public void Rewrite_picks_the_newest_version_the_system_has_by_number_not_by_text()
    {
        // The library also asks for GLIBCXX_3.4.9, which sorts after 3.4.29 as text.
        var image = PristineLibrary.ReadCopy();
        var auxOffset = Need(image, "GLIBCXX_3.4.32").AuxOffset;

        var outcome = LibStdCxxCure.Rewrite(image, SystemUpTo(29));

        Assert.Equal(CureKind.Cured, outcome.Kind);
        var elf = new ElfTestReader(image);
        Assert.Equal("GLIBCXX_3.4.29", elf.String(elf.Single(ElfTestReader.GnuVersionR), elf.UInt32(auxOffset + 8)));
        Assert.Equal(ElfTestReader.SysVHash("GLIBCXX_3.4.29"), elf.UInt32(auxOffset));
    }

    [Theory]
    [InlineData("GLIBCXX_3.4.9", "GLIBCXX_3.4.30")]
    [InlineData("GLIBCXX_3.4", "GLIBCXX_3.4.1")]
    [InlineData("GLIBCXX_3.4.29", "GLIBCXX_3.4.30")]
    public void Version_numbers_compare_as_numbers(string older, string newer)
    {
        Assert.True(LibStdCxxCure.GlibcxxVersionNumber(older).CompareTo(LibStdCxxCure.GlibcxxVersionNumber(newer)) < 0);
    }

    [PristineLibraryFact]
    public void Rewrite_twice_changes_nothing_the_second_time()
    {
        var image = PristineLibrary.ReadCopy();
        Assert.Equal(CureKind.Cured, LibStdCxxCure.Rewrite(image, SystemUpTo(30)).Kind);
        var cured = (byte[])image.Clone();

        var second = LibStdCxxCure.Rewrite(image, SystemUpTo(30));

        Assert.Equal(CureKind.NothingToCure, second.Kind);
        Assert.Equal(cured, image);
    }

    [PristineLibraryFact]
    public void Rewrite_refuses_when_another_symbol_also_needs_3_4_32()
    {
        var image = PristineLibrary.ReadCopy();
        var missingIndex = Need(image, "GLIBCXX_3.4.32").Index;
        var elf = new ElfTestReader(image);
        var versym = elf.Single(ElfTestReader.GnuVersion);
        // Another libstdc++ import (version index above 1 means a named version) made to ask for 3.4.32 too.
        var other = Enumerable.Range(0, versym.Size / 2)
            .First(i => elf.UInt16(versym.Offset + i * 2) is var v && v > 1 && v != missingIndex);
        BitConverter.GetBytes(missingIndex).CopyTo(image, versym.Offset + other * 2);
        var crafted = (byte[])image.Clone();

        var outcome = LibStdCxxCure.Rewrite(image, SystemUpTo(30));

        Assert.Equal(CureKind.Impossible, outcome.Kind);
        Assert.Contains(elf.SymbolName(other), outcome.Message, StringComparison.Ordinal);
        Assert.Contains(LibStdCxxCure.AnchorSymbol, outcome.Message, StringComparison.Ordinal);
        Assert.Equal(crafted, image);
    }

    [PristineLibraryFact]
    public void Rewrite_refuses_when_the_system_has_none_of_the_versions_the_library_asks_for()
    {
        var image = PristineLibrary.ReadCopy();

        var outcome = LibStdCxxCure.Rewrite(image, new HashSet<string>(StringComparer.Ordinal) { "GLIBCXX_3.4.31" });

        Assert.Equal(CureKind.Impossible, outcome.Kind);
        Assert.Equal(PristineLibrary.ReadCopy(), image);
    }

    [PristineLibraryFact]
    public void Apply_leaves_the_file_untouched_when_the_system_has_3_4_32()
    {
        var path = TemporaryCopy();
        var written = File.GetLastWriteTimeUtc(path);

        var outcome = LibStdCxxCure.Apply(path, SystemUpTo(32), "/fake/libstdc++.so.6");

        Assert.Equal(CureKind.NotNeeded, outcome.Kind);
        Assert.Equal(PristineLibrary.ReadCopy(), File.ReadAllBytes(path));
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [PristineLibraryFact]
    public void Apply_cures_once_then_finds_nothing_to_cure()
    {
        var path = TemporaryCopy();

        var first = LibStdCxxCure.Apply(path, SystemUpTo(30), "/fake/libstdc++.so.6");
        var cured = File.ReadAllBytes(path);
        var second = LibStdCxxCure.Apply(path, SystemUpTo(30), "/fake/libstdc++.so.6");

        Assert.Equal(CureKind.Cured, first.Kind);
        Assert.Contains(path, first.Message, StringComparison.Ordinal);
        Assert.Equal(CureKind.NothingToCure, second.Kind);
        Assert.Equal(cured, File.ReadAllBytes(path));
        Assert.DoesNotContain("GLIBCXX_3.4.32", NeededNames(cured));
        Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [PristineLibraryFact]
    public void Apply_against_the_real_system_libstdcxx_cures_exactly_when_it_lacks_3_4_32()
    {
        var system = LibStdCxxCure.FindSystemLibStdCxx();
        if (system is null)
        {
            // Only reachable off Linux: the cure must then refuse rather than guess.
            Assert.Equal(CureKind.Impossible, LibStdCxxCure.Apply(TemporaryCopy(), null).Kind);
            return;
        }

        var defined = LibStdCxxCure.ElfImage.Load(File.ReadAllBytes(system)).DefinedVersions();
        Assert.Contains("GLIBCXX_3.4", defined);
        var path = TemporaryCopy();

        var outcome = LibStdCxxCure.Apply(path, system);

        var lacks = !defined.Contains(LibStdCxxCure.MissingVersion);
        Assert.Equal(lacks ? CureKind.Cured : CureKind.NotNeeded, outcome.Kind);
        Assert.Equal(!lacks, NeededNames(File.ReadAllBytes(path)).Contains(LibStdCxxCure.MissingVersion));
    }

    [PristineLibraryFact]
    public void Apply_replaces_the_file_so_a_hard_linked_cache_copy_stays_untouched()
    {
        // MSBuild may hard-link output files to the NuGet cache; writing in place would cure the cache too.
        var path = TemporaryCopy();
        var cacheStandIn = Path.Combine(_folder, "cache-copy.so");
        HardLink.Create(path, cacheStandIn);

        var outcome = LibStdCxxCure.Apply(path, SystemUpTo(30), "/fake/libstdc++.so.6");

        Assert.Equal(CureKind.Cured, outcome.Kind);
        Assert.Equal(PristineLibrary.ReadCopy(), File.ReadAllBytes(cacheStandIn));
        Assert.DoesNotContain("GLIBCXX_3.4.32", NeededNames(File.ReadAllBytes(path)));
    }

    public static TheoryData<string, byte[]> Garbage()
    {
        var header = new byte[64];
        "\u007fELF"u8.CopyTo(header);
        header[4] = 2; // 64-bit
        header[5] = 1; // little-endian

        byte[] With(Action<byte[]> change)
        {
            var bytes = (byte[])header.Clone();
            change(bytes);
            return bytes;
        }

        return new TheoryData<string, byte[]>
        {
            { "empty", [] },
            { "text", "not a library at all, just some text that is longer than an ELF header ......"u8.ToArray() },
            { "magic only", "\u007fELF"u8.ToArray() },
            { "64 zero bytes", new byte[64] },
            { "32-bit", With(b => b[4] = 1) },
            { "big-endian", With(b => b[5] = 2) },
            { "section table past the end", With(b => { b[0x28] = 0xff; b[0x3A] = 64; b[0x3C] = 1; }) },
            { "section table at a negative offset", With(b => { b.AsSpan(0x28, 8).Fill(0xff); b[0x3A] = 64; b[0x3C] = 1; }) },
            { "section entries too small", With(b => { b[0x3A] = 8; b[0x3C] = 1; }) },
        };
    }

    [Theory]
    [MemberData(nameof(Garbage))]
    public void Garbage_is_rejected_as_invalid_data(string what, byte[] bytes)
    {
        var exception = Record.Exception(() => LibStdCxxCure.Rewrite(bytes, SystemUpTo(30)));

        Assert.True(exception is InvalidDataException, $"{what}: {exception?.GetType().Name ?? "no exception"}");
    }

    [PristineLibraryFact]
    public void A_truncated_library_is_rejected_as_invalid_data()
    {
        var whole = PristineLibrary.ReadCopy();
        foreach (var length in new[] { 0, 63, 64, 4096, whole.Length / 2, whole.Length - 64, whole.Length - 1 })
        {
            var exception = Record.Exception(() => LibStdCxxCure.Rewrite(whole[..length], SystemUpTo(30)));

            Assert.True(exception is InvalidDataException, $"length {length}: {exception?.GetType().Name ?? "no exception"}");
        }
    }

    [PristineLibraryFact]
    public void Damaged_tables_give_an_outcome_or_invalid_data_and_nothing_else()
    {
        var pristine = PristineLibrary.ReadCopy();
        var elf = new ElfTestReader(pristine);
        var sectionTable = (int)elf.UInt64(0x28);
        var versionR = elf.Single(ElfTestReader.GnuVersionR);
        var versym = elf.Single(ElfTestReader.GnuVersion);
        // The bytes the cure reads: the header, the section table, the version requirements and the symbol versions.
        (int Start, int Length)[] regions =
        [
            (0, 64), (sectionTable, elf.Sections.Count * 64), (versionR.Offset, versionR.Size), (versym.Offset, Math.Min(versym.Size, 4096)),
        ];
        var random = new Random(20240531);

        for (var trial = 0; trial < 400; trial++)
        {
            var image = (byte[])pristine.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                var (start, length) = regions[random.Next(regions.Length)];
                image[start + random.Next(length)] = (byte)random.Next(256);
            }

            var exception = Record.Exception(() => LibStdCxxCure.Rewrite(image, SystemUpTo(30)));

            Assert.True(exception is null or InvalidDataException, $"trial {trial}: {exception}");
        }
    }
}
