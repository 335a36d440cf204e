using System.Runtime.InteropServices;

namespace EpochLens.Bench.Fuzz;

/// <summary>Writes a case to its folder: the files, the FIFOs and the symbolic links.</summary>
internal static partial class CaseMaterializer
{
    public static void Write(FuzzCase fuzzCase, string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        foreach (var file in fuzzCase.Files)
        {
            string path = Path.Combine(folder, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Content);
        }

        foreach (var fifo in fuzzCase.Fifos)
        {
            string path = Path.Combine(folder, fifo);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path) && MakeFifo(path, Convert.ToUInt32("644", 8)) != 0)
            {
                throw new IOException($"mkfifo {path} failed (errno {Marshal.GetLastPInvokeError()})");
            }
        }

        foreach (var (link, pointsTo) in fuzzCase.Symlinks)
        {
            string path = Path.Combine(folder, link);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!Path.Exists(path) && new FileInfo(path).LinkTarget is null)
            {
                File.CreateSymbolicLink(path, pointsTo);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "mkfifo", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int MakeFifo(string path, uint mode);
}
