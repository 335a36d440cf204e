namespace EpochLens.Cli.Tests;

/// <summary>Inputs on which the fuzzer found a defect, run as a user would: each must end in a result or a clear error.</summary>
public sealed class FuzzRegressionTests
{
    private static string Regression(string name) => Path.Combine(AppContext.BaseDirectory, "Regressions", name);

    [Fact]
    public void Rows_in_random_order_are_diagnosed_without_an_internal_error()
    {
        // The generated sawtooth CSV with its rows shuffled (fuzz seed 1, case 2163): Math.Sign threw on a NaN jump.
        var result = EpochLensProcess.Run("analyze", Regression("shuffled-rows.csv.gz"), "--json");

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        Assert.StartsWith("{", result.Output.TrimStart(), StringComparison.Ordinal);
    }
}
