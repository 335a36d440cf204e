namespace EpochLens.Core.Tests.Readers.JsonLines;

/// <summary>Paths of the fixtures copied next to the test assembly, and scratch folders that clean up after themselves.</summary>
internal static class Fixture
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    public static string NewFolder()
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "epochlens-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
