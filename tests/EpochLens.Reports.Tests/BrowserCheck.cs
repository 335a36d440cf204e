using System.Diagnostics;
using System.Text.Json;

namespace EpochLens.Reports.Tests;

/// <summary>
/// Runs Browser/check-report.mjs: the system's Chromium (Debian package chromium, never a downloaded browser) driven
/// by npm playwright-core, which this installs next to the script on first use with its browser download switched
/// off. Whatever is missing fails the test with what to install; a browser test that cannot run never passes.
/// </summary>
internal static class BrowserCheck
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Browser");
    private static readonly Lock InstallLock = new();

    /// <summary>The system's Chromium: EPOCHLENS_CHROMIUM, else Debian's and Ubuntu's usual paths.</summary>
    public static string Chromium()
    {
        string[] candidates = [Environment.GetEnvironmentVariable("EPOCHLENS_CHROMIUM") ?? "", "/usr/bin/chromium", "/usr/bin/chromium-browser"];
        return candidates.FirstOrDefault(p => p.Length > 0 && File.Exists(p))
            ?? throw new InvalidOperationException("Chromium is not installed, so the HTML report cannot be checked in a browser: install the Debian package (apt-get install chromium; .ci/run does) or set EPOCHLENS_CHROMIUM to a Chromium binary.");
    }

    /// <summary>Opens <paramref name="report"/>, writes screenshots and a PDF into <paramref name="outputFolder"/>, and returns what the page did.</summary>
    public static JsonElement Open(string report, string outputFolder)
    {
        string chromium = Chromium();
        EnsurePlaywright();
        var (code, stdout, stderr) = Run("node", ["check-report.mjs", report, outputFolder, chromium], TimeSpan.FromMinutes(2));
        if (code != 0)
        {
            throw new InvalidOperationException($"the browser check failed (exit {code}):\n{stderr}\n{stdout}");
        }

        string line = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        return JsonDocument.Parse(line).RootElement.Clone();
    }

    private static void EnsurePlaywright()
    {
        lock (InstallLock)
        {
            if (File.Exists(Path.Combine(Folder, "node_modules", "playwright-core", "package.json")))
            {
                return;
            }

            // npm ci installs exactly the committed lock file; the variable keeps Playwright from fetching a browser.
            var (code, stdout, stderr) = Run("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
            if (code != 0)
            {
                throw new InvalidOperationException($"npm ci in {Folder} failed (exit {code}); the npm registry must be reachable:\n{stderr}\n{stdout}");
            }
        }
    }

    private static (int Code, string Stdout, string Stderr) Run(string program, string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"] = "1";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is not installed ({e.Message}); the browser test needs Node.js 20 or later with npm.", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} {string.Join(' ', arguments)} ran longer than {timeout}");
            }

            return (process.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
