using EpochLens.Logs;
using EpochLens.Readers;
using EpochLens.Readers.Text;

namespace EpochLens.Core.Tests.Readers.Text;

/// <summary>
/// Deterministic random corruptions of printed logs, read by the text reader and through detection: nothing but
/// <see cref="LogReadException"/> may come out, and every read must finish within its timeout.
/// </summary>
public sealed class TextLogFuzzTests : IDisposable
{
    private const int CasesPerSample = 150;
    private static readonly TimeSpan PerCaseTimeout = TimeSpan.FromSeconds(10);
    private static readonly byte[] Separators = "\n\r\b\x1b[]()|:=/,.- '{}%0123456789"u8.ToArray();

    private readonly TextLogs _logs = new();

    public void Dispose() => _logs.Dispose();

    /// <summary>Each sample with the reads (both ways together) and points its corruptions must leave at least: about 90 % of what its seed reads.</summary>
    public static TheoryData<string, int, long> Samples() => new()
    {
        { TextLogs.Fixture("pdll-mnistresult.md"), 220, 10_000 },
        { "[epoch 1/2] step 10/20 loss=0.5 lr=3e-4\n[epoch 1/2] step 20/20 loss=0.4 lr=3e-4\n[epoch 1/2] val loss=0.45\n[epoch 2/2] step 10/20 loss=0.3 lr=3e-4\n", 134, 795 },
        { "2024-01-02 10:11:12,345 - INFO - Epoch: [0][ 10/500]\tLoss 0.7340 (0.8123)\n2024-01-02 10:11:13,345 - INFO - Epoch: [0][ 20/500]\tLoss 0.7 (0.8)\nTest set: Average loss: 0.1\n", 92, 500 },
        { "Epoch 0:  45%|████▌     | 450/1000 [00:12<00:15, 35.1it/s, loss=0.123, v_num=1]\rEpoch 0:  46%|████▌     | 460/1000 [00:12<00:15, 35.1it/s, loss=0.12, v_num=1]\n", 61, 250 },
        { "{'loss': 0.41, 'grad_norm': 1.2, 'learning_rate': 4e-05, 'epoch': 0.5}\n{'loss': 0.40, 'grad_norm': 1.1, 'learning_rate': 3e-05, 'epoch': 1.0}\n{'eval_loss': 0.5, 'epoch': 1.0}\n", 87, 577 },
        { "| epoch   1 |   200/ 2983 batches | lr 20.00 | ms/batch  5.30 | loss  7.63 | ppl  2066.90\n| end of epoch   1 | time: 20.31s | valid loss  5.78 | valid ppl   324.50\n", 32, 182 },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Corrupted_copies_never_crash_or_hang(string sample, int minRead, long minPoints)
    {
        var original = File.Exists(sample) ? File.ReadAllBytes(sample) : System.Text.Encoding.UTF8.GetBytes(sample);
        var random = new Random(original.Length);
        var path = Path.Combine(Path.GetDirectoryName(_logs.Write("x", ""))!, "case.log");
        var reader = DefaultLogReaders.Create();
        var tally = new FuzzTally();
        for (int i = 0; i < CasesPerSample; i++)
        {
            File.WriteAllBytes(path, Corrupt(original, random));
            var options = new ReadOptions { Strict = i % 7 == 0, KeepWallTimes = i % 3 == 0, Metric = i % 11 == 0 ? "loss" : null };
            var read = Task.Run(() =>
            {
                TextLogReader.Default.Recognises(path, FileHead.Read(path));
                foreach (var attempt in new Func<IReadOnlyList<TrainingLog>>[]
                {
                    () => TextLogReader.Default.Read(LogSource.OfFile(path), options, new ProblemLog()),
                    () => reader.Read(path, options, new ProblemLog()),
                })
                {
                    try
                    {
                        tally.Add(attempt());
                    }
                    catch (LogReadException)
                    {
                        // Nothing readable, or a strict read's first problem: allowed.
                        tally.Add(null);
                    }
                }
            });
            using var timeout = new CancellationTokenSource();
            var first = await Task.WhenAny(read, Task.Delay(PerCaseTimeout, timeout.Token));
            Assert.True(first == read, $"case {i} did not finish");
            await timeout.CancelAsync();
            await read;
        }

        tally.AssertAtLeast(minRead, minPoints, sample.Length > 40 ? sample[..40] : sample);
    }

    /// <summary>One to four random edits: bit flips, truncation, inserted garbage or separators, duplicated or removed chunks.</summary>
    private static byte[] Corrupt(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        int edits = random.Next(1, 5);
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
                    for (int copies = random.Next(1, 4); copies > 0; copies--)
                    {
                        bytes.InsertRange(random.Next(bytes.Count), chunk);
                    }

                    break;
                case 4:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 500), bytes.Count - at));
                    break;
                default:
                    for (int k = random.Next(1, 30); k > 0; k--)
                    {
                        bytes.Insert(random.Next(bytes.Count + 1), Separators[random.Next(Separators.Length)]);
                    }

                    break;
            }
        }

        return [.. bytes];
    }
}
