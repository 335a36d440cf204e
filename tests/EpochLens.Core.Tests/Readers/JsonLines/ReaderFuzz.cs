using EpochLens.Readers;

namespace EpochLens.Core.Tests.Readers.JsonLines;

/// <summary>
/// Feeds deterministic random corruptions of fixture files to a reader: byte flips, truncations, inserted
/// garbage, duplicated chunks. Any exception other than <see cref="LogReadException"/> fails, and so does
/// a run that does not finish in time (the inputs are small, so only a hang can be slow). What was read comes
/// back for the caller to assert.
/// </summary>
internal static class ReaderFuzz
{
    /// <param name="copy">Writes the corrupted bytes of one fixture file into a fresh folder and returns the path to read.</param>
    public static FuzzTally Run(ILogReader reader, byte[] original, int cases, int seed, Func<string, byte[], string> copy)
    {
        var root = Path.Combine(Path.GetTempPath(), "epochlens-fuzz", Guid.NewGuid().ToString("N"));
        var tally = new FuzzTally();
        var work = Task.Run(() =>
        {
            var random = new Random(seed);
            for (int i = 0; i < cases; i++)
            {
                var bytes = Corrupt(original, random);
                // A few folders reused in turn: the callback overwrites the corrupted file and adds what else it needs once.
                var folder = Path.Combine(root, (i % 8).ToString(System.Globalization.CultureInfo.InvariantCulture));
                Directory.CreateDirectory(folder);
                var path = copy(folder, bytes);
                var options = ReadOptions.Default with { Strict = i % 10 == 0, KeepWallTimes = i % 3 == 0 };
                try
                {
                    tally.Add(reader.Read(LogSource.OfFile(path), options, new ProblemLog()));
                }
                catch (LogReadException)
                {
                    tally.Add(null);
                }
                catch (Exception e)
                {
                    throw new InvalidOperationException($"case {i} (seed {seed}): {e.GetType().Name}: {e.Message}; input kept at {path}", e);
                }
            }
        });
        try
        {
            if (!work.Wait(TimeSpan.FromSeconds(60)))
            {
                throw new TimeoutException($"fuzzing {reader.Format} did not finish in 60 s: a read hangs");
            }
        }
        catch (AggregateException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }

        Directory.Delete(root, recursive: true);
        return tally;
    }

    private static byte[] Corrupt(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        int edits = 1 + random.Next(4);
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            switch (random.Next(5))
            {
                case 0:
                    for (int k = random.Next(1, 8); k > 0; k--)
                    {
                        int at = random.Next(bytes.Count);
                        bytes[at] ^= (byte)(1 << random.Next(8));
                    }

                    break;
                case 1:
                    int cut = random.Next(bytes.Count);
                    bytes.RemoveRange(cut, bytes.Count - cut);
                    break;
                case 2:
                    var garbage = new byte[random.Next(1, 64)];
                    random.NextBytes(garbage);
                    if (random.Next(2) == 0)
                    {
                        // Structural bytes make the corruption look like JSON or CSV, which reaches deeper code.
                        for (int k = 0; k < garbage.Length; k++)
                        {
                            garbage[k] = "{}[]\",:0123456789.eE-NaIfinty \n\\"u8[garbage[k] % 32];
                        }
                    }

                    bytes.InsertRange(random.Next(bytes.Count + 1), garbage);
                    break;
                case 3:
                    int start = random.Next(bytes.Count);
                    int length = Math.Min(random.Next(1, 256), bytes.Count - start);
                    bytes.InsertRange(random.Next(bytes.Count + 1), bytes.GetRange(start, length));
                    break;
                default:
                    int from = random.Next(bytes.Count);
                    bytes.RemoveRange(from, Math.Min(random.Next(1, 32), bytes.Count - from));
                    break;
            }
        }

        return [.. bytes];
    }
}
