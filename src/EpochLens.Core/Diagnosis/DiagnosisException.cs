namespace EpochLens.Diagnosis;

/// <summary>
/// The diagnosis cannot start: no loss series to diagnose, the one asked for is not in the log, its steps are damaged
/// beyond analysis, or the given epoch length is longer than the log.
/// </summary>
public sealed class DiagnosisException : Exception
{
    public DiagnosisException(string message)
        : base(message)
    {
    }

    /// <param name="message">What stops the diagnosis.</param>
    /// <param name="hint">The setting that would let it start (the series to name, a shorter epoch length).</param>
    public DiagnosisException(string message, SettingHint hint)
        : base(message)
    {
        Hint = hint;
    }

    /// <summary>The setting that would let the diagnosis start; null when none would.</summary>
    public SettingHint? Hint { get; }

    public DiagnosisException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DiagnosisException()
    {
    }
}
