using EpochLens.Sweeps;

namespace EpochLens.Core.Tests.Sweeps;

public sealed class SweepShardTests
{
    [Theory]
    [InlineData("", 0xcbf29ce484222325UL)]
    [InlineData("a", 0xaf63dc4c8601ec8cUL)]
    [InlineData("foobar", 0x85944171f73967e8UL)]
    public void The_hash_is_fnv1a_64_as_its_specification_gives_it(string name, ulong expected)
    {
        Assert.Equal(expected, SweepShard.StableHash(name));
    }

    [Fact]
    public void Backslashes_hash_as_slashes_so_windows_and_linux_agree()
    {
        Assert.Equal(SweepShard.StableHash("lr-0.1/metrics.csv"), SweepShard.StableHash("lr-0.1\\metrics.csv"));
    }

    [Fact]
    public void The_shards_together_hold_every_run_exactly_once()
    {
        var names = Enumerable.Range(0, 1000).Select(i => $"sweep/run-{i}/metrics.csv").ToList();
        var shards = Enumerable.Range(1, 7).Select(k => new SweepShard(k, 7)).ToList();

        foreach (var name in names)
        {
            Assert.Single(shards, s => s.Holds(name));
        }

        // And roughly evenly: no shard with fewer than half its share.
        Assert.All(shards, s => Assert.True(names.Count(s.Holds) > 1000 / 7 / 2));
    }

    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("3/8", 3, 8)]
    [InlineData(" 2 / 4 ", 2, 4)]
    public void Parses_k_of_n(string text, int index, int count)
    {
        Assert.True(SweepShard.TryParse(text, out var shard, out _));
        Assert.Equal(new SweepShard(index, count), shard);
    }

    [Theory]
    [InlineData("0/4", "counts from 1")]
    [InlineData("5/4", "counts from 1")]
    [InlineData("1/0", "N must be from 1")]
    [InlineData("-1/4", "takes K/N")]
    [InlineData("1/4/2", "takes K/N")]
    [InlineData("a/b", "takes K/N")]
    public void Refuses_what_is_not_a_shard_saying_why(string text, string message)
    {
        Assert.False(SweepShard.TryParse(text, out _, out string error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
