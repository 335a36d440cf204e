namespace EpochLens.Readers;

/// <summary>One problem met while reading a log, with where it is.</summary>
/// <param name="Location">Where in the file, e.g. "line 12" or "record 40 at byte 1532".</param>
/// <param name="Message">What is wrong and what the reader did about it.</param>
public sealed record ReadProblem(string File, string Location, ProblemKind Kind, string Message)
{
    public override string ToString() => Location.Length == 0 ? $"{File}: {Message}" : $"{File}, {Location}: {Message}";
}
