namespace EpochLens.Readers.Json;

/// <summary>
/// Python's json module writes NaN, Infinity and -Infinity as bare words, which are not JSON and which
/// Utf8JsonReader rejects. This rewrites every bare word that starts with 'N' or 'I' (optionally after
/// a '-') outside strings into a string ("NaN", "-Infinity"), which <see cref="JsonNumber"/> reads back
/// as a number. It keeps its state between calls, so a stream can be rewritten chunk by chunk.
/// </summary>
internal struct BareLiteralQuoter
{
    private bool _inString;
    private bool _escaped;
    private bool _inWord;
    private bool _pendingMinus;

    /// <summary>The most bytes <see cref="Rewrite"/> may write for <paramref name="inputLength"/> input bytes.</summary>
    public static int MaxOutput(int inputLength) => (2 * inputLength) + 2;

    /// <summary>Whether a span may hold a bare literal at all (the fast path skips rewriting).</summary>
    public static bool MayNeedRewrite(ReadOnlySpan<byte> json) => json.IndexOfAny((byte)'N', (byte)'I') >= 0;

    /// <summary>Rewrites a whole piece of JSON (a line, a file's head) into <paramref name="buffer"/>, grown as needed.</summary>
    public static ReadOnlySpan<byte> Quote(ReadOnlySpan<byte> json, ref byte[] buffer)
    {
        if (buffer.Length < MaxOutput(json.Length))
        {
            buffer = new byte[Math.Max(MaxOutput(json.Length), buffer.Length * 2)];
        }

        var quoter = default(BareLiteralQuoter);
        int n = quoter.Rewrite(json, buffer);
        n += quoter.Finish(buffer.AsSpan(n));
        return buffer.AsSpan(0, n);
    }

    /// <summary>Rewrites <paramref name="input"/> into <paramref name="output"/> (at least <see cref="MaxOutput"/> long); returns the bytes written.</summary>
    public int Rewrite(ReadOnlySpan<byte> input, Span<byte> output)
    {
        int o = 0;
        foreach (byte b in input)
        {
            if (_inString)
            {
                output[o++] = b;
                if (_escaped)
                {
                    _escaped = false;
                }
                else if (b == (byte)'\\')
                {
                    _escaped = true;
                }
                else if (b == (byte)'"')
                {
                    _inString = false;
                }

                continue;
            }

            if (_inWord)
            {
                if (IsWordByte(b))
                {
                    output[o++] = b;
                    continue;
                }

                output[o++] = (byte)'"';
                _inWord = false;
            }

            if (_pendingMinus)
            {
                _pendingMinus = false;
                if (b is (byte)'I' or (byte)'N')
                {
                    output[o++] = (byte)'"';
                    output[o++] = (byte)'-';
                    output[o++] = b;
                    _inWord = true;
                    continue;
                }

                output[o++] = (byte)'-';
            }

            switch (b)
            {
                case (byte)'"':
                    _inString = true;
                    output[o++] = b;
                    break;
                case (byte)'-':
                    _pendingMinus = true;
                    break;
                case (byte)'N' or (byte)'I':
                    output[o++] = (byte)'"';
                    output[o++] = b;
                    _inWord = true;
                    break;
                default:
                    output[o++] = b;
                    break;
            }
        }

        return o;
    }

    /// <summary>Closes a word or a '-' left open at the end of the input.</summary>
    public int Finish(Span<byte> output)
    {
        int o = 0;
        if (_pendingMinus)
        {
            output[o++] = (byte)'-';
        }

        if (_inWord)
        {
            output[o++] = (byte)'"';
        }

        this = default;
        return o;
    }

    private static bool IsWordByte(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';
}
