using System.Globalization;
using System.IO.Compression;
using System.Text;
using EpochLens.Logs;
using EpochLens.Readers;

namespace EpochLens.Core.Tests.Readers;

/// <summary>UTF-16 (either byte order, with or without a byte-order mark) and UTF-8 with a mark read like plain UTF-8, in every text format.</summary>
public sealed class TextEncodingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "epochlens-encoding-tests", Guid.NewGuid().ToString("N"));

    public TextEncodingTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, string> Logs() => new()
    {
        { "log.csv", Csv() },
        { "keras.log", Keras() },
        { "log.jsonl", JsonLines() },
        { "printed.log", Printed() },
        { "trainer_state.json", TrainerState() },
    };

    public static TheoryData<string> Encodings() => ["utf-16le-bom", "utf-16be-bom", "utf-16le", "utf-8-bom", "utf-16le-bom-gzip"];

    [Theory]
    [MemberData(nameof(Logs))]
    public void Every_encoding_reads_the_same_points_as_the_utf8_copy(string name, string text)
    {
        var expected = Read(Write("utf-8", name, Encoding.UTF8.GetBytes(text)));
        Assert.True(expected.Count > 10, $"the UTF-8 copy of {name} read {expected.Count} points");
        foreach (var encoding in Encodings())
        {
            var bytes = Encode(text, encoding);
            string file = name + (encoding.EndsWith("gzip", StringComparison.Ordinal) ? ".gz" : "");
            Assert.Equal(expected, Read(Write(encoding, file, bytes)));
        }
    }

    [Fact]
    public void Utf16_is_known_by_its_mark_or_by_the_zero_bytes_of_ascii_text_and_nothing_else_is()
    {
        Assert.Equal(Encoding.Unicode, TextEncoding.Utf16Of([0xFF, 0xFE, (byte)'a', 0]));
        Assert.Equal(Encoding.BigEndianUnicode, TextEncoding.Utf16Of([0xFE, 0xFF, 0, (byte)'a']));
        Assert.Equal(Encoding.Unicode, TextEncoding.Utf16Of(Encoding.Unicode.GetBytes("step,loss\n1,0.5\n2,0.4\n")));
        Assert.Equal(Encoding.BigEndianUnicode, TextEncoding.Utf16Of(Encoding.BigEndianUnicode.GetBytes("step,loss\n1,0.5\n2,0.4\n")));
        Assert.Null(TextEncoding.Utf16Of(Encoding.UTF8.GetBytes("step,loss\n1,0.5\n2,0.4\n")));
        Assert.Null(TextEncoding.Utf16Of([0xFF, 0xFE, 0, 0, (byte)'a', 0, 0, 0]));
        // A TensorBoard record header: lengths and checksums, not text.
        Assert.Null(TextEncoding.Utf16Of([24, 0, 0, 0, 0, 0, 0, 0, 0xA3, 0x7F, 0x4B, 0x22, 9, 0x2D, 0x11, 0x7A, 0x51, 0x1C, 0xD9, 0x41]));
    }

    private static List<(long Step, double Value)> Read(string path)
    {
        var log = DefaultLogReaders.Create().Read(path, ReadOptions.Default, new ProblemLog()).Single();
        var loss = log.Find(SeriesRole.TrainLoss)!;
        return [.. Enumerable.Range(0, loss.Count).Select(i => (loss.Steps[i], loss.Values[i]))];
    }

    /// <summary>Each copy in a folder of its own, under the log's own name (a trainer_state.json is known by it).</summary>
    private string Write(string encoding, string name, byte[] bytes)
    {
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(_folder, encoding)).FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf-16le-bom" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
        "utf-16be-bom" => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)],
        "utf-16le" => Encoding.Unicode.GetBytes(text),
        "utf-8-bom" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
        "utf-16le-bom-gzip" => Gzip(Encode(text, "utf-16le-bom")),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    private static string Loss(int t) => (1.0 / (1 + (t / 50)) + (0.001 * (t % 7))).ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Csv() => "step,epoch,loss\n" + string.Concat(Enumerable.Range(0, 200).Select(t => $"{t},{t / 50},{Loss(t)}\n"));

    private static string Keras() => string.Concat(Enumerable.Range(1, 3).Select(e =>
        $"Epoch {e}/3\n" + string.Concat(Enumerable.Range(1, 20).Select(i => $"{i}/20 [====] - ETA: 1s - loss: {Loss((e * 20) + i)}\n"))));

    private static string JsonLines() => string.Concat(Enumerable.Range(0, 200).Select(t => $"{{\"step\": {t}, \"loss\": {Loss(t)}}}\n"));

    private static string Printed() => string.Concat(Enumerable.Range(0, 120).Select(t => $"epoch {(t / 40) + 1} step {(t % 40) + 1}/40 loss={Loss(t)}\n"));

    private static string TrainerState() =>
        "{\"global_step\": 100, \"max_steps\": 100, \"num_train_epochs\": 4, \"log_history\": ["
        + string.Join(", ", Enumerable.Range(1, 100).Select(t => $"{{\"epoch\": {(t / 25.0).ToString(CultureInfo.InvariantCulture)}, \"loss\": {Loss(t)}, \"step\": {t}}}"))
        + "]}";
}
