namespace EpochLens.Bench.Fuzz;

/// <summary>A text file as lines of bytes (encoding untouched), and back.</summary>
internal static class TextLines
{
    public static List<byte[]> Split(byte[] data)
    {
        var lines = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < data.Length; i++)
        {
            if (data[i] == (byte)'\n')
            {
                lines.Add(data[start..i]);
                start = i + 1;
            }
        }

        if (start < data.Length)
        {
            lines.Add(data[start..]);
        }

        return lines;
    }

    public static byte[] Join(IEnumerable<byte[]> lines)
    {
        using var memory = new MemoryStream();
        foreach (var line in lines)
        {
            memory.Write(line);
            memory.WriteByte((byte)'\n');
        }

        return memory.ToArray();
    }

    /// <summary>Byte offsets where each line starts, and the end.</summary>
    public static List<int> Boundaries(byte[] data)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < data.Length; i++)
        {
            if (data[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }
}
