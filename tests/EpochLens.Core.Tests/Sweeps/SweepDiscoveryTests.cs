using EpochLens.Readers;
using EpochLens.Sweeps;

namespace EpochLens.Core.Tests.Sweeps;

public sealed class SweepDiscoveryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "epochlens-sweep-discovery", Guid.NewGuid().ToString("N"));

    public SweepDiscoveryTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string relative, string text)
    {
        string path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static string Csv() => "step,loss\n" + string.Concat(Enumerable.Range(0, 50).Select(i => $"{i},{1.0 / (i + 1)}\n"));

    [Fact]
    public void Runs_are_named_by_their_path_inside_the_folder_and_shown_under_the_path_given()
    {
        Write("b/metrics.csv", Csv());
        Write("a/metrics.csv", Csv());

        var plan = SweepDiscovery.Plan(DefaultLogReaders.Create(), _folder + "/", ReadOptions.Default, SweepShard.All, new ProblemLog());

        Assert.Equal(["a/metrics.csv", "b/metrics.csv"], plan.Runs.Select(r => r.Name));
        Assert.Equal(_folder + "/a/metrics.csv", plan.Runs[0].Log.Name);
        Assert.Equal(2, plan.Found);
    }

    [Fact]
    public void A_ray_tune_trial_is_read_once_from_its_result_json()
    {
        var rows = Enumerable.Range(1, 50).ToList();
        Write("trial_1/result.json", string.Concat(rows.Select(i => $"{{\"loss\": {1.0 / i}, \"training_iteration\": {i}}}\n")));
        Write("trial_1/progress.csv", "loss,training_iteration\n" + string.Concat(rows.Select(i => $"{1.0 / i},{i}\n")));
        Write("trial_1/params.json", "{\"lr\": 0.1}\n");
        Write("other/metrics.csv", Csv());

        var plan = SweepDiscovery.Plan(DefaultLogReaders.Create(), _folder, ReadOptions.Default, SweepShard.All, new ProblemLog());

        Assert.Equal(["other/metrics.csv", "trial_1/result.json"], plan.Runs.Select(r => r.Name));
        var skipped = Assert.Single(plan.Skipped);
        Assert.EndsWith("trial_1/progress.csv", skipped.Source, StringComparison.Ordinal);
        Assert.Contains("its result.json is read", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Shards_split_the_runs_and_keep_their_skipped_entries()
    {
        for (int i = 0; i < 20; i++)
        {
            Write($"run-{i}/metrics.csv", Csv());
        }

        var all = SweepDiscovery.Plan(DefaultLogReaders.Create(), _folder, ReadOptions.Default, SweepShard.All, new ProblemLog());
        var shards = Enumerable.Range(1, 3)
            .Select(k => SweepDiscovery.Plan(DefaultLogReaders.Create(), _folder, ReadOptions.Default, new SweepShard(k, 3), new ProblemLog()))
            .ToList();

        Assert.Equal(all.Runs.Select(r => r.Name), shards.SelectMany(s => s.Runs).Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.All(shards, s => Assert.Equal(20, s.Found));
    }
}
