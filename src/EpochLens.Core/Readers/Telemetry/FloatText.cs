using System.Globalization;

namespace EpochLens.Readers.Telemetry;

/// <summary>
/// The telemetry writer prints a value that is exactly a 32-bit float (every loss of a float model) in the
/// float's shortest form, "2.3025851", which as a double is not the float the model computed. The text alone
/// cannot tell a float from a short double (0.1f and 0.1 both print "0.1"), so only loss and logged_loss,
/// which a float model computes, take text that is exactly a float's shortest form as that float: they then
/// equal what was recorded, and a logged loss equal to the loss reads back equal. Other fields read as the
/// nearest double (off by at most a float's rounding, 6e-8 relative, when the value was a float).
/// </summary>
internal static class FloatText
{
    public static double Widen(ReadOnlySpan<byte> text, double parsed)
    {
        if (text.Length > 16 || !double.IsFinite(parsed) || !float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float single)
            || (double)single == parsed)
        {
            return parsed;
        }

        Span<byte> shortest = stackalloc byte[32];
        return single.TryFormat(shortest, out int written, "R", CultureInfo.InvariantCulture) && shortest[..written].SequenceEqual(text) ? single : parsed;
    }
}
