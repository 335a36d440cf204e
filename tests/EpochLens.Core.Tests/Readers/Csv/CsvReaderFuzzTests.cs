using EpochLens.Readers;
using EpochLens.Readers.Csv;

namespace EpochLens.Core.Tests.Readers.Csv;

/// <summary>
/// Thousands of deterministic corruptions of the fixtures (byte flips, cuts, inserted garbage, repeated
/// chunks), plain and gzip: each is detected and read with no exception but <see cref="LogReadException"/>,
/// and within a time limit, so a hang fails the test instead of stalling it; and enough of them are read, with
/// enough points, that the reader was tested on more than refusals.
/// </summary>
public sealed class CsvReaderFuzzTests : IDisposable
{
    private const int CasesPerFixture = 700;
    private static readonly TimeSpan PerCaseLimit = TimeSpan.FromSeconds(10);

    private static readonly byte[] Special = [(byte)'"', (byte)',', (byte)'\n', 0, 0xff, 0x1f, 0x8b];

    private static readonly byte[] CsvFlavour = ",\"\n\r;\t-.e9nan"u8.ToArray();

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Each fixture with the copies and points its corruptions must leave readable at least (about 90 % of what this seed reads).</summary>
    public static TheoryData<string, bool, int, long> Fixtures() => new()
    {
        { "lightning-csvlogger/metrics.csv", false, 550, 58_000 },
        { "csv-wandb/wandb_export.csv", false, 550, 89_000 },
        { "csv-plain/loss.csv", false, 570, 81_000 },
        { "csv-plain/loss.csv", true, 300, 19_900 },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Corrupted_copies_never_crash_nor_hang(string fixture, bool gzip, int minRead, long minPoints)
    {
        var tally = new FuzzTally();
        var original = File.ReadAllBytes(TempFolder.Fixture(fixture.Split('/')));
        if (gzip)
        {
            original = TempFolder.Gzip(original);
        }

        var random = new Random(fixture.Length * 31 + (gzip ? 1 : 0));
        string name = gzip ? "fuzz.csv.gz" : "fuzz.csv";
        for (int i = 0; i < CasesPerFixture; i++)
        {
            var bytes = Corrupt(original, random);
            var path = _temp.Write(name, bytes);
            var options = ReadOptions.Default with { Strict = i % 10 == 9, KeepWallTimes = i % 2 == 0, MaxDecompressedBytes = i % 7 == 0 ? 1000 : 1L << 20 };
            var read = Task.Run(() =>
            {
                _ = CsvReader.Default.Recognises(path, FileHead.Read(path));
                try
                {
                    var logs = CsvReader.Default.Read(LogSource.OfFile(path), options, new ProblemLog());
                    Assert.NotEmpty(logs);
                    tally.Add(logs);
                }
                catch (LogReadException)
                {
                    // A file damaged past reading is allowed to say so.
                    tally.Add(null);
                }
            });
            var finished = await Task.WhenAny(read, Task.Delay(PerCaseLimit));
            Assert.True(finished == read, $"case {i} of {fixture} (gzip {gzip}) did not finish in {PerCaseLimit}");
            await read; // rethrows anything but LogReadException
        }

        tally.AssertAtLeast(minRead, minPoints, $"{fixture} (gzip {gzip})");
    }

    private static byte[] Corrupt(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        int edits = random.Next(1, 6);
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0: // flip bits
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1: // truncate
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 2: // insert garbage, sometimes CSV-flavoured
                    var garbage = new byte[random.Next(1, 40)];
                    random.NextBytes(garbage);
                    for (int g = 0; g < garbage.Length; g++)
                    {
                        if (random.Next(3) == 0)
                        {
                            garbage[g] = CsvFlavour[random.Next(CsvFlavour.Length)];
                        }
                    }

                    bytes.InsertRange(at, garbage);
                    break;
                case 3: // duplicate a chunk
                    int length = Math.Min(random.Next(1, 400), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                case 4: // delete a chunk
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 100), bytes.Count - at));
                    break;
                default: // overwrite with a byte that matters to a parser
                    bytes[at] = Special[random.Next(Special.Length)];
                    break;
            }
        }

        return [.. bytes];
    }
}
