using System.Text;

namespace EpochLens.Bench.Fuzz.Mutations;

/// <summary>
/// Damage to line-based logs: cuts at a line boundary and inside a line, broken lines, lines dropped, repeated or
/// moved back (steps going backwards), huge lines, CRLF and CR endings.
/// </summary>
internal static class LineMutations
{
    public static IEnumerable<Mutation> All()
    {
        yield return Mutation.OnContent("truncate-at-line", FileKinds.IsLines, TruncateAtLine);
        yield return Mutation.OnContent("truncate-mid-line", FileKinds.IsLines, TruncateMidLine);
        yield return Mutation.OnContent("line-broken", FileKinds.IsLines, BreakLine);
        yield return Mutation.OnContent("line-deleted", FileKinds.IsLines, (data, random) => EditLines(data, random, (lines, at) => lines.RemoveAt(at)));
        yield return Mutation.OnContent("lines-repeated", FileKinds.IsLines, RepeatBlock);
        yield return Mutation.OnContent("steps-backwards", FileKinds.IsLines, MoveBlockBack);
        yield return Mutation.OnContent("lines-shuffled", FileKinds.IsLines, Shuffle);
        yield return Mutation.OnContent("huge-line", FileKinds.IsLines, HugeLine);
        yield return Mutation.OnContent("garbage-line", FileKinds.IsLines, GarbageLine);
        yield return Mutation.OnContent("crlf", FileKinds.IsLines, (data, _) => Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(data).Replace("\n", "\r\n", StringComparison.Ordinal)));
        yield return Mutation.OnContent("cr-only", FileKinds.IsLines, (data, _) => data.Select(b => b == (byte)'\n' ? (byte)'\r' : b).ToArray());
    }

    private static byte[] TruncateAtLine(byte[] data, Random random)
    {
        var starts = TextLines.Boundaries(data);
        return data[..starts[random.Next(starts.Count)]];
    }

    private static byte[] TruncateMidLine(byte[] data, Random random)
    {
        var starts = TextLines.Boundaries(data);
        int line = random.Next(starts.Count);
        int end = line + 1 < starts.Count ? starts[line + 1] : data.Length;
        return data[..Math.Min(data.Length, starts[line] + random.Next(Math.Max(1, end - starts[line])))];
    }

    private static byte[] BreakLine(byte[] data, Random random) => EditLines(data, random, (lines, at) =>
    {
        var line = lines[at];
        if (line.Length > 1)
        {
            int cut = random.Next(line.Length);
            int length = 1 + random.Next(Math.Min(line.Length - cut, 24));
            lines[at] = [.. line.AsSpan(0, cut), .. line.AsSpan(cut + length)];
        }
    });

    private static byte[] RepeatBlock(byte[] data, Random random) => EditLines(data, random, (lines, at) =>
    {
        int length = Math.Min(lines.Count - at, 1 + random.Next(200));
        lines.InsertRange(at, lines.GetRange(at, length));
    });

    /// <summary>A later block of lines moved before an earlier one: its steps go backwards, then forwards again.</summary>
    private static byte[] MoveBlockBack(byte[] data, Random random) => EditLines(data, random, (lines, at) =>
    {
        int length = Math.Min(lines.Count - at, 1 + random.Next(300));
        var block = lines.GetRange(at, length);
        lines.RemoveRange(at, length);
        lines.InsertRange(random.Next(Math.Min(at, lines.Count) + 1), block);
    });

    private static byte[] Shuffle(byte[] data, Random random)
    {
        var lines = TextLines.Split(data);
        var header = lines.Count > 0 ? lines[0] : [];
        var rest = lines.Skip(1).ToArray();
        random.Shuffle(rest);
        return TextLines.Join([header, .. rest]);
    }

    private static byte[] HugeLine(byte[] data, Random random) => EditLines(data, random, (lines, at) =>
    {
        int length = random.Next(3) switch { 0 => 70_000, 1 => 1 << 20, _ => 16 << 20 };
        byte fill = (byte)"a0,{[ 9\""[random.Next(8)];
        var line = new byte[length];
        Array.Fill(line, fill);
        lines.Insert(at, line);
    });

    private static byte[] GarbageLine(byte[] data, Random random) => EditLines(data, random, (lines, at) =>
    {
        var garbage = new byte[1 + random.Next(200)];
        random.NextBytes(garbage);
        lines.Insert(at, garbage.Select(b => b == (byte)'\n' ? (byte)' ' : b).ToArray());
    });

    /// <summary>Applies an edit at a random line (not always the header).</summary>
    public static byte[] EditLines(byte[] data, Random random, Action<List<byte[]>, int> edit)
    {
        var lines = TextLines.Split(data);
        if (lines.Count == 0)
        {
            lines.Add([]);
        }

        edit(lines, random.Next(lines.Count));
        return TextLines.Join(lines);
    }
}
