using EpochLens.Core.Tests.Readers.TensorBoard;

namespace EpochLens.Bench.Fuzz.Mutations;

/// <summary>
/// Event-file damage at the framing level: absurd lengths with a valid length checksum, broken length and payload
/// checksums, garbage between records, cuts at and inside records, records moved back or repeated, framed garbage,
/// and well-formed events with extreme steps, non-finite values or hostile tags.
/// </summary>
internal static class TfRecordMutations
{
    private static readonly ulong[] AbsurdLengths = [1UL << 40, 1UL << 62, ulong.MaxValue, (1UL << 31) + 7, (256UL << 20) + 1, 1UL << 27];

    private static readonly long[] ExtremeSteps = [long.MaxValue, long.MinValue, 1L << 62, -(1L << 62), -1, 1L << 53, (1L << 31) + 1];

    private static bool Events(FileKind kind) => kind == FileKind.TensorBoard;

    public static IEnumerable<Mutation> All()
    {
        yield return OnFrames("absurd-length", (data, frames, random) =>
        {
            var frame = frames[random.Next(frames.Count)];
            ulong length = random.Next(3) == 0 ? (ulong)(frame.Length + 1 + random.Next(64)) : AbsurdLengths[random.Next(AbsurdLengths.Length)];
            TfRecords.SetLength(data, frame.Offset, length);
            return data;
        });
        yield return OnFrames("length-crc-broken", (data, frames, random) =>
        {
            data[frames[random.Next(frames.Count)].Offset + 8 + random.Next(4)] ^= (byte)(1 << random.Next(8));
            return data;
        });
        yield return OnFrames("payload-crc-broken", (data, frames, random) =>
        {
            data[TfRecords.End(frames[random.Next(frames.Count)]) - 1 - random.Next(4)] ^= (byte)(1 << random.Next(8));
            return data;
        });
        yield return OnFrames("garbage-between-records", (data, frames, random) =>
        {
            var garbage = new byte[1 + random.Next(random.Next(2) == 0 ? 16 : 2048)];
            random.NextBytes(garbage);
            return ByteMutations.Insert(data, TfRecords.End(frames[random.Next(frames.Count)]), garbage);
        });
        yield return OnFrames("truncate-at-record", (data, frames, random) => data[..TfRecords.End(frames[random.Next(frames.Count)])]);
        yield return OnFrames("truncate-mid-record", (data, frames, random) =>
        {
            var frame = frames[random.Next(frames.Count)];
            return data[..(frame.Offset + 1 + random.Next(TfRecords.HeaderLength + frame.Length + TfRecords.FooterLength - 1))];
        });
        yield return OnFrames("records-moved-back", (data, frames, random) =>
        {
            int first = 1 + random.Next(Math.Max(1, frames.Count - 1));
            int last = Math.Min(frames.Count - 1, first + random.Next(200));
            if (first >= frames.Count)
            {
                return data;
            }

            int start = frames[first].Offset, end = TfRecords.End(frames[last]);
            int to = frames[random.Next(first)].Offset;
            var block = data[start..end];
            var without = (byte[])[.. data.AsSpan(0, start), .. data.AsSpan(end)];
            return ByteMutations.Insert(without, to, block);
        });
        yield return OnFrames("records-repeated", (data, frames, random) =>
        {
            int first = random.Next(frames.Count);
            int last = Math.Min(frames.Count - 1, first + random.Next(100));
            int end = TfRecords.End(frames[last]);
            return ByteMutations.Insert(data, end, data.AsSpan(frames[first].Offset, end - frames[first].Offset));
        });
        yield return OnFrames("framed-garbage", (data, frames, random) =>
        {
            var payload = new byte[1 + random.Next(300)];
            random.NextBytes(payload);
            return ByteMutations.Insert(data, TfRecords.End(frames[random.Next(frames.Count)]), Framed(writer => writer.WriteRecord(payload)));
        });
        yield return OnFrames("extreme-steps", (data, frames, random) => ByteMutations.Insert(data, TfRecords.End(frames[random.Next(frames.Count)]), Framed(writer =>
        {
            for (int i = 0, n = 1 + random.Next(20); i < n; i++)
            {
                writer.WriteScalar(random.Next(2) == 0 ? "train/loss" : "loss", ExtremeSteps[random.Next(ExtremeSteps.Length)] + i, 0.5f);
            }
        })));
        yield return OnFrames("non-finite-values", (data, frames, random) => ByteMutations.Insert(data, TfRecords.End(frames[random.Next(frames.Count)]), Framed(writer =>
        {
            float[] values = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.MaxValue, float.Epsilon];
            for (int i = 0, n = 1 + random.Next(50); i < n; i++)
            {
                writer.WriteScalar("train/loss", 100_000 + i, values[random.Next(values.Length)]);
            }
        })));
        yield return OnFrames("hostile-tag", (data, frames, random) => ByteMutations.Insert(data, TfRecords.End(frames[random.Next(frames.Count)]), Framed(writer =>
        {
            string tag = HostileText.Pick(random);
            for (int step = 0; step < 600; step++)
            {
                writer.WriteScalar(tag, step, (float)GeneratedSeeds.Loss(step));
            }
        })));
    }

    private static Mutation OnFrames(string name, Func<byte[], List<(int Offset, int Length)>, Random, byte[]> change) =>
        Mutation.OnContent(name, Events, (data, random) =>
        {
            var frames = TfRecords.Frames(data);
            return frames.Count == 0 ? data : change((byte[])data.Clone(), frames, random);
        });

    private static byte[] Framed(Action<EventFileWriter> write)
    {
        using var memory = new MemoryStream();
        using (var writer = new EventFileWriter(memory))
        {
            write(writer);
            return memory.ToArray();
        }
    }
}
