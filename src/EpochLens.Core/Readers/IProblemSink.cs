namespace EpochLens.Readers;

/// <summary>Receives the problems a reader meets; reading goes on after each.</summary>
public interface IProblemSink
{
    void Report(ReadProblem problem);
}
