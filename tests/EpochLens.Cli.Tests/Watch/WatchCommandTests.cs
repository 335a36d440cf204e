using System.Text.Json;
using System.Text.RegularExpressions;
using EpochLens.Core.Tests.Watching;

namespace EpochLens.Cli.Tests.Watch;

public sealed partial class WatchCommandTests : IDisposable
{
    private const int StepsPerEpoch = 400;

    private readonly string _root = Directory.CreateTempSubdirectory("epochlens-watch-cli-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Follows_a_tensorboard_run_written_while_it_watches_and_ends_with_analyze_s_verdict(bool poll)
    {
        var run = Path.Combine(_root, "run");
        Directory.CreateDirectory(run);
        var json = Path.Combine(_root, "diagnosis.json");
        var html = Path.Combine(_root, "report.html");
        var done = Path.Combine(_root, "done");
        string[] arguments = [run, "--steps-per-epoch", $"{StepsPerEpoch}", "--interval", "0.05", "--json-file", json, "--html", html, "--until-file", done];
        using var watch = new WatchedProcess(poll ? [.. arguments, "--poll"] : arguments);
        watch.WaitFor(() => watch.Error.Contains("Watching", StringComparison.Ordinal), "its start");
        Assert.Contains(poll ? "polled every" : "file-system notifications", watch.Error, StringComparison.Ordinal);

        using (var writer = new GrowingEventFile(Path.Combine(run, "events.out.tfevents.1700000000.host"), StepsPerEpoch, runningMean: true))
        {
            for (int epoch = 1; epoch <= 8; epoch++)
            {
                // Each epoch ends with the next record half-written, as a writer caught between two writes leaves it.
                writer.WriteEpoch(endHalfWritten: true);
                int written = epoch * StepsPerEpoch;
                watch.WaitFor(() => PointsIn(json) == written, $"a diagnosis of {written} points in {json}");
            }
        }

        File.WriteAllText(done, "");
        Assert.Equal(0, watch.WaitForExit());

        // Verdict lines, each at a later point of the run than the one before, then the final verdict.
        var lines = watch.Output.Split('\n', StringSplitOptions.TrimEntries);
        var verdicts = lines.Where(l => l.StartsWith('[')).ToList();
        Assert.Contains("first verdict", verdicts[0], StringComparison.Ordinal);
        Assert.Contains(verdicts, l => l.Contains("running-mean-logging", StringComparison.Ordinal));
        var points = verdicts.Select(l => int.Parse(PointsPattern().Match(l).Groups[1].Value.Replace(",", "", StringComparison.Ordinal))).ToList();
        Assert.Equal(points.Order(), points);
        Assert.True(Array.IndexOf(lines, "Final verdict:") > Array.IndexOf(lines, verdicts[^1]));
        // The half-written records were waited for; only the last, never finished, is reported when watching stops.
        var warning = Assert.Single(watch.Error.Split('\n'), l => l.StartsWith("warning", StringComparison.Ordinal));
        Assert.Contains("ends inside a record", warning, StringComparison.Ordinal);

        // The final diagnosis equals analyze's on the finished log, in the JSON report and in the console verdict.
        var analyzed = EpochLensProcess.Run("analyze", run, "--steps-per-epoch", $"{StepsPerEpoch}", "--json");
        Assert.Equal(0, analyzed.ExitCode);
        Assert.Equal(analyzed.Output, File.ReadAllText(json));
        var console = EpochLensProcess.Run("analyze", run, "--steps-per-epoch", $"{StepsPerEpoch}");
        Assert.Contains(console.Output.Trim(), watch.Output, StringComparison.Ordinal);
        Assert.Contains("running-mean-logging", File.ReadAllText(html), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_root, "*.tmp"));
    }

    [Theory]
    [InlineData("metrics.csv")]
    [InlineData("metrics.jsonl")]
    [InlineData("train.log")]
    public void Follows_a_line_log_written_while_it_watches_and_ends_with_analyze_s_json(string name)
    {
        // Long enough (about 0.8 MB) that each diagnosis after the first reads a window of the new lines, not the file.
        const int perEpoch = 4000, epochs = 6;
        var log = Path.Combine(_root, name);
        var json = Path.Combine(_root, "diagnosis.json");
        var done = Path.Combine(_root, "done");
        var text = new System.Text.StringBuilder(name.EndsWith(".csv", StringComparison.Ordinal) ? "step,epoch,loss\n" : "");
        for (int step = 0; step < perEpoch * epochs; step++)
        {
            // A jump at each epoch start, as an optimizer rebuilt every epoch gives.
            double loss = Math.Round(0.5 + Math.Exp(-step / 6000.0) + (0.05 * Math.Sin(step * 0.37)) + (step % perEpoch < 30 ? 0.4 : 0), 6);
            text.Append(name switch
            {
                "metrics.csv" => FormattableString.Invariant($"{step},{step / perEpoch},{loss}\n"),
                "metrics.jsonl" => FormattableString.Invariant($"{{\"step\": {step}, \"epoch\": {step / perEpoch}, \"loss\": {loss}}}\n"),
                _ => FormattableString.Invariant($"[epoch {(step / perEpoch) + 1}/{epochs}] step {(step % perEpoch) + 1}/{perEpoch} loss={loss:0.000000}\n"),
            });
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(text.ToString());
        File.WriteAllBytes(log, []);
        using var watch = new WatchedProcess(log, "--steps-per-epoch", $"{perEpoch}", "--interval", "0.05", "--json-file", json, "--until-file", done);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            // Each write ends a few bytes into the next epoch's first line (half a line), except the last.
            int end = epoch == epochs ? bytes.Length : LineStart(bytes, (epoch * perEpoch) + (name.EndsWith(".csv", StringComparison.Ordinal) ? 1 : 0)) + 5;
            int from = (int)new FileInfo(log).Length;
            using (var stream = new FileStream(log, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
            {
                stream.Write(bytes, from, end - from);
            }

            int written = epoch * perEpoch;
            watch.WaitFor(() => PointsIn(json) >= written, $"a diagnosis of {written} points in {json}");
        }

        File.WriteAllText(done, "");
        Assert.Equal(0, watch.WaitForExit());
        var analyzed = EpochLensProcess.Run("analyze", log, "--steps-per-epoch", $"{perEpoch}", "--json");
        Assert.Equal(0, analyzed.ExitCode);
        Assert.Equal(analyzed.Output, File.ReadAllText(json));
        Assert.Contains("optimizer-reset", analyzed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Stops_with_exit_code_1_when_a_finding_reaches_fail_on()
    {
        var run = Path.Combine(_root, "run");
        Directory.CreateDirectory(run);
        using (var writer = new GrowingEventFile(Path.Combine(run, "events.out.tfevents.1.host"), StepsPerEpoch, runningMean: true))
        {
            for (int epoch = 0; epoch < 6; epoch++)
            {
                writer.WriteEpoch();
            }
        }

        // No idle limit: only the finding can end it.
        using var watch = new WatchedProcess(run, "--steps-per-epoch", $"{StepsPerEpoch}", "--interval", "0.05", "--fail-on", "low");

        Assert.Equal(1, watch.WaitForExit());
        Assert.Contains("running-mean-logging", watch.Output, StringComparison.Ordinal);
        Assert.Contains("--fail-on low", watch.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Stops_after_the_idle_time_with_the_final_verdict_of_a_quiet_run()
    {
        var run = Path.Combine(_root, "run");
        Directory.CreateDirectory(run);
        using (var writer = new GrowingEventFile(Path.Combine(run, "events.out.tfevents.1.host"), StepsPerEpoch, runningMean: false))
        {
            for (int epoch = 0; epoch < 6; epoch++)
            {
                writer.WriteEpoch();
            }
        }

        using var watch = new WatchedProcess(run, "--steps-per-epoch", $"{StepsPerEpoch}", "--interval", "0.05", "--exit-when-idle", "0.5", "--fail-on", "low");

        Assert.Equal(0, watch.WaitForExit());
        Assert.Contains("no epoch-aligned structure", watch.Output, StringComparison.Ordinal);
        Assert.Contains("Final verdict:", watch.Output, StringComparison.Ordinal);
        Assert.Contains("nothing new for 0.5 s", watch.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reading_options_mean_in_watch_what_they_mean_in_analyze()
    {
        // Semicolons and decimal commas; more points than a 1 MiB budget holds (8,192 at 128 bytes a point).
        var file = Path.Combine(_root, "metrics.csv");
        File.WriteAllText(file, "step;loss\n" + string.Concat(Enumerable.Range(0, 12_000).Select(s => $"{s};{1 + (s % 7 / 10.0):0.0}\n".Replace('.', ','))));
        string[] options = ["--memory-budget", "1M", "--decimal-comma"];

        var analyze = EpochLensProcess.Run(["analyze", file, .. options]);
        using var watch = new WatchedProcess([file, .. options, "--interval", "0.05", "--exit-when-idle", "0.5"]);

        Assert.Equal(0, watch.WaitForExit());
        foreach (var output in new[] { analyze.Error, watch.Error })
        {
            Assert.Contains("the memory budget (1 MiB, 8,192 points held at once) was used up", output, StringComparison.Ordinal);
            Assert.DoesNotContain("give --decimal-comma", output, StringComparison.Ordinal);
        }

        // Without --decimal-comma both say how such numbers were taken.
        var plain = EpochLensProcess.Run("analyze", file);
        using var plainWatch = new WatchedProcess(file, "--interval", "0.05", "--exit-when-idle", "0.5");
        Assert.Equal(0, plainWatch.WaitForExit());
        Assert.Contains("give --decimal-comma", plain.Error, StringComparison.Ordinal);
        Assert.Contains("give --decimal-comma", plainWatch.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_refuses_a_damaged_log_in_watch_as_in_analyze()
    {
        var file = Path.Combine(_root, "metrics.csv");
        File.WriteAllText(file, "step,loss\n" + string.Concat(Enumerable.Range(0, 2_000).Select(s => s == 700 ? "700,oops\n" : $"{s},{1 + (s % 7 / 10.0):0.0}\n")));

        var analyze = EpochLensProcess.Run("analyze", file, "--strict");
        using var watch = new WatchedProcess(file, "--strict", "--interval", "0.05", "--exit-when-idle", "0.5");

        Assert.Equal(2, analyze.ExitCode);
        Assert.Equal(2, watch.WaitForExit());
        Assert.Contains("no log with a training loss", watch.Output + watch.Error, StringComparison.Ordinal);

        // Without it the damaged row is skipped with a warning, and the run is diagnosed.
        using var lenient = new WatchedProcess(file, "--interval", "0.05", "--exit-when-idle", "0.5");
        Assert.Equal(0, lenient.WaitForExit());
        Assert.Contains("line 702", lenient.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void Ctrl_c_or_sigterm_ends_it_cleanly_with_everything_written_read_and_the_final_verdict(string signal)
    {
        var run = Path.Combine(_root, "run");
        Directory.CreateDirectory(run);
        var json = Path.Combine(_root, "diagnosis.json");
        using var writer = new GrowingEventFile(Path.Combine(run, "events.out.tfevents.1.host"), StepsPerEpoch, runningMean: true);
        writer.WriteEpoch();

        // No stop condition: only the signal ends it.
        using var watch = new WatchedProcess(run, "--steps-per-epoch", $"{StepsPerEpoch}", "--interval", "0.05", "--json-file", json);
        watch.WaitFor(() => PointsIn(json) == StepsPerEpoch, "the first diagnosis");
        for (int epoch = 1; epoch < 6; epoch++)
        {
            writer.WriteEpoch();
        }

        // Signalled at once: what was written and not yet looked at is read by the final diagnosis.
        watch.Signal(signal);
        if (signal == "INT" && SigintIgnoredHere())
        {
            // Started from a background job, this test host ignores SIGINT, and so does every process it starts (the
            // shell's rule for background jobs, which .NET keeps): watch runs on, and SIGTERM ends it the same way.
            Assert.False(watch.HasExited(TimeSpan.FromSeconds(1)));
            watch.Signal("TERM");
        }

        int code = watch.WaitForExit();
        Assert.Contains("Final verdict:", watch.Output, StringComparison.Ordinal);
        Assert.Equal(6 * StepsPerEpoch, PointsIn(json));
        Assert.Contains("stopped.", watch.Error, StringComparison.Ordinal);
        Assert.Equal(0, code);
    }

    [Fact]
    public void A_path_that_never_holds_a_log_ends_with_exit_code_2()
    {
        using var watch = new WatchedProcess(Path.Combine(_root, "nothing-here"), "--interval", "0.05", "--exit-when-idle", "0.3");

        Assert.Equal(2, watch.WaitForExit());
        Assert.Contains("no log with a training loss found", watch.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fifo_is_refused_at_once_rather_than_opened()
    {
        var fifo = Path.Combine(_root, "pipe");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }

        using var watch = new WatchedProcess(fifo);

        Assert.Equal(2, watch.WaitForExit());
        Assert.Contains("not a regular file", watch.Error, StringComparison.Ordinal);
    }

    /// <summary>Where line <paramref name="index"/> (from 0) starts.</summary>
    private static int LineStart(byte[] bytes, int index)
    {
        int at = 0;
        for (int line = 0; line < index; line++)
        {
            at = Array.IndexOf(bytes, (byte)'\n', at) + 1;
        }

        return at;
    }

    private static int PointsIn(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(json));
            return document.RootElement.GetProperty("runs")[0].GetProperty("points").GetInt32();
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException)
        {
            return -1;
        }
    }

    [GeneratedRegex(@"\] (?:\S+, )?([\d,]+) points")]
    private static partial Regex PointsPattern();

    /// <summary>Whether this process ignores SIGINT (bit 2 of the SigIgn mask in /proc/self/status), as its children then do.</summary>
    private static bool SigintIgnoredHere()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (ulong.Parse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) & 0x2) != 0;
    }
}
