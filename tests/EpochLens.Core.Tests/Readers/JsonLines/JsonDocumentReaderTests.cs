using System.Text;
using EpochLens.Logs;
using EpochLens.Readers;
using EpochLens.Readers.JsonLines;

namespace EpochLens.Core.Tests.Readers.JsonLines;

/// <summary>A history saved as one JSON document, in the shapes scripts and tools write it, found by detection.</summary>
public sealed class JsonDocumentReaderTests : IDisposable
{
    private readonly string _folder = Fixture.NewFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static TrainingLog Detect(string path) => DefaultLogReaders.Create().Read(path, ReadOptions.Default, new ProblemLog()).Single();

    private static string Rows(Func<int, string> row, string separator) => string.Join(separator, Enumerable.Range(0, 30).Select(row));

    private static double Loss(int i) => Math.Round(2.0 / (i + 1), 4);

    [Theory]
    [InlineData(",")]
    [InlineData(",\n  ")]
    public void An_array_of_per_step_objects_reads_like_json_lines(string separator)
    {
        var path = Write("history.json", "[" + Rows(i => $"{{\"step\": {i * 10}, \"loss\": {Loss(i)}, \"epoch\": {i / 10}}}", separator) + "]");

        var log = Detect(path);

        Assert.Equal("json", log.Format);
        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal(30, loss.Count);
        Assert.Equal(50, loss.Steps[5]);
        Assert.Equal(Loss(5), loss.Values[5]);
        Assert.Equal(3, log.Epochs!.EpochStartSteps!.Count);
    }

    [Fact]
    public void An_object_of_arrays_gives_a_row_per_index()
    {
        var steps = string.Join(", ", Enumerable.Range(0, 30).Select(i => i * 5));
        var losses = string.Join(", ", Enumerable.Range(0, 30).Select(Loss));
        var path = Write("curves.json", $"{{\"step\": [{steps}], \"loss\": [{losses}]}}");

        var loss = Detect(path).Find(SeriesRole.TrainLoss)!;

        Assert.Equal(30, loss.Count);
        Assert.Equal(145, loss.Steps[^1]);
        Assert.Equal(Loss(29), loss.Values[^1]);
    }

    [Fact]
    public void Sacred_metrics_are_merged_by_step()
    {
        var steps = string.Join(", ", Enumerable.Range(0, 30).Select(i => i * 5));
        var losses = string.Join(", ", Enumerable.Range(0, 30).Select(Loss));
        var path = Write("metrics.json", $"{{\"train.loss\": {{\"steps\": [{steps}], \"timestamps\": [], \"values\": [{losses}]}}, \"lr\": {{\"steps\": [0, 75], \"values\": [0.1, 0.01]}}}}");

        var log = Detect(path);

        var loss = log.Find("train.loss")!;
        Assert.Equal(30, loss.Count);
        Assert.Equal(75, loss.Steps[15]);
        Assert.Equal([0.1, 0.01], log.Find("lr")!.Values.ToArray());
    }

    [Fact]
    public void A_settings_file_or_a_json_lines_file_is_not_claimed()
    {
        Assert.False(JsonDocumentReader.Default.Recognises("config.json", "{\"lr\": 0.1, \"batch_size\": 32}"u8));
        Assert.False(JsonDocumentReader.Default.Recognises("log.jsonl", "[{\"step\": 1, \"loss\": 0.5}]"u8));
        Assert.False(JsonDocumentReader.Default.Recognises("names.json", "[\"a\", \"b\"]"u8));
        Assert.True(JsonDocumentReader.Default.Recognises("losses.json", "[0.9, 0.8, 0.7]"u8));
    }

    [Fact]
    public void Broken_json_is_an_error_naming_the_file()
    {
        var path = Write("history.json", "{\"step\": [1, 2], \"loss\": [0.5, ");

        var error = Assert.Throws<LogReadException>(() => JsonDocumentReader.Default.Read(LogSource.OfFile(path), ReadOptions.Default, new ProblemLog()));

        Assert.Contains("history.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_history_cut_off_while_written_keeps_its_complete_objects_and_says_so()
    {
        var path = Write("history.json", "[{\"step\": 1, \"loss\": 0.5}, {\"step\": 2, \"loss\": 0.4}, {\"step\": 3, \"loss\": ");
        var problems = new ProblemLog();

        var log = Assert.Single(JsonDocumentReader.Default.Read(LogSource.OfFile(path), ReadOptions.Default, problems));

        Assert.Equal([0.5, 0.4], log.Find("loss")!.Values.ToArray());
        Assert.Contains(problems.Kept, p => p.Kind == ProblemKind.Truncated && p.Message.Contains("2 complete objects", StringComparison.Ordinal));
    }
}
