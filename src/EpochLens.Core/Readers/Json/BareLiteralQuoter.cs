namespace EpochLens.Readers.Json;

/// <summary>Quotes each bare word starting with 'N' or 'I' (Python's NaN, Infinity, -Infinity; not JSON).</summary>
internal static class BareLiteralQuoter
{
    public static bool MayNeedRewrite(ReadOnlySpan<byte> json) => json.IndexOfAny((byte)'N', (byte)'I') >= 0;

    /// <summary>Rewrites the JSON into <paramref name="buffer"/>, grown as needed.</summary>
    public static ReadOnlySpan<byte> Quote(ReadOnlySpan<byte> json, ref byte[] buffer)
    {
        // A word gains two quotes, and each starts with its own 'N' or 'I'.
        int most = json.Length + (2 * (json.Count((byte)'N') + json.Count((byte)'I')));
        if (buffer.Length < most) buffer = new byte[Math.Max(most, buffer.Length * 2)];

        int o = 0;
        for (int i = 0, end; i < json.Length; i = end)
        {
            end = i + 1;
            bool word = IsWordStart(json[i]) || (json[i] == (byte)'-' && end < json.Length && IsWordStart(json[end]));
            if (json[i] == (byte)'"')
            {
                while (end < json.Length && json[end] != (byte)'"') end += json[end] == (byte)'\\' ? 2 : 1;

                end = Math.Min(end + 1, json.Length);
            }
            else if (word)
            {
                while (end < json.Length && (uint)((json[end] | 0x20) - 'a') <= 'z' - 'a') end++;
            }

            if (word) buffer[o++] = (byte)'"';
            json[i..end].CopyTo(buffer.AsSpan(o));
            o += end - i;
            if (word) buffer[o++] = (byte)'"';
        }

        return buffer.AsSpan(0, o);
    }

    private static bool IsWordStart(byte b) => b is (byte)'N' or (byte)'I';
}
