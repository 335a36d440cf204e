namespace EpochLens.Diagnosis;

/// <summary>What one detector concluded: a finding, or the reason its cause was ruled out.</summary>
public sealed class DetectorVerdict
{
    private DetectorVerdict(Finding? finding, string? ruledOutBecause, bool tested = true)
    {
        Finding = finding;
        RuledOutBecause = ruledOutBecause;
        Tested = tested;
    }

    public Finding? Finding { get; }

    public string? RuledOutBecause { get; }

    public static DetectorVerdict Found(Finding finding) => new(finding ?? throw new ArgumentNullException(nameof(finding)), null);

    /// <summary>
    /// False when the log lacks what the test needs (a learning rate, telemetry, the epochs' edge steps): decided by
    /// what was logged, never by the values, so such a cause can give no false alarm and does not count among the
    /// causes a finding's p is corrected for.
    /// </summary>
    public bool Tested { get; }

    public static DetectorVerdict NotFound(string reason) => new(null, reason);

    /// <summary>The log lacks what the test needs; <paramref name="reason"/> says what ("not testable: " is put in front).</summary>
    public static DetectorVerdict NotTestable(string reason) => new(null, "not testable: " + reason, tested: false);
}
