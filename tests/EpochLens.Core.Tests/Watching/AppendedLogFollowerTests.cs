using System.Text;
using EpochLens.Readers;
using EpochLens.Watching;

namespace EpochLens.Core.Tests.Watching;

public sealed class AppendedLogFollowerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("epochlens-follow-csv-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Polls_read_only_the_appended_bytes_and_a_partial_line_waits()
    {
        var file = Path.Combine(_folder, "metrics.csv");
        Append(file, "step,loss\n" + Lines(0, 100));
        var follower = new PathFollower(file, ReadOptions.Default, DefaultLogReaders.Create());
        var problems = new ProblemLog();

        Assert.True(follower.Poll(problems));
        Assert.False(follower.PartialLinePending);
        var series = follower.Snapshot(problems).Single().Series.Single(s => s.Name == "loss");
        Assert.Equal(100, series.Count);
        long seen = follower.BytesRead;
        long length = new FileInfo(file).Length;

        // Half of step 100's line: seen, not yet news.
        Append(file, "100,0.4");
        Assert.False(follower.Poll(problems));
        Assert.True(follower.PartialLinePending);

        Append(file, "21\n" + Lines(101, 200));
        Assert.True(follower.Poll(problems));
        Assert.False(follower.PartialLinePending);
        // The polls read the appended bytes and nothing else.
        Assert.Equal(new FileInfo(file).Length - length, follower.BytesRead - seen);
        Assert.InRange(follower.LastStep!.Value, 190, 210);

        series = follower.Snapshot(problems).Single().Series.Single(s => s.Name == "loss");
        Assert.Equal(200, series.Count);
        Assert.Equal(0.421, series.Values[100], 6);
        Assert.Equal(0, problems.Total);
    }

    [Fact]
    public void A_rewritten_file_is_seen_again_from_its_start()
    {
        var file = Path.Combine(_folder, "metrics.csv");
        Append(file, "step,loss\n" + Lines(0, 100));
        var follower = new PathFollower(file, ReadOptions.Default, DefaultLogReaders.Create());
        var problems = new ProblemLog();
        follower.Poll(problems);

        File.WriteAllText(file, "step,loss\n" + Lines(0, 50));

        Assert.True(follower.Poll(problems));
        Assert.Equal(50, follower.Snapshot(problems).Single().Series.Single(s => s.Name == "loss").Count);
    }

    private static void Append(string file, string text)
    {
        using var stream = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    private static string Lines(int from, int to)
    {
        var text = new StringBuilder();
        for (int step = from; step < to; step++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{step},{1.0 / (step + 1):0.######}\n");
        }

        return text.ToString();
    }
}
