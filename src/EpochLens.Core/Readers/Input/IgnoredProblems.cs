namespace EpochLens.Readers.Input;

/// <summary>A sink that drops every problem: format detection and polling only ask what a file holds.</summary>
internal sealed class IgnoredProblems : IProblemSink
{
    public static readonly IgnoredProblems Instance = new();

    public void Report(ReadProblem problem)
    {
    }
}
