using System.Globalization;
using System.Text;

namespace EpochLens.Bench.CsvSpeed;

/// <summary>Writes a step,epoch,loss CSV like a training loop's own logger: the seed's 5039 steps per epoch, a noisy decaying loss.</summary>
internal static class CsvGenerator
{
    /// <param name="longFloats">Write the loss as a float32 widened to double (17 digits, as Lightning and pandas write it) instead of 7 decimals.</param>
    public static void Write(string path, long rows, bool longFloats)
    {
        var random = new Random(1);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("step,epoch,loss\n");
        for (long step = 0; step < rows; step++)
        {
            double loss = (0.3 + (2.0 * Math.Exp(-step / 2e6))) * (0.8 + (0.4 * random.NextDouble()));
            writer.Write(step.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write((step / 5039).ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(longFloats
                ? ((double)(float)loss).ToString("R", CultureInfo.InvariantCulture)
                : loss.ToString("F7", CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }
}
