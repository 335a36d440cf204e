namespace EpochLens.Diagnosis;

/// <summary>The diagnosis cannot start: no loss series to diagnose, or the one asked for is not in the log.</summary>
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
