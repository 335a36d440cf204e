using System.Diagnostics;

namespace EpochLens.Cli.Tests;

/// <summary>Runs the built epochlens tool as a user would, and captures what it prints.</summary>
internal static class EpochLensProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(params string[] arguments) => Run(columns: 200, arguments);

    /// <param name="columns">The COLUMNS the tool sees; null for none, as in a plain pipe or file.</param>
    public static Result Run(int? columns, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "epochlens.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A fixed width and no colour make the output comparable.
        start.Environment["NO_COLOR"] = "1";
        if (columns is { } width)
        {
            start.Environment["COLUMNS"] = width.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            start.Environment.Remove("COLUMNS");
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"epochlens {string.Join(' ', arguments)} did not finish");
        }

        return new Result(process.ExitCode, output.Result, error.Result);
    }
}
