using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace EpochLens.Bench.TrainingSpeed;

/// <summary>
/// pytorch_baseline.py kept running beside this process: it loads and warms up once, then trains one
/// round each time it is asked, so its rounds interleave with EpochLens's. It idles between rounds,
/// so the two sides never compete for the cores.
/// </summary>
internal sealed class PyTorchBaseline : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private PyTorchBaseline(Process process)
    {
        _process = process;
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
    }

    /// <summary>torch.__version__ as the script reports it.</summary>
    public string Version { get; private set; } = "?";

    public static PyTorchBaseline Start(string python, BenchOptions o, string dataDirectory)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "pytorch_baseline.py");
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            script, "--serve", "--data", dataDirectory, "--steps", $"{o.Steps}", "--threads", $"{o.Threads}", "--warmup", $"{o.Warmup}",
        })
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {python}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"could not start {python}: {e.Message}", e);
        }

        var baseline = new PyTorchBaseline(process);
        try
        {
            baseline.Version = baseline.ReadEvent("ready").GetProperty("torch").GetString() ?? "?";
            return baseline;
        }
        catch
        {
            baseline.Dispose();
            throw;
        }
    }

    /// <summary>Trains one timed round in the Python process and returns its steps per second.</summary>
    public double RunRound()
    {
        _process.StandardInput.WriteLine("round");
        _process.StandardInput.Flush();
        return ReadEvent("round").GetProperty("steps_per_second").GetDouble();
    }

    public void Dispose()
    {
        try
        {
            // Closing stdin ends the script's serve loop.
            try
            {
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The script has already gone.
            }

            if (!_process.WaitForExit(5000))
            {
                _process.Kill();
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private JsonElement ReadEvent(string name)
    {
        while (true)
        {
            var line = _process.StandardOutput.ReadLine();
            if (line is null)
            {
                _process.WaitForExit();
                string errors;
                lock (_stderr)
                {
                    errors = _stderr.ToString().Trim();
                }

                throw new InvalidOperationException($"the PyTorch baseline exited (code {_process.ExitCode}) before its '{name}' line:\n{errors}");
            }

            if (!line.StartsWith('{'))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            if (json.RootElement.GetProperty("event").GetString() == name)
            {
                return json.RootElement.Clone();
            }
        }
    }
}
