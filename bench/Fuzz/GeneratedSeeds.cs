using System.Globalization;
using System.Text;
using EpochLens.Core.Tests.Readers.TensorBoard;

namespace EpochLens.Bench.Fuzz;

/// <summary>
/// Clean logs made here, for shapes the fixtures lack: a gzipped event file, a JSON document of arrays, an
/// epoch-sawtooth CSV long enough to analyse, a JSON Lines log with an epoch key and a printed log.
/// </summary>
internal static class GeneratedSeeds
{
    private const int Steps = 3000;
    private const int StepsPerEpoch = 500;

    public static IEnumerable<SeedInput> All()
    {
        yield return SeedInput.OneFile("generated/events", "events.out.tfevents.1700000000.fuzz", EventFile());
        yield return SeedInput.OneFile("generated/events.gz", "events.out.tfevents.1700000001.fuzz.gz", Gzip.Compress(EventFile()));
        yield return SeedInput.OneFile("generated/history.json", "history.json", Utf8(JsonHistory()));
        yield return SeedInput.OneFile("generated/metrics.csv", "metrics.csv", Utf8(Csv()));
        yield return SeedInput.OneFile("generated/metrics.csv.gz", "metrics.csv.gz", Gzip.Compress(Utf8(Csv())));
        yield return SeedInput.OneFile("generated/metrics.jsonl", "metrics.jsonl", Utf8(JsonLines()));
        yield return SeedInput.OneFile("generated/train.log", "train.log", Utf8(Printed()));
    }

    /// <summary>A loss with a small rise through each epoch, so the analysis has structure to find.</summary>
    public static double Loss(int step) =>
        (2.0 / (1 + (step / 400.0))) + (0.05 * (step % StepsPerEpoch) / StepsPerEpoch) + (0.02 * Math.Sin(step * 12.9898));

    private static byte[] EventFile()
    {
        using var memory = new MemoryStream();
        using (var writer = new EventFileWriter(memory))
        {
            writer.WriteFileVersion();
            for (int step = 0; step < Steps; step++)
            {
                writer.WriteScalar("train/loss", step, (float)Loss(step));
                if (step % 50 == 0)
                {
                    writer.WriteScalar("lr", step, 1e-3f);
                }

                if (step % StepsPerEpoch == 0)
                {
                    writer.WriteScalar("epoch", step, step / StepsPerEpoch);
                }
            }

            memory.Flush();
            return memory.ToArray();
        }
    }

    private static string JsonHistory()
    {
        var loss = Enumerable.Range(0, 40).Select(e => Loss(e * 75).ToString("R", CultureInfo.InvariantCulture));
        var val = Enumerable.Range(0, 40).Select(e => (Loss(e * 75) + 0.1).ToString("R", CultureInfo.InvariantCulture));
        return $"{{\"loss\": [{string.Join(", ", loss)}], \"val_loss\": [{string.Join(", ", val)}]}}\n";
    }

    private static string Csv()
    {
        var text = new StringBuilder("step,epoch,loss,lr\n");
        for (int step = 0; step < Steps; step++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{step},{step / StepsPerEpoch},{Loss(step):R},0.001\n");
        }

        return text.ToString();
    }

    private static string JsonLines()
    {
        var text = new StringBuilder();
        for (int step = 0; step < Steps; step += 2)
        {
            text.Append(CultureInfo.InvariantCulture, $"{{\"step\": {step}, \"epoch\": {step / StepsPerEpoch}, \"loss\": {Loss(step):R}, \"lr\": 0.001}}\n");
        }

        return text.ToString();
    }

    private static string Printed()
    {
        var text = new StringBuilder("Starting training\n");
        for (int step = 0; step < Steps; step += 5)
        {
            int epoch = step / StepsPerEpoch;
            text.Append(CultureInfo.InvariantCulture, $"[epoch {epoch + 1}/6] step {(step % StepsPerEpoch) + 1}/{StepsPerEpoch} loss={Loss(step):F4} lr=1e-3\n");
        }

        return text.ToString();
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
