using System.Runtime.CompilerServices;

namespace EpochLens.Core.Tests;

/// <summary>The README's layout tree names every folder of the source tree, and only folders that exist.</summary>
public sealed class RepositoryLayoutTests
{
    private static readonly string[] NotSource = ["bin", "obj", "results", "TestResults", "__pycache__"];

    [Fact]
    public void Readme_layout_lists_exactly_the_folders_of_the_tree()
    {
        string root = RepositoryRoot();
        var listed = LayoutTree(File.ReadAllLines(Path.Combine(root, "README.md")));

        var actual = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string top in new[] { "src", "tests", "bench", "python", "build", "data", "docs" })
        {
            actual.Add(top);
        }

        foreach (string folder in Folders(Path.Combine(root, "src"), int.MaxValue))
        {
            actual.Add(Path.GetRelativePath(root, folder).Replace('\\', '/'));
        }

        foreach (string parent in new[] { "tests", "bench" })
        {
            foreach (string folder in Folders(Path.Combine(root, parent), 1))
            {
                actual.Add(Path.GetRelativePath(root, folder).Replace('\\', '/'));
            }
        }

        // Below tests/X/ and bench/X/ the tree says what is there in words; only their first level is named.
        listed.RemoveWhere(path => path.Split('/') is [("tests" or "bench"), _, _, ..]);
        Assert.Empty(actual.Except(listed));
        Assert.Empty(listed.Except(actual));
    }

    /// <summary>The folder paths of the fenced tree under "## Layout": a line's first word ending in '/', two spaces a level.</summary>
    private static SortedSet<string> LayoutTree(string[] readme)
    {
        int start = Array.IndexOf(readme, "## Layout");
        Assert.True(start >= 0, "README.md has no '## Layout' section");
        int open = Array.FindIndex(readme, start, line => line.StartsWith("```", StringComparison.Ordinal));
        int close = Array.FindIndex(readme, open + 1, line => line.StartsWith("```", StringComparison.Ordinal));
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        var stack = new List<string>();
        foreach (string line in readme[(open + 1)..close])
        {
            string word = line.TrimStart().Split(' ')[0];
            if (!word.EndsWith('/')) continue;
            int depth = (line.Length - line.TrimStart().Length) / 2;
            stack.RemoveRange(depth, stack.Count - depth);
            stack.Add(word.TrimEnd('/'));
            paths.Add(string.Join('/', stack));
        }

        return paths;
    }

    private static IEnumerable<string> Folders(string folder, int depth) =>
        depth == 0 ? [] : Directory.EnumerateDirectories(folder)
            .Where(d => !NotSource.Contains(Path.GetFileName(d)))
            .SelectMany(d => Folders(d, depth - 1).Prepend(d));

    private static string RepositoryRoot([CallerFilePath] string caller = "")
    {
        for (string? folder = Path.GetDirectoryName(caller); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "EpochLens.slnx"))) return folder;
        }

        throw new InvalidOperationException($"no EpochLens.slnx above {caller}");
    }
}
