using System.ComponentModel;
using System.Runtime.InteropServices;

namespace EpochLens.Torch.Tests.Native;

/// <summary>Creates a hard link, which .NET has no API for, to stand in for an output file linked to the NuGet cache.</summary>
internal static class HardLink
{
    public static void Create(string existing, string newLink)
    {
        if (link(existing, newLink) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), $"cannot hard-link {newLink} to {existing}");
        }
    }

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int link(string existing, string newLink);
}
