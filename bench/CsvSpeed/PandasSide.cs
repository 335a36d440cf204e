using System.Diagnostics;
using System.Text.Json;

namespace EpochLens.Bench.CsvSpeed;

/// <summary>pandas read_csv in a Python process of its own, started once and asked for one read at a time.</summary>
internal sealed class PandasSide : IDisposable
{
    private readonly Process _process;

    private PandasSide(Process process, string version)
    {
        _process = process;
        Version = version;
    }

    public string Version { get; }

    /// <summary>Starts the script and waits until pandas is imported; null (with the reason printed) when it does not start.</summary>
    public static PandasSide? Start(string python, string script, string file)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(file);
        var process = Process.Start(start)!;
        string? ready = process.StandardOutput.ReadLine();
        if (ready is null)
        {
            Console.WriteLine($"pandas did not run ({python}): {process.StandardError.ReadToEnd().Trim()}");
            process.Dispose();
            return null;
        }

        using var json = JsonDocument.Parse(ready);
        return new PandasSide(process, json.RootElement.GetProperty("pandas").GetString() ?? "?");
    }

    /// <summary>One read of the whole file; its seconds as pandas timed them.</summary>
    public double Read()
    {
        _process.StandardInput.WriteLine("read");
        _process.StandardInput.Flush();
        string line = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"pandas stopped: {_process.StandardError.ReadToEnd().Trim()}");
        using var json = JsonDocument.Parse(line);
        return json.RootElement.GetProperty("seconds").GetDouble();
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        _process.WaitForExit();
        _process.Dispose();
    }
}
