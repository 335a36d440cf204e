using System.Diagnostics;
using System.Globalization;
using EpochLens.Diagnosis;
using EpochLens.Reports;
using EpochLens.Reports.Figures;
using EpochLens.Synthetic;
using Spectre.Console;

// Report speed: a synthetic 10-million-step log (5039 steps per epoch, a fresh optimizer planted at every
// boundary) diagnosed once, then every report made from that diagnosis, each stage timed. The target is the
// whole report (console, JSON, Markdown, HTML with its figures) in under 5 s and an HTML file under 5 MB.
// Usage: dotnet run -c Release -- [--steps 10000000] [--rounds 3] [--out DIR]
long steps = 10_000_000;
int rounds = 3;
string folder = Path.Combine(Path.GetTempPath(), "epochlens-report-speed");
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--steps": steps = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--out": folder = args[++i]; break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}

const int PerEpoch = 5039;
Directory.CreateDirectory(folder);
var clock = Stopwatch.StartNew();
var spec = new SyntheticRunSpec
{
    Cause = CauseId.OptimizerReset,
    Strength = 0.3,
    SamplesPerEpoch = PerEpoch,
    Epochs = (int)Math.Max(3, steps / PerEpoch),
    Logging = LoggingOptions.LossOnly with { EpochHint = true },
};
var log = SyntheticRunGenerator.Generate(spec, 1).Log;
Console.WriteLine($"generate: {clock.Elapsed.TotalMilliseconds:0} ms, {log.Series[0].Count:N0} steps, {spec.Epochs:N0} epochs of {PerEpoch}");
clock.Restart();
var run = new Diagnoser().Diagnose(log);
Console.WriteLine($"diagnose: {clock.Elapsed.TotalMilliseconds:0} ms: {run.Verdict}");
RunDiagnosis[] runs = [run];
string html = Path.Combine(folder, "report.html");
for (int round = 1; round <= rounds; round++)
{
    var stages = new List<(string Stage, double Ms)>();
    var total = Stopwatch.StartNew();
    void Time(string stage, Action work)
    {
        var lap = Stopwatch.StartNew();
        work();
        stages.Add((stage, lap.Elapsed.TotalMilliseconds));
    }

    Time("console", () => ConsoleReport.Render(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }), run));
    Time("json", () => JsonReport.Write(Stream.Null, runs, "bench"));
    Time("markdown", () => _ = MarkdownReport.Render(runs, "bench"));
    Time("html (figures, svg, write)", () => HtmlReport.Write(html, runs, "bench"));
    double reports = total.Elapsed.TotalMilliseconds;
    Time("of which figures (build only)", () => _ = RunFigures.Main(run).Concat(run.Findings.SelectMany(f => RunFigures.ForFinding(run, f))).ToList());
    Time("plots (png + svg)", () => PlotExport.Write(Path.Combine(folder, "plots"), runs));
    long size = new FileInfo(html).Length;
    Console.WriteLine($"round {round}: {string.Join(", ", stages.Select(s => $"{s.Stage} {s.Ms:0} ms"))}");
    Console.WriteLine($"round {round}: console + json + markdown + html {reports:0} ms (target < 5000 ms); html {size / 1e6:0.00} MB (target < 5 MB): {html}");
}

return 0;
