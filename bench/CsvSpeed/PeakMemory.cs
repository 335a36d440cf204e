namespace EpochLens.Bench.CsvSpeed;

/// <summary>The process's peak resident memory (Linux VmHWM), which can be reset between measurements.</summary>
internal static class PeakMemory
{
    public static bool Available => File.Exists("/proc/self/status");

    /// <summary>Resets the peak to the current resident size (writing 5 to /proc/self/clear_refs).</summary>
    public static void Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
            // Older kernels: the peak then covers the whole process life, an upper bound.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    public static long PeakBytes() => Field("VmHWM:");

    public static long CurrentBytes() => Field("VmRSS:");

    private static long Field(string name)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(name, StringComparison.Ordinal))
            {
                return long.Parse(line[name.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }
}
