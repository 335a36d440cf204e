namespace EpochLens.Readers.Input;

/// <summary>The files under a folder of logs, as every reader and follower lists them.</summary>
internal static class LogFolder
{
    private static readonly EnumerationOptions Recursive = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
    };

    public static IEnumerable<string> Files(string folder) => Directory.EnumerateFiles(folder, "*", Recursive);
}
