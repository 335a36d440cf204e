using System.Diagnostics;
using System.Text;

namespace EpochLens.Cli.Tests.Watch;

/// <summary>
/// Runs <c>epochlens watch</c> in the background while a test writes the run it watches, collecting what it prints.
/// Waits are for conditions (a report file showing so many points), each with a generous bound, never fixed sleeps.
/// </summary>
internal sealed class WatchedProcess : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    public WatchedProcess(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "epochlens.dll"));
        start.ArgumentList.Add("watch");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "200";
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output => Read(_output);

    public string Error => Read(_error);

    /// <summary>Waits until <paramref name="condition"/> holds; fails with what watch printed when it never does.</summary>
    public void WaitFor(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (_process.HasExited && !condition())
            {
                throw new InvalidOperationException($"watch exited ({_process.ExitCode}) before {what}.\nstdout:\n{Output}\nstderr:\n{Error}");
            }

            if (clock.Elapsed > Bound)
            {
                throw new TimeoutException($"watch never reached: {what}.\nstdout:\n{Output}\nstderr:\n{Error}");
            }

            Thread.Sleep(20);
        }
    }

    /// <summary>Sends a POSIX signal, as Ctrl+C (INT) or a process manager (TERM) would.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-" + name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Whether the process ends within <paramref name="wait"/>.</summary>
    public bool HasExited(TimeSpan wait) => _process.WaitForExit(wait);

    public int WaitForExit()
    {
        if (!_process.WaitForExit(Bound))
        {
            throw new TimeoutException($"watch did not stop.\nstdout:\n{Output}\nstderr:\n{Error}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.AppendLine(line);
        }
    }

    private static string Read(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}
