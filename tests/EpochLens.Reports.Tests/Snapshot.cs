using System.Runtime.CompilerServices;

namespace EpochLens.Reports.Tests;

/// <summary>
/// Compares text with an expected file committed under Snapshots/; with EPOCHLENS_UPDATE_SNAPSHOTS=1 it rewrites the
/// file instead (review the diff before committing). Line ends are normalised and trailing spaces dropped: Spectre
/// pads wrapped paragraphs to the block's width, which no reader sees.
/// </summary>
internal static class Snapshot
{
    public const string UpdateVariable = "EPOCHLENS_UPDATE_SNAPSHOTS";

    public static void Match(string name, string actual, [CallerFilePath] string caller = "")
    {
        string folder = Path.Combine(Path.GetDirectoryName(caller)!, "Snapshots");
        string path = Path.Combine(folder, name + ".txt");
        string normalised = Normalise(actual);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(path, normalised);
            return;
        }

        Assert.True(File.Exists(path), $"no snapshot {path}; run the tests with {UpdateVariable}=1 to write it, then review it. Actual:\n{normalised}");
        string expected = Normalise(File.ReadAllText(path));
        if (expected != normalised)
        {
            Assert.Fail($"{name} differs from {path} (first difference at line {FirstDifference(expected, normalised)}); with {UpdateVariable}=1 the file is rewritten.\n--- expected\n{expected}\n--- actual\n{normalised}");
        }
    }

    internal static string Normalise(string text) =>
        string.Join('\n', text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(line => line.TrimEnd())).TrimEnd('\n') + "\n";

    private static int FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i] != b[i])
            {
                return i + 1;
            }
        }

        return Math.Min(a.Length, b.Length) + 1;
    }
}
