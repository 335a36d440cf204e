namespace EpochLens.Readers;

/// <summary>
/// The memory a read may use, sized from the machine: half of what the runtime may use (physical memory, or a
/// container's or DOTNET_GCHeapHardLimit's limit). It bounds the points held and the bytes decompressed.
/// </summary>
public static class MemoryBudget
{
    /// <summary>
    /// Memory a held point costs through the diagnosis, with room to spare: 16 bytes while read, as much again while
    /// its series is built, and the analysis' working copies of the loss series (a gzip bomb of 7 million one-column
    /// rows peaked near 110 bytes a point under a 1.75 GiB heap limit).
    /// </summary>
    public const int BytesPerPoint = 128;

    /// <summary>The largest decompression limit, however much memory there is (the limit bounds time too).</summary>
    public const long MaxDecompressedBytes = 16L << 30;

    public static long DefaultBytes { get; } = Math.Max(64L << 20, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2);

    /// <summary>Parses a size such as "512M", "1.5GiB" or bytes; false when not one or not in 1 MiB-1 PiB.</summary>
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        var trimmed = text.AsSpan().Trim();
        int unitStart = trimmed.Length;
        while (unitStart > 0 && char.IsAsciiLetter(trimmed[unitStart - 1])) unitStart--;
        long multiplier = trimmed[unitStart..].ToString().ToUpperInvariant() switch
        {
            "" or "B" => 1,
            "K" or "KB" or "KIB" => 1L << 10,
            "M" or "MB" or "MIB" => 1L << 20,
            "G" or "GB" or "GIB" => 1L << 30,
            "T" or "TB" or "TIB" => 1L << 40,
            _ => 0,
        };
        var style = NumberStyles.AllowDecimalPoint;
        if (multiplier == 0
            || !double.TryParse(trimmed[..unitStart], style, CultureInfo.InvariantCulture, out double number)
            || number * multiplier is < 1 << 20 or > 1L << 50)
        {
            return false;
        }

        bytes = (long)(number * multiplier);
        return true;
    }

    public static string Describe(long bytes) => bytes >= 1L << 30
        ? (bytes / (double)(1L << 30)).ToString("0.#", CultureInfo.InvariantCulture) + " GiB"
        : (bytes >> 20).ToString(CultureInfo.InvariantCulture) + " MiB";

    /// <summary>The problem a read (or a follow) reports when its points filled the budget.</summary>
    public static string UsedUp(ReadOptions options, long points)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"the memory budget ({Describe(options.MemoryBudgetBytes)}, {points:N0} points held at once) was used up: "
            + $"the points read until then are kept and later ones dropped ({options.Spell(Settings.Setting.MemoryBudget)} raises it)";
    }
}
