using System.IO.Compression;
using EpochLens.Readers;
using EpochLens.Readers.ConsoleLogs;

namespace EpochLens.Core.Tests.Readers.ConsoleLogs;

/// <summary>
/// Thousands of deterministic random corruptions of the console-log fixtures (plain and gzip), each read by both
/// readers: nothing but <see cref="LogReadException"/> may come out, and every read must finish within its timeout.
/// </summary>
public sealed class ConsoleLogFuzzTests : IDisposable
{
    private const int CasesPerFixture = 250;
    private static readonly TimeSpan PerCaseTimeout = TimeSpan.FromSeconds(10);
    private static readonly byte[] Separators = "\n\r\b\x1b[:/- ]━"u8.ToArray();

    private readonly TempFolder _folder = new();

    /// <summary>
    /// Per fixture, the reads (both readers together) and points its corruptions must leave at least: about 90 %
    /// of what its seed reads. A gzipped copy loses everything after a damaged byte, so it keeps far less.
    /// </summary>
    private static readonly Dictionary<string, (int Read, long Points)> Least = new(StringComparer.Ordinal)
    {
        ["notebook_two_runs.log"] = (189, 6_000),
        ["keras3_notebook.log"] = (190, 9_650),
        ["verbose2_two_runs.log"] = (182, 2_150),
        ["tf1_samples.log"] = (196, 12_500),
        ["tf1_verbose2.log"] = (112, 645),
        ["keras3_terminal.log"] = (193, 10_100),
        ["tf2_steps.log"] = (196, 16_300),
        ["mmengine_epoch.log"] = (196, 17_500),
        ["mmdet2_epoch.log"] = (189, 8_450),
        ["mmengine_iter.log"] = (191, 13_200),
        ["gzip:keras3_terminal.log"] = (64, 780),
        ["gzip:mmengine_epoch.log"] = (18, 1_000),
    };

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var name in ConsoleFixtures.Keras)
        {
            data.Add(ConsoleFixtures.KerasPath(name));
        }

        foreach (var name in ConsoleFixtures.MmEngine)
        {
            data.Add(ConsoleFixtures.MmEnginePath(name));
        }

        data.Add("gzip:" + ConsoleFixtures.KerasPath("keras3_terminal.log"));
        data.Add("gzip:" + ConsoleFixtures.MmEnginePath("mmengine_epoch.log"));
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Corrupted_copies_never_crash_or_hang_either_reader(string fixture)
    {
        bool gzip = fixture.StartsWith("gzip:", StringComparison.Ordinal);
        var original = File.ReadAllBytes(gzip ? fixture["gzip:".Length..] : fixture);
        if (gzip)
        {
            original = Compress(original);
        }

        var random = new Random(Path.GetFileName(fixture).Length * 7919 + (gzip ? 1 : 0));
        var path = Path.Combine(_folder.Path, "case.log");
        var tally = new FuzzTally();
        for (int i = 0; i < CasesPerFixture; i++)
        {
            var bytes = Corrupt(original, random);
            File.WriteAllBytes(path, bytes);
            var options = new ReadOptions { Strict = i % 7 == 0, KeepWallTimes = i % 3 == 0, MaxDecompressedBytes = 1 << 20, Metric = i % 11 == 0 ? "loss" : null };
            foreach (ILogReader reader in new ILogReader[] { KerasReader.Default, MmEngineReader.Default })
            {
                var read = Task.Run(() =>
                {
                    reader.Recognises(path, FileHead.Read(path));
                    try
                    {
                        tally.Add(reader.Read(LogSource.OfFile(path), options, new ProblemLog()));
                    }
                    catch (LogReadException)
                    {
                        // A file that cannot be read at all, or a strict read's first problem: allowed.
                        tally.Add(null);
                    }
                });
                using var timeout = new CancellationTokenSource();
                var first = await Task.WhenAny(read, Task.Delay(PerCaseTimeout, timeout.Token));
                Assert.True(first == read, $"{reader.Format} did not finish case {i} of {fixture}");
                await timeout.CancelAsync();
                await read; // rethrows anything but LogReadException, failing the test with the case's exception
            }
        }

        string key = (gzip ? "gzip:" : "") + Path.GetFileName(gzip ? fixture["gzip:".Length..] : fixture);
        Assert.True(Least.TryGetValue(key, out var least), $"no floor for {key}: measure one and add it to Least");
        tally.AssertAtLeast(least.Read, least.Points, key);
    }

    private static byte[] Compress(byte[] bytes)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return memory.ToArray();
    }

    /// <summary>One to three random edits: byte flips, truncation, inserted garbage or separators, duplicated or removed chunks.</summary>
    private static byte[] Corrupt(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        int edits = random.Next(1, 4);
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    for (int k = random.Next(1, 12); k > 0; k--)
                    {
                        int p = random.Next(bytes.Count);
                        bytes[p] = (byte)(bytes[p] ^ (1 << random.Next(8)));
                    }

                    break;
                case 1:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 2:
                    var garbage = new byte[random.Next(1, 300)];
                    random.NextBytes(garbage);
                    bytes.InsertRange(at, garbage);
                    break;
                case 3:
                    int length = Math.Min(random.Next(1, 2000), bytes.Count - at);
                    var chunk = bytes.GetRange(at, length);
                    bytes.InsertRange(random.Next(bytes.Count), chunk);
                    break;
                case 4:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 500), bytes.Count - at));
                    break;
                default:
                    for (int k = random.Next(1, 20); k > 0; k--)
                    {
                        bytes.Insert(random.Next(bytes.Count + 1), Separators[random.Next(Separators.Length)]);
                    }

                    break;
            }
        }

        return [.. bytes];
    }
}
