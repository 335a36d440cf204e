using EpochLens.Diagnosis;
using EpochLens.Readers;
using EpochLens.Telemetry;
using EpochLens.Watching;

namespace EpochLens.Core.Tests.Watching;

public sealed class TelemetryWatchTests : IDisposable
{
    private const int StepsPerEpoch = 300;

    private readonly string _folder = Directory.CreateTempSubdirectory("epochlens-watch-telemetry-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Telemetry_written_epoch_by_epoch_is_diagnosed_at_each_epoch_and_ends_as_a_full_read_does()
    {
        var watcher = new RunWatcher(new PathFollower(_folder, ReadOptions.Default, DefaultLogReaders.Create()), new Diagnoser(), new DiagnosisOptions(), TimeSpan.FromHours(1));
        var problems = new ProblemLog();
        var points = new List<int>();
        using (var writer = new TelemetryWriter(_folder, TelemetryFormat.Csv) { FlushInterval = TimeSpan.FromDays(1) })
        {
            var random = new Random(3);
            for (int epoch = 0; epoch < 6; epoch++)
            {
                var order = Enumerable.Range(0, StepsPerEpoch).ToArray();
                random.Shuffle(order);
                for (int position = 0; position < StepsPerEpoch; position++)
                {
                    long step = (long)epoch * StepsPerEpoch + position;
                    double loss = 0.6 + Math.Exp(-step / 900.0) + 0.2 * random.NextDouble();

                    // The optimizer is rebuilt each epoch: its step counter restarts.
                    writer.Write(new StepRecord(step, epoch, position, 1, loss, loss, 1e-3, null, null, position + 1, [order[position]]));
                }

                writer.Write(new EpochRecord(epoch, StepsPerEpoch, (long)(epoch + 1) * StepsPerEpoch - 1, 0.7, 0.8, 0.5));
                writer.Flush();
                var update = watcher.Poll(problems);
                points.AddRange(update.Diagnoses.Select(d => d.Points));
            }
        }

        watcher.Finish(problems);

        // The first epoch is diagnosed when first seen; once the log's own epoch starts say the length (from its
        // third epoch at the latest), each epoch is.
        Assert.Equal(StepsPerEpoch, points[0]);
        Assert.Equal(Enumerable.Range(3, 4).Select(e => e * StepsPerEpoch), points.TakeLast(4));
        var expected = new Diagnoser().Diagnose(Assert.Single(DefaultLogReaders.Create().Read(_folder, ReadOptions.Default, new ProblemLog())));
        var latest = Assert.Single(watcher.Latest);
        Assert.Equal(expected.Verdict, latest.Verdict);
        Assert.Equal(expected.Findings.Select(FindingState.Of), latest.Findings.Select(FindingState.Of));
        Assert.Equal(CauseId.OptimizerReset, latest.Primary?.Cause);
    }
}
