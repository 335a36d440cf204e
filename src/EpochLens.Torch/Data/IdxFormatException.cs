namespace EpochLens.Torch.Data;

/// <summary>An IDX file (or stream) is corrupt, truncated or of a kind this reader does not support.</summary>
/// <remarks>
/// <see cref="InvalidDataException"/> is sealed, so this derives from <see cref="IOException"/>, the base of the
/// missing-file and missing-folder errors too: one <c>catch (IOException)</c> covers every way loading data fails.
/// </remarks>
public sealed class IdxFormatException : IOException
{
    public IdxFormatException()
    {
    }

    public IdxFormatException(string message)
        : base(message)
    {
    }

    public IdxFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IdxFormatException(string sourceName, string problem)
        : base($"{sourceName}: {problem}")
    {
        SourceName = sourceName;
        Problem = problem;
    }

    public IdxFormatException(string sourceName, string problem, Exception innerException)
        : base($"{sourceName}: {problem}", innerException)
    {
        SourceName = sourceName;
        Problem = problem;
    }

    /// <summary>The file or stream name the problem was found in, when known.</summary>
    public string? SourceName { get; }

    /// <summary>The problem alone, without the source name, when known.</summary>
    public string? Problem { get; }
}
