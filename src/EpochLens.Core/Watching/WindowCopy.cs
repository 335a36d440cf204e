namespace EpochLens.Watching;

/// <summary>
/// What a <see cref="LineWindow"/> copied: the file's first <paramref name="PrefixBytes"/> bytes (<paramref name="PrefixLines"/>
/// lines), then from <paramref name="ContextStart"/> (line <paramref name="FirstContextLine"/>, the first of
/// <paramref name="ContextLines"/> lines read before) to <paramref name="End"/>. Maps the window's lines and bytes
/// back to the file's, so that problems name the file's own positions.
/// </summary>
internal sealed record WindowCopy(long PrefixBytes, long PrefixLines, long ContextStart, long ContextLines, long FirstContextLine, long End)
{
    /// <summary>The file copied whole: positions are the file's own.</summary>
    public static WindowCopy Whole(long length) => new(length, 0, length, 0, 1, length);

    public bool IsWhole => PrefixBytes == ContextStart && PrefixLines == 0;

    /// <summary>Lines of the window read before (its first lines and context), whose problems were already reported.</summary>
    public long LinesReadBefore => IsWhole ? 0 : PrefixLines + ContextLines;

    /// <summary>The file's line number of the window's line <paramref name="line"/> (1-based).</summary>
    public long FileLine(long line) => IsWhole || line <= PrefixLines ? line : FirstContextLine + (line - PrefixLines - 1);

    /// <summary>The file's byte offset of the window's byte <paramref name="offset"/>.</summary>
    public long FileByte(long offset) => IsWhole || offset < PrefixBytes ? offset : ContextStart + (offset - PrefixBytes);
}
