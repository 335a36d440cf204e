namespace EpochLens.Analysis.Periodicity;

/// <summary>The plain sentences and notes of an epoch-length inference.</summary>
internal static class InferenceText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Where <see cref="Found"/> counts periods from; a rebased log names its own first step instead (<see cref="CountedFrom"/>).</summary>
    public const string CountedFromZero = "counting epochs from step 0.";

    public static string Found(long stepsPerEpoch, double epochs, double pValue, double trials, long offset) =>
        string.Format(Invariant,
            "The loss repeats every {0:N0} steps ({1:0.#} epochs in the log; p = {2} after correcting for {3:N0} periods tried). " +
            "The strongest change sits {4:N0} steps into each period, " + CountedFromZero,
            stepsPerEpoch, epochs, FormatP(pValue), trials, offset);

    /// <summary><see cref="CountedFromZero"/> for a log whose step 0 is the log's <paramref name="step"/> (see <see cref="StepRebase"/>).</summary>
    public static string CountedFrom(long step) => string.Format(Invariant, "counting epochs from step {0}.", step);

    public static string NotFound(double strongestSteps, double pValue, double trials, double significance, double longestSteps, bool oneTime) =>
        (oneTime
            ? string.Format(Invariant,
                "No epoch length stands out: the strongest candidate, {0:N0} steps (p = {1}), comes from something that happens once rather than every epoch, such as a fast early drop. ",
                strongestSteps, FormatP(pValue))
            : string.Format(Invariant,
                "No epoch length stands out: the strongest candidate, {0:N0} steps, has p = {1} after correcting for {2:N0} periods tried (needed: {3}). ",
                strongestSteps, FormatP(pValue), trials, significance))
        + string.Format(Invariant, "Periods longer than {0:N0} steps cannot be told from this log, which holds too few of them.", longestSteps);

    public static string TooShort(int points, double minEpochs, long shortestPoints) =>
        string.Format(Invariant,
            "The log is too short to infer an epoch length: its {0:N0} logging intervals cannot hold {1:0.#} epochs of even the shortest period searched ({2:N0} points), " +
            "and fewer epochs cannot show a repetition.",
            points, minEpochs, shortestPoints);

    public static string Unsearchable(string reason) => $"No epoch length can be inferred: {reason}.";

    public static string Note(ResidualChannel channel, int harmonics, bool wholeSeries, int decimation, int seriesLength) =>
        string.Format(Invariant, "{0}, {1} harmonic{2}, {3}",
            Describe(channel),
            harmonics,
            harmonics == 1 ? "" : "s",
            wholeSeries
                ? decimation == 1 ? "whole log" : string.Format(Invariant, "whole log in means of {0} points", decimation)
                : string.Format(Invariant, "last {0:N0} points", seriesLength));

    public static string FoldNote(ResidualChannel channel, bool wholeSeries, int seriesLength) =>
        string.Format(Invariant, "{0}, folded profile (all harmonics), {1}",
            Describe(channel),
            wholeSeries ? "whole log" : string.Format(Invariant, "last {0:N0} points", seriesLength));

    private static string Describe(ResidualChannel channel) => channel switch
    {
        ResidualChannel.Signed => "step-to-step changes",
        ResidualChannel.Magnitude => "sizes of the changes",
        _ => "sizes of the changes on a log scale",
    };

    public static string Relation(double period, double chosen)
    {
        double ratio = period / chosen;
        for (int q = 2; q <= 8; q++)
        {
            if (Math.Abs(ratio - q) < 0.02 * q) return string.Format(Invariant, "; {0} times the chosen period", q);

            if (Math.Abs((1 / ratio) - q) < 0.02 * q)
                return string.Format(Invariant, "; 1/{0} of the chosen period", q);
        }

        return "";
    }

    public static string FormatP(double p) => p switch
    {
        < 1e-300 => "< 1e-300",
        < 0.001 => p.ToString("0.0e+0", Invariant),
        _ => p.ToString("0.###", Invariant),
    };
}
