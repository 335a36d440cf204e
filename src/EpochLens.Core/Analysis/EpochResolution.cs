namespace EpochLens.Analysis;

/// <summary>The epoch structure of a run, or why it could not be known, with the evidence either way.</summary>
/// <param name="Structure">The structure, or null when it could not be known.</param>
/// <param name="Explanation">How it was known, or why not, in a sentence or two.</param>
/// <param name="Candidates">Periods considered when inferring, best first (empty unless inferred).</param>
public sealed record EpochResolution(EpochStructure? Structure, string Explanation, IReadOnlyList<PeriodCandidate> Candidates)
{
    /// <summary>The setting that would settle an unknown structure (the epoch length to give); null when none would.</summary>
    public SettingHint? Hint { get; init; }

    public static EpochResolution Known(EpochStructure structure, string explanation) => new(structure, explanation, []);

    public static EpochResolution Unknown(string explanation, IReadOnlyList<PeriodCandidate>? candidates = null, SettingHint? hint = null) =>
        new(null, explanation, candidates ?? []) { Hint = hint };
}
