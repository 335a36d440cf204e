// The cure for TorchSharp's native library on systems whose libstdc++ predates GCC 13.
//
// libLibTorchSharp.so (TorchSharp 0.99 and later) asks for the symbol version GLIBCXX_3.4.32 for one
// symbol only, std::ios_base_library_init(), which GCC 13 emits as a link-time anchor for iostream
// start-up and never calls. Debian 12 and Ubuntu 22.04 ship libstdc++ up to GLIBCXX_3.4.30, so the
// dynamic loader refuses the whole library. Pointing that one version requirement at the newest
// GLIBCXX version the same file already requires (and the system has) lets it load.
//
// This file is compiled twice: by MSBuild's RoslynCodeTaskFactory (build/TorchNative.targets), which
// runs the task on the copy of the library in a project's own output, and by the test project, which
// tests the ELF logic. It must therefore stay a single self-contained file with no project references.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace EpochLens.Build;

/// <summary>MSBuild task: applies <see cref="LibStdCxxCure"/> to one library file and logs what it did.</summary>
public sealed class CureLibStdCxxVersion : Microsoft.Build.Utilities.Task
{
    /// <summary>The libLibTorchSharp.so in the build output (never the NuGet cache).</summary>
    [Microsoft.Build.Framework.Required]
    public string LibraryPath { get; set; } = "";

    public override bool Execute()
    {
        CureOutcome outcome;
        try
        {
            outcome = LibStdCxxCure.Apply(LibraryPath, LibStdCxxCure.FindSystemLibStdCxx());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Log.LogWarning($"EpochLens: could not check {LibraryPath} against the system libstdc++: {e.Message}");
            return true;
        }

        var importance = outcome.Kind == CureKind.Cured
            ? Microsoft.Build.Framework.MessageImportance.High
            : Microsoft.Build.Framework.MessageImportance.Low;
        if (outcome.Kind == CureKind.Impossible)
        {
            Log.LogWarning($"EpochLens: {outcome.Message}");
        }
        else
        {
            Log.LogMessage(importance, $"EpochLens: {outcome.Message}");
        }

        return true;
    }
}

/// <summary>What <see cref="LibStdCxxCure.Apply"/> found and did.</summary>
public enum CureKind
{
    /// <summary>The system libstdc++ has every version the library asks for: nothing to do.</summary>
    NotNeeded,
    /// <summary>The library was rewritten to ask for an older GLIBCXX version.</summary>
    Cured,
    /// <summary>The library does not ask for the missing version (already cured, or a different build).</summary>
    NothingToCure,
    /// <summary>The cure would not be safe or could not be applied; the message says why.</summary>
    Impossible,
}

/// <summary>The result of one cure attempt, with a sentence for the build log.</summary>
// Plain classes, not records: RoslynCodeTaskFactory compiles against netstandard2.0, which lacks IsExternalInit.
public sealed class CureOutcome
{
    public CureOutcome(CureKind kind, string message)
    {
        Kind = kind;
        Message = message;
    }

    public CureKind Kind { get; }

    public string Message { get; }
}

/// <summary>Reads and rewrites ELF version requirements (.gnu.version_r) of a 64-bit little-endian library.</summary>
public static class LibStdCxxCure
{
    public const string MissingVersion = "GLIBCXX_3.4.32";
    public const string AnchorSymbol = "_ZSt21ios_base_library_initv";
    public const string LibStdCxxSoname = "libstdc++.so.6";

    private const uint ShtDynSym = 11;
    private const uint ShtGnuVerdef = 0x6ffffffd;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const uint ShtGnuVersym = 0x6fffffff;

    // netstandard2.0 has no Split(char, options) overload; a shared array avoids one allocation per call.
    private static readonly char[] PathListSeparator = { ':' };

    /// <summary>The folders where the dynamic loader usually finds libstdc++ on x86-64 and arm64 Linux.</summary>
    public static readonly string[] LibrarySearchFolders =
    {
        "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib/aarch64-linux-gnu",
        "/usr/lib64", "/lib64", "/usr/lib", "/lib",
    };

    /// <summary>The system libstdc++.so.6 the loader would pick, or null when none is found.</summary>
    public static string? FindSystemLibStdCxx()
    {
        var fromEnvironment = (Environment.GetEnvironmentVariable("LD_LIBRARY_PATH") ?? "")
            .Split(PathListSeparator, StringSplitOptions.RemoveEmptyEntries);
        return fromEnvironment.Concat(LibrarySearchFolders)
            .Select(folder => Path.Combine(folder, LibStdCxxSoname))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Rewrites <paramref name="libraryPath"/> in place when the system libstdc++ lacks
    /// <see cref="MissingVersion"/> and the only symbol needing it is the never-called anchor.
    /// </summary>
    public static CureOutcome Apply(string libraryPath, string? systemLibStdCxxPath)
    {
        if (systemLibStdCxxPath is null)
        {
            return new CureOutcome(CureKind.Impossible, $"no {LibStdCxxSoname} found in the usual folders; {libraryPath} left as it is.");
        }

        var systemVersions = ElfImage.Load(File.ReadAllBytes(systemLibStdCxxPath)).DefinedVersions();
        return Apply(libraryPath, systemVersions, systemLibStdCxxPath);
    }

    /// <summary>
    /// <see cref="Apply(string, string?)"/> against a known set of system versions, so that systems with and
    /// without <see cref="MissingVersion"/> can both be tested on any machine.
    /// </summary>
    /// <param name="systemLibStdCxxPath">Where <paramref name="systemVersions"/> came from, named in the messages.</param>
    public static CureOutcome Apply(string libraryPath, ISet<string> systemVersions, string systemLibStdCxxPath)
    {
        if (systemVersions.Contains(MissingVersion))
        {
            return new CureOutcome(CureKind.NotNeeded, $"{systemLibStdCxxPath} provides {MissingVersion}; {Path.GetFileName(libraryPath)} needs no change.");
        }

        var bytes = File.ReadAllBytes(libraryPath);
        var outcome = Rewrite(bytes, systemVersions);
        if (outcome.Kind == CureKind.Cured)
        {
            // Write a new file and rename it over the old one, never writing into the old inode: the output
            // copy may be a hard link into the shared NuGet cache, which must stay untouched.
            var temporary = libraryPath + ".epochlens-cure";
            File.WriteAllBytes(temporary, bytes);
            File.Delete(libraryPath);
            File.Move(temporary, libraryPath);
            return new CureOutcome(CureKind.Cured, $"{outcome.Message} in {libraryPath} (the system {systemLibStdCxxPath} lacks {MissingVersion})");
        }

        return outcome;
    }

    /// <summary>The pure part of <see cref="Apply"/>: rewrites the image bytes in memory.</summary>
    public static CureOutcome Rewrite(byte[] image, ISet<string> systemVersions)
    {
        var elf = ElfImage.Load(image);
        var needs = elf.VersionNeeds().Where(n => n.File == LibStdCxxSoname).ToList();
        var missing = needs.SelectMany(n => n.Versions).FirstOrDefault(v => v.Name == MissingVersion);
        if (missing is null)
        {
            return new CureOutcome(CureKind.NothingToCure, $"the library does not ask for {MissingVersion}.");
        }

        var symbols = elf.SymbolsWithVersionIndex(missing.Index);
        if (symbols.Count != 1 || symbols[0] != AnchorSymbol)
        {
            return new CureOutcome(CureKind.Impossible,
                $"{MissingVersion} is needed for [{string.Join(", ", symbols)}], not only {AnchorSymbol}; the library cannot be cured safely. Install a libstdc++ from GCC 13 or newer.");
        }

        var replacement = needs.SelectMany(n => n.Versions)
            .Where(v => v.Name.StartsWith("GLIBCXX_", StringComparison.Ordinal) && systemVersions.Contains(v.Name))
            .OrderByDescending(v => GlibcxxVersionNumber(v.Name))
            .FirstOrDefault();
        if (replacement is null)
        {
            return new CureOutcome(CureKind.Impossible, $"the library asks for no GLIBCXX version that the system provides; cannot cure.");
        }

        elf.WriteUInt32(missing.AuxOffset, replacement.Hash);
        elf.WriteUInt32(missing.AuxOffset + 8, replacement.NameOffset);
        return new CureOutcome(CureKind.Cured, $"rewrote the {MissingVersion} requirement of {AnchorSymbol} to {replacement.Name}");
    }

    /// <summary>The version numbers of a GLIBCXX_a.b.c name as one comparable tuple.</summary>
    public static (int, int, int) GlibcxxVersionNumber(string name)
    {
        var parts = name.Substring("GLIBCXX_".Length).Split('.').Select(p => int.TryParse(p, out var n) ? n : 0).ToArray();
        return (parts.ElementAtOrDefault(0), parts.ElementAtOrDefault(1), parts.ElementAtOrDefault(2));
    }

    /// <summary>One Elf64_Vernaux entry: a version name required from a needed library.</summary>
    public sealed class VersionNeed
    {
        public VersionNeed(string name, uint hash, uint nameOffset, ushort index, int auxOffset)
        {
            Name = name;
            Hash = hash;
            NameOffset = nameOffset;
            Index = index;
            AuxOffset = auxOffset;
        }

        public string Name { get; }

        public uint Hash { get; }

        public uint NameOffset { get; }

        /// <summary>The version index that .gnu.version entries use to point at this requirement.</summary>
        public ushort Index { get; }

        /// <summary>Where the Elf64_Vernaux entry starts in the file.</summary>
        public int AuxOffset { get; }
    }

    /// <summary>One Elf64_Verneed entry: a needed library and the versions required from it.</summary>
    public sealed class LibraryNeeds
    {
        public LibraryNeeds(string file, IReadOnlyList<VersionNeed> versions)
        {
            File = file;
            Versions = versions;
        }

        public string File { get; }

        public IReadOnlyList<VersionNeed> Versions { get; }
    }

    /// <summary>A minimal, bounds-checked view of a 64-bit little-endian ELF file's dynamic version tables.</summary>
    public sealed class ElfImage
    {
        private readonly byte[] _bytes;
        private readonly List<Section> _sections;

        private ElfImage(byte[] bytes, List<Section> sections)
        {
            _bytes = bytes;
            _sections = sections;
        }

        private sealed class Section
        {
            public Section(uint type, long offset, long size, uint link, uint info, long entrySize)
            {
                Type = type;
                Offset = offset;
                Size = size;
                Link = link;
                Info = info;
                EntrySize = entrySize;
            }

            public uint Type { get; }

            public long Offset { get; }

            public long Size { get; }

            public uint Link { get; }

            public uint Info { get; }

            public long EntrySize { get; }
        }

        public static ElfImage Load(byte[] bytes)
        {
            if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
            {
                throw new InvalidDataException("not an ELF file");
            }

            if (bytes[4] != 2 || bytes[5] != 1)
            {
                throw new InvalidDataException("not a 64-bit little-endian ELF file");
            }

            var image = new ElfImage(bytes, new List<Section>());
            long tableOffset = (long)image.ReadUInt64(0x28);
            int entrySize = image.ReadUInt16(0x3A);
            int count = image.ReadUInt16(0x3C);
            if (entrySize < 64)
            {
                throw new InvalidDataException("ELF section header entries are too small");
            }

            // Offsets are unsigned in the file: one above 2^63 turns negative here and would wrap back into the file.
            if (tableOffset < 0 || tableOffset > bytes.Length || (long)count * entrySize > bytes.Length - tableOffset)
            {
                throw new InvalidDataException("the ELF section header table lies outside the file");
            }

            for (int i = 0; i < count; i++)
            {
                long at = tableOffset + (long)i * entrySize;
                var section = new Section(
                    image.ReadUInt32(at + 4),
                    (long)image.ReadUInt64(at + 24),
                    (long)image.ReadUInt64(at + 32),
                    image.ReadUInt32(at + 40),
                    image.ReadUInt32(at + 44),
                    (long)image.ReadUInt64(at + 56));
                if (section.Offset < 0 || section.Size < 0 || section.EntrySize < 0)
                {
                    throw new InvalidDataException($"ELF section {i} has an offset or size beyond any file");
                }

                image._sections.Add(section);
            }

            return image;
        }

        /// <summary>The version names this library defines (.gnu.version_d), e.g. GLIBCXX_3.4.30.</summary>
        public HashSet<string> DefinedVersions()
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var section in _sections.Where(s => s.Type == ShtGnuVerdef))
            {
                var strings = StringTable(section.Link);
                long at = section.Offset;
                for (uint i = 0; i < section.Info; i++)
                {
                    ushort auxCount = ReadUInt16(at + 6);
                    uint auxOffset = ReadUInt32(at + 12);
                    if (auxCount > 0)
                    {
                        names.Add(ReadString(strings, ReadUInt32(at + auxOffset)));
                    }

                    uint next = ReadUInt32(at + 16);
                    if (next == 0)
                    {
                        break;
                    }

                    at += next;
                }
            }

            return names;
        }

        /// <summary>The libraries and versions this library requires (.gnu.version_r).</summary>
        public List<LibraryNeeds> VersionNeeds()
        {
            var result = new List<LibraryNeeds>();
            foreach (var section in _sections.Where(s => s.Type == ShtGnuVerneed))
            {
                var strings = StringTable(section.Link);
                long at = section.Offset;
                for (uint i = 0; i < section.Info; i++)
                {
                    ushort auxCount = ReadUInt16(at + 2);
                    string file = ReadString(strings, ReadUInt32(at + 4));
                    var versions = new List<VersionNeed>();
                    long aux = at + ReadUInt32(at + 8);
                    for (int j = 0; j < auxCount; j++)
                    {
                        uint nameOffset = ReadUInt32(aux + 8);
                        versions.Add(new VersionNeed(ReadString(strings, nameOffset), ReadUInt32(aux), nameOffset, ReadUInt16(aux + 6), checked((int)aux)));
                        uint nextAux = ReadUInt32(aux + 12);
                        if (nextAux == 0)
                        {
                            break;
                        }

                        aux += nextAux;
                    }

                    result.Add(new LibraryNeeds(file, versions));
                    uint next = ReadUInt32(at + 12);
                    if (next == 0)
                    {
                        break;
                    }

                    at += next;
                }
            }

            return result;
        }

        /// <summary>The dynamic symbols whose .gnu.version entry is <paramref name="versionIndex"/>.</summary>
        public List<string> SymbolsWithVersionIndex(ushort versionIndex)
        {
            var versym = _sections.FirstOrDefault(s => s.Type == ShtGnuVersym);
            var dynsym = _sections.FirstOrDefault(s => s.Type == ShtDynSym);
            var names = new List<string>();
            if (versym is null || dynsym is null || dynsym.EntrySize < 24)
            {
                return names;
            }

            var strings = StringTable(dynsym.Link);
            long count = Math.Min(versym.Size / 2, dynsym.Size / dynsym.EntrySize);
            for (long i = 0; i < count; i++)
            {
                if ((ReadUInt16(versym.Offset + i * 2) & 0x7fff) == versionIndex)
                {
                    names.Add(ReadString(strings, ReadUInt32(dynsym.Offset + i * dynsym.EntrySize)));
                }
            }

            return names;
        }

        public void WriteUInt32(long at, uint value)
        {
            Check(at, 4);
            BitConverter.GetBytes(value).CopyTo(_bytes, at);
        }

        private Section StringTable(uint index) =>
            index < _sections.Count ? _sections[(int)index] : throw new InvalidDataException("ELF string table index out of range");

        private string ReadString(Section table, uint offset)
        {
            long start = table.Offset + offset;
            Check(start, 1);
            long end = start;
            while (end < _bytes.Length && _bytes[end] != 0)
            {
                end++;
            }

            return Encoding.ASCII.GetString(_bytes, (int)start, (int)(end - start));
        }

        private ushort ReadUInt16(long at)
        {
            Check(at, 2);
            return BitConverter.ToUInt16(_bytes, (int)at);
        }

        private uint ReadUInt32(long at)
        {
            Check(at, 4);
            return BitConverter.ToUInt32(_bytes, (int)at);
        }

        private ulong ReadUInt64(long at)
        {
            Check(at, 8);
            return BitConverter.ToUInt64(_bytes, (int)at);
        }

        private void Check(long at, int length)
        {
            if (at < 0 || at > _bytes.Length - length)
            {
                throw new InvalidDataException($"ELF offset {at} is outside the file");
            }
        }
    }
}
