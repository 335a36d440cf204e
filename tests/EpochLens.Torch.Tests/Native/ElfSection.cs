namespace EpochLens.Torch.Tests.Native;

/// <summary>One ELF section header, as <see cref="ElfTestReader"/> reads it.</summary>
internal sealed record ElfSection(uint Type, int Offset, int Size, uint Link, int EntrySize);
