using System.Globalization;
using EpochLens.Logs;
using EpochLens.Readers;
using EpochLens.Readers.TensorBoard;

namespace EpochLens.Core.Tests.Readers.TensorBoard;

/// <summary>The tb-* fixtures (copied from ../shared/fixtures, written by PyTorch 2.11's SummaryWriter) and temp folders for written ones.</summary>
internal static class TbFixtures
{
    public static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>The event files directly in a fixture folder, in file-name order (TensorBoard's order).</summary>
    public static LogSource Run(string name)
    {
        var folder = Folder(name);
        var files = Directory.GetFiles(folder, "*tfevents*").Order(StringComparer.Ordinal).ToList();
        return new LogSource(folder, files);
    }

    /// <summary>tag -> (step, value) as TensorBoard's loader read them, from the fixture's expected CSV.</summary>
    public static Dictionary<string, List<(long Step, double Value)>> Expected(string name)
    {
        var expected = new Dictionary<string, List<(long, double)>>();
        foreach (var line in File.ReadLines(Path.Combine(Folder("tb-expected"), name + ".expected.csv")).Skip(1))
        {
            var parts = line.Split(',');
            if (!expected.TryGetValue(parts[0], out var points))
            {
                expected[parts[0]] = points = [];
            }

            points.Add((long.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture)));
        }

        return expected;
    }

    public static TrainingLog ReadOne(LogSource source, ReadOptions? options = null, IProblemSink? problems = null) =>
        Assert.Single(TensorBoardReader.Default.Read(source, options ?? ReadOptions.Default, problems ?? new ProblemLog()));

    public static TrainingLog ReadFile(string file, ReadOptions? options = null, IProblemSink? problems = null) =>
        ReadOne(LogSource.OfFile(file), options, problems);
}
