namespace EpochLens.Diagnosis;

/// <summary>What one detector concluded: a finding, or the reason its cause was ruled out.</summary>
public sealed class DetectorVerdict
{
    private DetectorVerdict(Finding? finding, string? ruledOutBecause)
    {
        Finding = finding;
        RuledOutBecause = ruledOutBecause;
    }

    public Finding? Finding { get; }

    public string? RuledOutBecause { get; }

    public static DetectorVerdict Found(Finding finding) => new(finding ?? throw new ArgumentNullException(nameof(finding)), null);

    public static DetectorVerdict NotFound(string reason) => new(null, reason);
}
