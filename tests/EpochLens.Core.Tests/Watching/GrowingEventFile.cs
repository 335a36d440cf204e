using EpochLens.Core.Tests.Readers.TensorBoard;

namespace EpochLens.Core.Tests.Watching;

/// <summary>
/// Writes a TensorBoard run epoch by epoch as a training loop would, flushing after each epoch, so a watcher can
/// follow it: "train/loss" every step, plus the first half of the next record to stand for one still being written.
/// With <c>runningMean</c> the logged loss is the mean of the epoch so far (the seed question's artefact);
/// otherwise it is each step's noisy loss. Shared with the CLI tests, which link this file.
/// </summary>
internal sealed class GrowingEventFile : IDisposable
{
    private readonly FileStream _file;
    private readonly EventFileWriter _writer;
    private readonly int _stepsPerEpoch;
    private readonly bool _runningMean;
    private readonly int _seed;
    private byte[] _pending = [];
    private long _step;

    public GrowingEventFile(string path, int stepsPerEpoch, bool runningMean, int seed = 1)
    {
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        _writer = new EventFileWriter(_file);
        _stepsPerEpoch = stepsPerEpoch;
        _runningMean = runningMean;
        _seed = seed;
        _writer.WriteFileVersion();
        _file.Flush();
    }

    public long StepsWritten => _step;

    public long Length => _file.Length;

    /// <summary>Where the half-written record starts, when the last epoch ended with one.</summary>
    public long HalfRecordOffset { get; private set; }

    /// <summary>Writes one epoch's records (finishing a half-written record first) and flushes them.</summary>
    public void WriteEpoch(bool endHalfWritten = false)
    {
        double sum = 0;
        for (int k = 1; k <= _stepsPerEpoch; k++, _step++)
        {
            double raw = Loss(_step);
            sum += raw;
            if (k == 1 && _pending.Length > 0)
            {
                // The rest of the record left half-written: it holds this step.
                _file.Write(_pending);
                _pending = [];
                continue;
            }

            _writer.WriteScalar("train/loss", _step, (float)(_runningMean ? sum / k : raw), 1.7e9 + _step);
        }

        if (endHalfWritten)
        {
            // The first record of the next epoch, cut in the middle of its payload: a writer caught between two writes.
            var next = new MemoryStream();
            new EventFileWriter(next).WriteScalar("train/loss", _step, (float)Loss(_step), 1.7e9 + _step);
            var bytes = next.ToArray();
            int half = bytes.Length / 2;
            HalfRecordOffset = _file.Position;
            _file.Write(bytes, 0, half);
            _pending = bytes[half..];
        }

        _file.Flush();
    }

    /// <summary>Writes bytes that are no record (damage) and flushes them.</summary>
    public void WriteDamage(int count)
    {
        _file.Write(new byte[count]);
        _file.Flush();
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>Each step's loss, the same however often it is asked for (a half-written record asks ahead).</summary>
    private double Loss(long step) => 0.5 + 1.5 * Math.Exp(-step / 4000.0) + 0.3 * (Uniform((ulong)_seed << 40 ^ (ulong)step) - 0.5);

    /// <summary>SplitMix64's finaliser: a fixed uniform number in [0, 1) per input.</summary>
    private static double Uniform(ulong x)
    {
        x += 0x9E3779B97F4A7C15;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        x ^= x >> 31;
        return (x >> 11) * (1.0 / (1UL << 53));
    }
}
