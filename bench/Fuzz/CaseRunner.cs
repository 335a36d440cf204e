using System.Diagnostics;
using System.Globalization;

namespace EpochLens.Bench.Fuzz;

/// <summary>
/// Runs the CLI on one case as a separate process, under a time limit and a heap limit, measures its peak resident
/// memory (GNU time's maximum RSS, else the kernel's high-water mark polled while it runs) and classifies the end.
/// </summary>
internal sealed class CaseRunner(FuzzOptions options)
{
    /// <summary>More output than this is drained but not kept: the scan for control characters covers what is kept.</summary>
    private const int MaxCapturedBytes = 8 << 20;

    private const string GnuTime = "/usr/bin/time";

    private static readonly bool HasGnuTime = File.Exists(GnuTime);

    public CaseResult Run(FuzzCase fuzzCase, string folder)
    {
        string target = Path.GetFullPath(Path.Combine(folder, fuzzCase.Target));
        string[] arguments = [fuzzCase.Command, target, .. fuzzCase.CommandOptions, .. fuzzCase.Options];
        string rssFile = Path.Combine(folder, "..", $"rss-{fuzzCase.Index}.txt");
        var start = new ProcessStartInfo(HasGnuTime ? GnuTime : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        if (HasGnuTime)
        {
            foreach (var argument in new[] { "-f", "%M", "-o", rssFile, "dotnet" })
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.ArgumentList.Add(options.Cli);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "160";
        if (options.HeapLimitBytes > 0)
        {
            start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + options.HeapLimitBytes.ToString("X", CultureInfo.InvariantCulture);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = Capture(process.StandardOutput.BaseStream);
        var error = Capture(process.StandardError.BaseStream);
        long polledPeak = 0;
        bool finished;
        do
        {
            finished = process.WaitForExit(50);
            if (!HasGnuTime)
            {
                polledPeak = Math.Max(polledPeak, HighWaterMark(process.Id));
            }
        }
        while (!finished && clock.Elapsed < options.TimeLimit);

        if (!finished)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        double seconds = clock.Elapsed.TotalSeconds;
        byte[] stdout = output.Result, stderr = error.Result;
        long peak = HasGnuTime ? ReadPeak(rssFile) : polledPeak;
        var (outcome, detail) = Classify(finished, process.ExitCode, peak, stdout, stderr);
        return new CaseResult(fuzzCase.Index, fuzzCase.SeedName, fuzzCase.Mutations, arguments, outcome, finished ? process.ExitCode : -1, seconds, peak, detail);
    }

    private (Outcome, string) Classify(bool finished, int exitCode, long peakKilobytes, byte[] stdout, byte[] stderr)
    {
        string firstError = FirstLines(stderr);
        if (!finished)
        {
            return (Outcome.Hang, $"killed after {options.TimeLimit.TotalSeconds:0} s");
        }

        switch (exitCode)
        {
            case 4:
                return (Outcome.InternalError, firstError);
            case not (0 or 1 or 2):
                return (Outcome.UnexpectedExit, $"exit {exitCode}: {firstError}");
        }

        if (peakKilobytes * 1024 > options.MemoryLimitBytes)
        {
            return (Outcome.MemoryOver, $"peak {peakKilobytes / 1024} MB");
        }

        if ((RawControlScan.Find(stdout, "stdout") ?? RawControlScan.Find(stderr, "stderr")) is { } control)
        {
            return (Outcome.ControlCharacter, control);
        }

        if (exitCode == 2)
        {
            return stderr.Length == 0 ? (Outcome.ErrorMisrouted, "exit 2 with nothing on stderr")
                : stdout.Length > 0 ? (Outcome.ErrorMisrouted, $"exit 2 with {stdout.Length} bytes on stdout: {firstError}")
                : (Outcome.InputError, firstError);
        }

        return (Outcome.Ok, "");
    }

    private static string FirstLines(byte[] stderr)
    {
        string text = System.Text.Encoding.UTF8.GetString(stderr.AsSpan(0, Math.Min(stderr.Length, 2000)));
        return RawControlScan.Escape(string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(3)));
    }

    private static async Task<byte[]> Capture(Stream stream)
    {
        using var kept = new MemoryStream();
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            kept.Write(buffer, 0, (int)Math.Min(read, Math.Max(0, MaxCapturedBytes - kept.Length)));
        }

        return kept.ToArray();
    }

    /// <summary>GNU time's last line is the maximum resident set in kilobytes (a killed command writes a note before it).</summary>
    private static long ReadPeak(string file)
    {
        try
        {
            var lines = File.ReadAllLines(file);
            File.Delete(file);
            return lines.Length > 0 && long.TryParse(lines[^1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long kb) ? kb : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>VmHWM of a running process, in kilobytes (0 once it is gone). Under GNU time this would be time's own.</summary>
    private static long HighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
        }

        return 0;
    }
}
