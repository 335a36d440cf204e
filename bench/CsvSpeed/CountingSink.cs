using EpochLens.Readers;

namespace EpochLens.Bench.CsvSpeed;

/// <summary>Counts problems; a clean generated file should have none.</summary>
internal sealed class CountingSink : IProblemSink
{
    public int Count { get; private set; }

    public void Report(ReadProblem problem) => Count++;
}
