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

    public DiagnosisException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DiagnosisException()
    {
    }
}
