using System.Diagnostics;
using System.Text.Json;

namespace EpochLens.Bench.CsvSpeed;

/// <summary>
/// A reader in a process of its own (pandas, this benchmark built against some EpochLens), started once and asked
/// for one read of the file at a time, so that the reads of every side interleave and a slow minute of a shared
/// machine falls on all of them. It answers a first JSON line with "ready" and one line per "read" with its seconds.
/// </summary>
internal sealed class ReaderProcess : IDisposable
{
    private readonly Process _process;

    private ReaderProcess(string name, Process process, string version)
    {
        Name = name;
        _process = process;
        Version = version;
    }

    public string Name { get; }

    public string Version { get; }

    public List<double> Seconds { get; } = [];

    /// <summary>The CPU seconds of each read (all its threads): what a read costs, whatever else the machine runs.</summary>
    public List<double> CpuSeconds { get; } = [];

    /// <summary>Starts it and waits until it is ready; null (with the reason printed) when it does not start.</summary>
    public static ReaderProcess? Start(string name, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        string? ready = process.StandardOutput.ReadLine();
        if (ready is null)
        {
            Console.WriteLine($"{name} did not run ({program}): {process.StandardError.ReadToEnd().Trim()}");
            process.Dispose();
            return null;
        }

        using var json = JsonDocument.Parse(ready);
        return new ReaderProcess(name, process, json.RootElement.TryGetProperty("version", out var v) ? v.GetString() ?? "?" : "?");
    }

    /// <summary>One read of the whole file; its seconds and CPU seconds as the reader timed them.</summary>
    public (double Seconds, double Cpu) Read()
    {
        _process.StandardInput.WriteLine("read");
        _process.StandardInput.Flush();
        string line = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"{Name} stopped: {_process.StandardError.ReadToEnd().Trim()}");
        using var json = JsonDocument.Parse(line);
        double seconds = json.RootElement.GetProperty("seconds").GetDouble();
        double cpu = json.RootElement.GetProperty("cpu").GetDouble();
        Seconds.Add(seconds);
        CpuSeconds.Add(cpu);
        return (seconds, cpu);
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        _process.WaitForExit();
        _process.Dispose();
    }
}
