using System.Collections.Concurrent;
using System.Diagnostics;

namespace EpochLens.Python.Tests;

/// <summary>
/// Runs the training scripts in scripts/ with Debian's PyTorch (python3-torch, which .ci/run installs), each
/// recording telemetry with python/epochlens_telemetry.py into a folder of its own, once per test run.
/// A missing python3 or torch fails the tests that need them; only EPOCHLENS_SKIP_PYTHON=1 skips them.
/// </summary>
public static class PythonRuns
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> Runs = new();
    private static readonly Lazy<string> Root = new(() =>
    {
        var root = Path.Combine(Path.GetTempPath(), "epochlens-python-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(root, recursive: true);
        return root;
    });

    /// <summary>Why the Python tests are skipped, or null when they run.</summary>
    public static string? SkipReason =>
        Environment.GetEnvironmentVariable("EPOCHLENS_SKIP_PYTHON") == "1"
            ? "EPOCHLENS_SKIP_PYTHON=1: the tests that train with Debian's python3-torch are skipped"
            : null;

    /// <summary>The interpreter: EPOCHLENS_PYTHON, else Debian's /usr/bin/python3 (whose torch apt installs), else python3 on the path.</summary>
    public static string Interpreter =>
        Environment.GetEnvironmentVariable("EPOCHLENS_PYTHON") is { Length: > 0 } given ? given
        : File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>The telemetry folder of <c>scripts/{script}</c> run with <paramref name="arguments"/> (the folder is appended), recorded once.</summary>
    public static string Recorded(string script, params string[] arguments) => Recorded(script, arguments, killsItself: false);

    /// <summary>The telemetry folder of a script that ends by killing itself with SIGKILL, recorded once.</summary>
    public static string RecordedUntilKilled(string script) => Recorded(script, [], killsItself: true);

    private static string Recorded(string script, string[] arguments, bool killsItself)
    {
        string key = string.Join(' ', [script, .. arguments]);
        return Runs.GetOrAdd(key, k => new Lazy<string>(() => Record(k, script, arguments, killsItself))).Value;
    }

    private static string Record(string key, string script, string[] arguments, bool killsItself)
    {
        string folder = Path.Combine(Root.Value, string.Join('-', key.Split(' ', '.', '/')));
        var info = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "scripts", script));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.ArgumentList.Add(folder);
        info.Environment["EPOCHLENS_PYTHON_DIR"] = Path.Combine(AppContext.BaseDirectory, "python");
        info.Environment["OMP_NUM_THREADS"] = "1";
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"cannot start {Interpreter} ({e.Message}): install Debian's python3-torch (apt-get install python3-torch), or set EPOCHLENS_SKIP_PYTHON=1 to skip these tests", e);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{key} ran for more than 5 minutes");
            }

            // A process killed by signal 9 exits with 128 + 9.
            if (process.ExitCode != (killsItself ? 137 : 0))
            {
                throw new InvalidOperationException(
                    $"{Interpreter} {key} exited with {process.ExitCode} (no torch? install Debian's python3-torch, or set EPOCHLENS_SKIP_PYTHON=1 to skip these tests):\n{stdout}\n{stderr.Result}");
            }
        }

        return folder;
    }
}

/// <summary>A fact that needs Python and torch: skipped only when EPOCHLENS_SKIP_PYTHON=1.</summary>
public sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute()
    {
        Skip = PythonRuns.SkipReason;
    }
}

/// <summary>A theory that needs Python and torch: skipped only when EPOCHLENS_SKIP_PYTHON=1.</summary>
public sealed class PythonTheoryAttribute : TheoryAttribute
{
    public PythonTheoryAttribute()
    {
        Skip = PythonRuns.SkipReason;
    }
}
