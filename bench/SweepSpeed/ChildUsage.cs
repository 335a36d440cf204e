using System.Runtime.InteropServices;

namespace EpochLens.Bench.SweepSpeed;

/// <summary>The CPU time of the waited-for child processes (getrusage RUSAGE_CHILDREN), Linux x64 layout.</summary>
internal static partial class ChildUsage
{
    private const int RusageChildren = -1;

    public static double CpuSeconds()
    {
        // struct rusage starts with ru_utime and ru_stime (struct timeval: seconds, microseconds); 14 longs follow.
        var usage = new long[18];
        return GetRusage(RusageChildren, usage) == 0 ? usage[0] + (usage[1] / 1e6) + usage[2] + (usage[3] / 1e6) : double.NaN;
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, [Out] long[] usage);
}
