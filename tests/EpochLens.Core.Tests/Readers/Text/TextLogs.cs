using System.Globalization;
using System.Text;
using EpochLens.Logs;
using EpochLens.Readers;
using EpochLens.Readers.Text;

namespace EpochLens.Core.Tests.Readers.Text;

/// <summary>Writes small printed logs and reads them with the text reader or the full detection.</summary>
internal sealed class TextLogs : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "epochlens-text-" + Guid.NewGuid().ToString("N"));

    public TextLogs() => Directory.CreateDirectory(_folder);

    public ProblemLog Problems { get; } = new();

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "text-logs", name);

    /// <summary>Lines built by <paramref name="line"/> for epochs and positions, joined by newlines.</summary>
    public static string Lines(IEnumerable<int> epochs, IEnumerable<int> positions, Func<int, int, string> line)
    {
        var text = new StringBuilder();
        var all = positions.ToList();
        foreach (int e in epochs)
        {
            foreach (int p in all)
            {
                text.Append(line(e, p)).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>A deterministic loss for epoch e, position p, printed with four decimals.</summary>
    public static string Loss(int e, int p) => Value(e, p).ToString("0.0000", CultureInfo.InvariantCulture);

    public static double Value(int e, int p) => Math.Round(1.0 / (e + 1) + (p % 7 * 0.01), 4);

    public string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public IReadOnlyList<TrainingLog> Read(string path, ReadOptions? options = null) =>
        TextLogReader.Default.Read(LogSource.OfFile(path), options ?? ReadOptions.Default, Problems);

    public TrainingLog ReadOne(string path, ReadOptions? options = null) => Assert.Single(Read(path, options));

    public IReadOnlyList<TrainingLog> Detect(string path, ReadOptions? options = null) =>
        DefaultLogReaders.Create().Read(path, options ?? ReadOptions.Default, Problems);

    public string Messages(ProblemKind kind) =>
        string.Join("\n", Problems.Kept.Where(p => p.Kind == kind).Select(p => p.ToString()));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
