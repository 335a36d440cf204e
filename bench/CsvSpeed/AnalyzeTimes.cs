using System.Diagnostics;

namespace EpochLens.Bench.CsvSpeed;

/// <summary>
/// `epochlens analyze FILE` end to end, each run a fresh process (start-up, reading, diagnosis, console report),
/// for this build's CLI and a baseline CLI alternately; the two reports must be the same.
/// </summary>
internal static class AnalyzeTimes
{
    public static void Run(string file, string cli, string baselineCli, int rounds)
    {
        var times = new Dictionary<string, List<double>> { [cli] = [], [baselineCli] = [] };
        var reports = new Dictionary<string, string>();
        for (int r = 0; r < rounds; r++)
        {
            foreach (var side in r % 2 == 0 ? new[] { cli, baselineCli } : [baselineCli, cli])
            {
                var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
                start.ArgumentList.Add(side);
                start.ArgumentList.Add("analyze");
                start.ArgumentList.Add(file);
                start.Environment["NO_COLOR"] = "1";
                var clock = Stopwatch.StartNew();
                using var process = Process.Start(start)!;
                var error = process.StandardError.ReadToEndAsync();
                string report = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                double seconds = clock.Elapsed.TotalSeconds;
                _ = error.Result;
                times[side].Add(seconds);
                reports[side] = report;
                Console.WriteLine($"  analyze ({Label(side, cli)}) round {r + 1}: {seconds:F3} s, exit {process.ExitCode}");
            }
        }

        double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        double mine = Median(times[cli]), theirs = Median(times[baselineCli]);
        Console.WriteLine($"analyze end to end: this build median {mine:F3} s, baseline median {theirs:F3} s: {mine / theirs:F2}x the baseline's time (target at most 1.10x)");
        Console.WriteLine($"analyze reports identical: {reports[cli] == reports[baselineCli]}");
    }

    private static string Label(string side, string cli) => side == cli ? "this build" : "baseline";
}
