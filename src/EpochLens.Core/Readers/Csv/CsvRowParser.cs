using System.Globalization;

namespace EpochLens.Readers.Csv;

/// <summary>
/// One fused pass over a block of complete lines: finds each cell's end and parses it in place, with no
/// split pass and nothing allocated per cell. It takes only what it can read exactly as
/// <see cref="CsvNumber"/> would (plain decimals, whole-number steps, blank cells); anything else makes
/// the line irregular, for the general reader.
/// </summary>
internal sealed class CsvRowParser
{
    private const ulong MaxExactMantissa = 1UL << 53;

    /// <summary>Digits of a plain step: nineteen hold every long (and fit a ulong), more go to <see cref="CsvNumber.ParseStep"/>.</summary>
    private const int MaxPlainStepDigits = 19;

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    private readonly byte _delimiter;
    private readonly int _columns;
    private readonly int _stepIndex;
    private readonly int[] _slotOf;
    private readonly bool _plainSteps;

    /// <param name="slotOf">Per column, where its value goes in a row of <see cref="CsvParsedRows.Values"/>, or -1 when it is not kept.</param>
    /// <param name="plainSteps">False when steps are scaled (<see cref="StepScaling"/>): every line with a step is then irregular.</param>
    public CsvRowParser(byte delimiter, int columns, int stepIndex, int[] slotOf, bool plainSteps = true)
    {
        _delimiter = delimiter;
        _columns = columns;
        _stepIndex = stepIndex;
        _slotOf = slotOf;
        _plainSteps = plainSteps;
        Slots = slotOf.Count(s => s >= 0);
    }

    public int Slots { get; }

    /// <summary>Values one batch holds at most (8 MB).</summary>
    public const int MaxValuesPerBatch = 1 << 20;

    /// <summary>
    /// Rows for a batch of at most <paramref name="capacity"/>, fewer where the columns are many: a file whose line
    /// breaks were lost (CR only) has a header of thousands of columns, and 8192 rows of it took 300 MB a batch.
    /// </summary>
    public CsvParsedRows NewRows(int capacity) => new(Math.Clamp(MaxValuesPerBatch / Math.Max(Slots, 1), 1, capacity), Slots);

    /// <summary>Parses lines of <paramref name="block"/> (which ends with a newline) until it or <paramref name="rows"/> is full; returns the bytes consumed.</summary>
    public int Parse(ReadOnlySpan<byte> block, CsvParsedRows rows)
    {
        int position = 0;
        int slots = rows.Slots;
        long[] steps = rows.Steps;
        double[] values = rows.Values;
        int[] lengths = rows.Lengths;
        int last = _columns - 1;
        while (position < block.Length && !rows.IsFull)
        {
            int lineStart = position;
            int row = rows.Count;
            bool clean = block[position] is not ((byte)'\n' or (byte)'\r');
            for (int column = 0; clean && column <= last; column++)
            {
                if (column == _stepIndex)
                {
                    clean = _plainSteps && TryStep(block, ref position, out steps[row]);
                    int stepSlot = _slotOf[column];
                    if (stepSlot >= 0)
                    {
                        // The step column named as the epoch column too: read as a number there.
                        values[(row * slots) + stepSlot] = steps[row];
                    }
                }
                else
                {
                    clean = TryValue(block, ref position, out double value);
                    int slot = _slotOf[column];
                    if (slot >= 0)
                    {
                        values[(row * slots) + slot] = value;
                    }
                }

                if (!clean)
                {
                    break;
                }

                byte next = block[position];
                if (column < last)
                {
                    clean = next == _delimiter;
                    position++;
                }
                else
                {
                    if (next == (byte)'\r' && block[position + 1] == (byte)'\n')
                    {
                        position++;
                    }

                    clean = block[position] == (byte)'\n';
                }
            }

            if (clean)
            {
                position++;
                lengths[row] = position - lineStart;
                rows.Count++;
                continue;
            }

            int lineEnd = lineStart + block[lineStart..].IndexOf((byte)'\n');
            int contentEnd = lineEnd > lineStart && block[lineEnd - 1] == (byte)'\r' ? lineEnd - 1 : lineEnd;
            rows.AddIrregular(block[lineStart..contentEnd], lineEnd + 1 - lineStart);
            position = lineEnd + 1;
        }

        return position;
    }

    /// <summary>An optional minus and up to 19 digits within the 64-bit range, as <see cref="CsvNumber.ParseStep"/> reads them exactly.</summary>
    private static bool TryStep(ReadOnlySpan<byte> block, ref int position, out long step)
    {
        bool negative = block[position] == (byte)'-';
        int i = negative ? position + 1 : position;
        int digitsFrom = i;
        ulong result = 0;
        uint digit;
        while ((digit = (uint)(block[i] - '0')) <= 9)
        {
            // Past nineteen digits the sum could wrap: stop adding; the length check below refuses the cell.
            if (i - digitsFrom < MaxPlainStepDigits)
            {
                result = (result * 10) + digit;
            }

            i++;
        }

        position = i;
        bool fits = i > digitsFrom && i - digitsFrom <= MaxPlainStepDigits && result <= (negative ? 1UL << 63 : long.MaxValue);
        step = fits ? (negative ? unchecked((long)(0 - result)) : (long)result) : 0;
        return fits;
    }

    /// <summary>
    /// A blank cell (NaN), or an optional minus, digits and an optional fraction: Clinger's exact path where
    /// it applies, the runtime's correctly rounded parser otherwise (as <see cref="CsvNumber"/> does).
    /// </summary>
    private static bool TryValue(ReadOnlySpan<byte> block, ref int position, out double value)
    {
        int start = position;
        bool negative = block[position] == (byte)'-';
        int i = negative ? position + 1 : position;
        ulong mantissa = 0;
        int digits = 0;
        int exponent = 0;
        uint digit;
        while ((digit = (uint)(block[i] - '0')) <= 9)
        {
            mantissa = (mantissa * 10) + digit;
            digits++;
            i++;
        }

        if (block[i] == (byte)'.')
        {
            i++;
            while ((digit = (uint)(block[i] - '0')) <= 9)
            {
                mantissa = (mantissa * 10) + digit;
                digits++;
                exponent--;
                i++;
            }
        }

        position = i;
        if (digits is > 0 and <= 19 && mantissa <= MaxExactMantissa && exponent >= -22)
        {
            double magnitude = exponent == 0 ? mantissa : mantissa / PowersOfTen[-exponent];
            value = negative ? -magnitude : magnitude;
            return true;
        }

        if (i == start)
        {
            value = double.NaN; // a blank cell: no point
            return true;
        }

        // Long decimals (17 significant digits): the runtime's parser; a result too large to be finite is not plain.
        value = 0;
        return digits > 0 && double.TryParse(block[start..i], NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }
}
