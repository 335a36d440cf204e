using EpochLens.Readers;
using EpochLens.Readers.TensorBoard;

namespace EpochLens.Core.Tests.Readers.TensorBoard;

/// <summary>Folders: several runs, and thousands of small files.</summary>
public sealed class TensorBoardFolderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static LogReader Facade => new([TensorBoardReader.Default]);

    [Fact]
    public void Folder_of_several_runs_gives_one_log_per_run_folder_with_its_files_in_name_order()
    {
        foreach (var (run, files) in new[] { ("runs/lr0.1", 2), ("runs/lr0.01", 1), ("runs/nested/lr0.001", 3) })
        {
            for (int f = 0; f < files; f++)
            {
                using var writer = new EventFileWriter(_temp.File($"{run}/events.out.tfevents.{1000 + f}.host.{f}"));
                writer.WriteFileVersion();
                for (int step = f * 100; step < (f + 1) * 100; step++)
                {
                    writer.WriteScalar("Loss/train", step, step);
                }
            }
        }

        File.WriteAllText(_temp.File("runs/notes.txt"), "not a log");

        var logs = Facade.Read(_temp.File("runs"), ReadOptions.Default, new ProblemLog());

        Assert.Equal(3, logs.Count);
        Assert.Equal([100, 200, 300], logs.Select(l => l.Find("Loss/train")!.Count));
        Assert.Equal(Path.Combine(_temp.Path, "runs", "lr0.01"), logs[0].Source);
        Assert.Equal(Path.Combine(_temp.Path, "runs", "lr0.1"), logs[1].Source);
        Assert.Equal(Enumerable.Range(0, 300).Select(i => (long)i), logs[2].Series[0].Steps.ToArray());
    }

    [Fact]
    public async Task Folder_of_thousands_of_small_event_files_is_read_as_one_run()
    {
        const int files = 3000;
        for (int f = 0; f < files; f++)
        {
            using var writer = new EventFileWriter(_temp.File($"run/events.out.tfevents.{1_700_000_000 + f}.host.{f}"));
            writer.WriteFileVersion();
            writer.WriteScalar("train/loss", f, f / 100f);
        }

        var problems = new ProblemLog();
        // A generous bound that only a hang or a per-file cost far out of proportion would hit.
        var logs = await Task.Run(() => Facade.Read(_temp.File("run"), ReadOptions.Default, problems)).WaitAsync(TimeSpan.FromSeconds(60));

        var loss = Assert.Single(logs).Find("train/loss")!;
        Assert.Equal(files, loss.Count);
        Assert.Equal(0, problems.Total);
    }
}
