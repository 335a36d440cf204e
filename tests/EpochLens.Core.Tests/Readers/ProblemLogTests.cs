using EpochLens.Readers;

namespace EpochLens.Core.Tests.Readers;

public sealed class ProblemLogTests
{
    [Fact]
    public void Keeps_the_first_problems_of_each_kind_per_file_and_counts_them_all()
    {
        var log = new ProblemLog(keepPerKindAndFile: 3);

        for (int line = 1; line <= 1000; line++)
        {
            log.Report(new ReadProblem("a.csv", $"line {line}", ProblemKind.BadValue, "not a number"));
        }

        log.Report(new ReadProblem("a.csv", "line 5", ProblemKind.RaggedRow, "3 fields, header has 2"));
        log.Report(new ReadProblem("b.csv", "line 1", ProblemKind.BadValue, "not a number"));

        Assert.Equal(1002, log.Total);
        Assert.Equal(1001, log.Count(ProblemKind.BadValue));
        Assert.Equal(5, log.Kept.Count);
        Assert.Equal(1000, log.Counts[("a.csv", ProblemKind.BadValue)]);
        Assert.Equal("a.csv, line 1: not a number", log.Kept[0].ToString());
    }
}
