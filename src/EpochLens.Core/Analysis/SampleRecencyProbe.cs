namespace EpochLens.Analysis;

/// <summary>
/// With the sample ids of each step: is a sample's loss higher the longer ago it was last trained on? That is
/// memorisation seen directly. Position in the epoch is held fixed (the comparison is made within strata of
/// position), so a boundary effect that merely decays through the epoch cannot pass for it.
/// </summary>
public static class SampleRecencyProbe
{
    private const int Strata = 10;

    public static Measurement? Measure(PreparedSignal signal, StepSamples? samples)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (samples is null || samples.Steps.Count < 100 || signal.ValidCount < 100) return null;

        var lastSeen = new Dictionary<int, long>();
        var gapSum = new double[Strata];
        var zSum = new double[Strata];
        var counts = new int[Strata];
        var rows = new List<(int Stratum, double LogGap, double Z)>();
        int cursor = signal.FirstValid;
        for (int k = 0; k < samples.Steps.Count; k++)
        {
            long step = samples.Steps[k];
            double gap = 0;
            int seen = 0;
            foreach (int id in samples.Ids[k])
            {
                if (lastSeen.TryGetValue(id, out long previous))
                {
                    gap += Math.Log(step - previous);
                    seen++;
                }

                lastSeen[id] = step;
            }

            while (cursor <= signal.LastValid && signal.Steps[cursor] < step) cursor++;

            if (seen == 0 || cursor > signal.LastValid || signal.Steps[cursor] != step) continue;

            int stratum = Math.Min(Strata - 1, signal.Bins[cursor] * Strata / signal.BinCount);
            double logGap = gap / seen;
            rows.Add((stratum, logGap, signal.Z[cursor]));
            gapSum[stratum] += logGap;
            zSum[stratum] += signal.Z[cursor];
            counts[stratum]++;
        }

        if (rows.Count < 100) return null;

        double sxy = 0, sxx = 0, syy = 0;
        foreach (var (stratum, logGap, z) in rows)
        {
            double x = logGap - (gapSum[stratum] / counts[stratum]);
            double y = z - (zSum[stratum] / counts[stratum]);
            sxy += x * y;
            sxx += x * x;
            syy += y * y;
        }

        if (sxx <= 0 || syy <= 0) return null;

        double r = sxy / Math.Sqrt(sxx * syy);

        // Neighbouring steps share noise; counting every fourth as independent keeps the test honest.
        double effective = Math.Max(4, rows.Count / 4.0);
        double zScore = Math.Atanh(Math.Clamp(r, -0.999999, 0.999999)) * Math.Sqrt(effective - 3);
        double p = Math.Min(1, 2 * RotationTest.NormalUpperTail(Math.Abs(zScore)));
        return new Measurement(
            MeasurementIds.SampleRecency,
            "Loss against steps since the sample was last seen",
            r,
            "correlation",
            0,
            p,
            null,
            null,
            rows.Count,
            "correlation of the detrended loss with log(steps since the step's samples were last trained on), within tenths of the epoch so position cannot stand in for it");
    }
}
