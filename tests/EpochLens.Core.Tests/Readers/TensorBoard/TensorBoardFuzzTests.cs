using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using EpochLens.Readers;
using EpochLens.Readers.TensorBoard;
using Xunit.Abstractions;

namespace EpochLens.Core.Tests.Readers.TensorBoard;

/// <summary>
/// Thousands of deterministic corruptions of real event files: nothing but <see cref="LogReadException"/>
/// may escape, and every read must finish (the inputs are small, so a hang shows as the time limit).
/// </summary>
public sealed class TensorBoardFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Cases = 3000;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Random_corruptions_of_the_fixtures_never_crash_or_hang_the_reader()
    {
        var bases = Bases();
        var file = _temp.File("events.out.tfevents.fuzz");
        var outcomes = new Dictionary<string, int>();
        var tally = new FuzzTally();
        var slowest = TimeSpan.Zero;
        var run = Task.Run(() =>
        {
            for (int seed = 0; seed < Cases; seed++)
            {
                var random = new Random(seed);
                var input = bases[seed % bases.Count];
                var (bytes, mutation) = Mutate(input, random);
                if (random.Next(10) == 0)
                {
                    bytes = Gzip(bytes, corrupt: random.Next(2) == 0, random);
                    mutation += "+gzip";
                }

                File.WriteAllBytes(file, bytes);
                var options = new ReadOptions
                {
                    Strict = random.Next(8) == 0,
                    KeepWallTimes = random.Next(2) == 0,
                    Metric = random.Next(6) == 0 ? "train/loss" : null,
                    MaxDecompressedBytes = random.Next(4) == 0 ? random.Next(1, 64 << 10) : 16L << 30,
                };
                var clock = Stopwatch.StartNew();
                string outcome;
                try
                {
                    var logs = TensorBoardReader.Default.Read(LogSource.OfFile(file), options, new ProblemLog());
                    outcome = logs.Count == 1 ? "read" : "odd";
                    tally.Add(logs);
                }
                catch (LogReadException)
                {
                    outcome = "refused";
                    tally.Add(null);
                }
                catch (Exception e)
                {
                    throw new InvalidOperationException($"case {seed} ({mutation}): {e.GetType().Name}: {e.Message}", e);
                }

                if (clock.Elapsed > slowest)
                {
                    slowest = clock.Elapsed;
                }

                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
        });

        // A hang (or a read far out of proportion to these small inputs) fails here with a TimeoutException.
        await run.WaitAsync(Limit);
        output.WriteLine($"{Cases} cases: {string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"))}; slowest {slowest.TotalMilliseconds:F1} ms");
        Assert.DoesNotContain("odd", outcomes.Keys);
        Assert.True(outcomes.GetValueOrDefault("read") > Cases / 2, "most corruptions leave something readable");
        tally.AssertAtLeast(2350, 270_000, "event files"); // about 90 % of what these seeds read
    }

    /// <summary>Up to 200 records of each fixture run, plus a written file with every kind of event: small, varied inputs.</summary>
    private List<byte[]> Bases()
    {
        var bases = new List<byte[]>();
        foreach (var fixture in new[] { "tb-summarywriter", "tb-newstyle", "tb-resumed" })
        {
            foreach (var path in TbFixtures.Run(fixture).Files)
            {
                var records = Records(File.ReadAllBytes(path));
                bases.Add(Frame(records.Take(200)));
                if (records.Count > 200)
                {
                    bases.Add(Frame(records.Take(1).Concat(records.Skip(records.Count - 100))));
                }
            }
        }

        var mixed = _temp.File("mixed");
        using (var writer = new EventFileWriter(mixed))
        {
            writer.WriteFileVersion();
            for (int step = 0; step < 40; step++)
            {
                writer.WriteScalar("train/loss", step, step);
                writer.WriteTensorScalar("val/loss", step, step, withMetadata: step < 2);
                if (step % 10 == 0)
                {
                    writer.WriteHistogram("w", step);
                    writer.WriteText("t", step, "x");
                    writer.WriteSessionStart(step / 2);
                }
            }
        }

        bases.Add(File.ReadAllBytes(mixed));
        return bases;
    }

    private static (byte[] Bytes, string Mutation) Mutate(byte[] input, Random random)
    {
        var bytes = (byte[])input.Clone();
        switch (random.Next(6))
        {
            case 0:
                for (int i = random.Next(1, 9); i > 0; i--)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                return (bytes, "byte flips");
            case 1:
                return (bytes[..random.Next(bytes.Length)], "truncation");
            case 2:
                {
                    var garbage = new byte[random.Next(1, 65)];
                    random.NextBytes(garbage);
                    int at = random.Next(bytes.Length + 1);
                    return ([.. bytes[..at], .. garbage, .. bytes[at..]], "inserted garbage");
                }

            case 3:
                {
                    int start = random.Next(bytes.Length);
                    int length = random.Next(1, Math.Min(4096, bytes.Length - start) + 1);
                    int at = random.Next(bytes.Length + 1);
                    return ([.. bytes[..at], .. bytes.AsSpan(start, length), .. bytes[at..]], "duplicated chunk");
                }

            case 4:
                {
                    // Damage inside payloads with the checksums recomputed, so the Event decoder itself is fuzzed.
                    var records = Records(bytes);
                    for (int i = random.Next(1, 4); i > 0; i--)
                    {
                        int r = random.Next(records.Count);
                        var payload = records[r];
                        records[r] = random.Next(3) switch
                        {
                            0 when payload.Length > 0 => Flip(payload, random),
                            1 => payload[..random.Next(payload.Length + 1)],
                            _ => [.. payload, .. RandomBytes(random, random.Next(1, 16))],
                        };
                    }

                    return (Frame(records), "payload damage, checksums valid");
                }

            default:
                {
                    // A length field with a valid checksum that claims anything, up to 2^64-1.
                    int at = random.Next(bytes.Length);
                    ulong length = random.Next(3) switch
                    {
                        0 => (ulong)random.NextInt64(),
                        1 => (ulong)random.Next(1 << 30),
                        _ => (ulong)random.Next(1 << 16),
                    };
                    var header = new byte[12];
                    BinaryPrimitives.WriteUInt64LittleEndian(header, length);
                    BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), Crc32C.MaskedOf(header.AsSpan(0, 8)));
                    return ([.. bytes[..at], .. header, .. bytes[at..]], "forged length");
                }
        }
    }

    private static byte[] Flip(byte[] payload, Random random)
    {
        var copy = (byte[])payload.Clone();
        copy[random.Next(copy.Length)] = (byte)random.Next(256);
        return copy;
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>The payloads of well-framed records, up to the first damage.</summary>
    private static List<byte[]> Records(byte[] file)
    {
        var records = new List<byte[]>();
        int at = 0;
        while (file.Length - at >= 16)
        {
            ulong length = BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(at));
            if (length > (ulong)(file.Length - at - 16))
            {
                break;
            }

            records.Add(file.AsSpan(at + 12, (int)length).ToArray());
            at += 16 + (int)length;
        }

        return records;
    }

    private static byte[] Frame(IEnumerable<byte[]> payloads)
    {
        var stream = new MemoryStream();
        var writer = new EventFileWriter(stream);
        foreach (var payload in payloads)
        {
            writer.WriteRecord(payload);
        }

        return stream.ToArray();
    }

    private static byte[] Gzip(byte[] bytes, bool corrupt, Random random)
    {
        var stream = new MemoryStream();
        using (var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        var zipped = stream.ToArray();
        if (corrupt && zipped.Length > 0)
        {
            zipped[random.Next(zipped.Length)] ^= (byte)(1 << random.Next(8));
        }

        return zipped;
    }
}
