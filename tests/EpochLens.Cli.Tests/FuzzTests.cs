using EpochLens.Bench.Fuzz;

namespace EpochLens.Cli.Tests;

/// <summary>
/// A short run of the black-box fuzzer (bench/Fuzz) on every build: 200 mutated logs of every format, odd files and
/// options, each through the built CLI as its own process under the 30 s and 2 GB limits. Any crash, hang, raw control
/// character in the output, misrouted error or memory over the limit fails it, with the command that repeats the case.
/// </summary>
public sealed class FuzzTests
{
    [Fact]
    public void Two_hundred_fuzzed_cases_end_in_a_result_or_a_clear_error()
    {
        var options = new FuzzOptions
        {
            Seed = 12,
            Cases = 200,
            Jobs = 2,
            Cli = Path.Combine(AppContext.BaseDirectory, "epochlens.dll"),
            Seeds = SeedCatalog.DefaultFixtures(),
            Output = Path.Combine(Path.GetTempPath(), "epochlens-fuzz-tests", Guid.NewGuid().ToString("N")),
        };

        var summary = FuzzRun.Execute(options);

        Assert.True(summary.Defects.Count == 0, summary.Render());
        Assert.True(summary.Results.Count(r => r.Outcome == Outcome.Ok) > 40, $"too few cases were read at all:\n{summary.Render()}");
        Directory.Delete(options.Output, recursive: true);
    }
}
