namespace EpochLens.Readers.Text;

/// <summary>
/// A line spelled again with its labels written in (<see cref="HeaderedColumns"/>, <see cref="BareCounterPrefix"/>,
/// <see cref="GluedCounters"/>): a buffer reused line after line, growing as needed. Each respelling owns one, since
/// one's output is the next one's input.
/// </summary>
internal sealed class RespelledLine
{
    private char[] _buffer = new char[256];

    public int Length { get; private set; }

    public ReadOnlySpan<char> Text => _buffer.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void Append(ReadOnlySpan<char> text)
    {
        if (_buffer.Length < Length + text.Length)
        {
            Array.Resize(ref _buffer, Math.Max(Length + text.Length, 2 * _buffer.Length));
        }

        text.CopyTo(_buffer.AsSpan(Length));
        Length += text.Length;
    }
}
