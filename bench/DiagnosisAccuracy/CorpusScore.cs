using System.Globalization;
using EpochLens.Diagnosis;
using EpochLens.Logs;
using EpochLens.Readers;
using EpochLens.Settings;
using Microsoft.VisualBasic.FileIO;

namespace EpochLens.Bench.DiagnosisAccuracy;

/// <summary>
/// Scores the diagnosis on the real corpus (Corpus/*/labels.csv: real PyTorch runs and public logs, each labelled
/// from what it measurably shows): each log read from its original file with the epoch length given and without
/// it, and its loss alone as a plain step,loss CSV without it. A run labelled with a cause is right when that cause
/// is the primary finding; a run labelled none is right when nothing is claimed with medium or high confidence;
/// runs labelled unclear are listed but not scored.
/// </summary>
internal static class CorpusScore
{
    /// <summary>Refusals name a setting as analyze does, by its flag, so that the table reads as the command line would.</summary>
    private static readonly SettingSpelling AsFlags = hint =>
        $"--{SettingSpellings.Names.Name(hint.Setting)}{(hint.Value is null ? "" : " " + hint.Value)}";

    private static readonly string[] Variants = ["original, length given", "original, length not given", "plain step,loss CSV, not given"];

    public static int Run(string root, Diagnoser diagnoser)
    {
        var labels = Directory.EnumerateFiles(root, "labels.csv", System.IO.SearchOption.AllDirectories).Order().SelectMany(Read).ToList();
        if (labels.Count == 0)
        {
            Console.Error.WriteLine($"no labels.csv under {root}");
            return 2;
        }

        var reader = DefaultLogReaders.Create();
        var scratch = Directory.CreateTempSubdirectory("epochlens-corpus-");
        var outcomes = new List<(Label Label, string?[] Named, bool[] Right, string Length)>();
        Console.WriteLine($"## Real corpus: {labels.Count} labelled series under {root}");
        Console.WriteLine();
        Console.WriteLine($"| log | expected | {string.Join(" | ", Variants)} | epoch length inferred |");
        Console.WriteLine($"|---|---|{string.Join("", Variants.Select(_ => "---|"))}---|");
        foreach (var label in labels)
        {
            var named = new string?[Variants.Length];
            var right = new bool[Variants.Length];
            string length = "";
            try
            {
                var (log, metric) = ReadLog(reader, Path.Combine(root, label.Path), label);
                var plain = PlainCsv(reader, log, metric, scratch.FullName, label.Path);
                for (int v = 0; v < Variants.Length; v++)
                {
                    try
                    {
                        var diagnosis = diagnoser.Diagnose(v == 2 ? plain : log, new DiagnosisOptions
                        {
                            Metric = v == 2 ? null : metric,
                            StepsPerEpoch = v == 0 ? label.StepsPerEpoch : null,
                            Spell = AsFlags,
                        });
                        (named[v], right[v]) = Judge(diagnosis, label.Expected);
                        if (v == 2)
                        {
                            length = diagnosis.Epochs.Structure is { } s ? s.StepsPerEpoch.ToString("0.#", CultureInfo.InvariantCulture) : "-";
                        }
                    }
                    catch (DiagnosisException e)
                    {
                        // A refusal (a given length longer than the log, in other units than the reader's steps)
                        // claims nothing: right only where nothing is to be claimed.
                        named[v] = $"refused: {Shorten(e.Message)}";
                        right[v] = label.Expected == "none";
                    }
                }
            }
#pragma warning disable CA1031 // A log the tool cannot read is a miss to count, not a reason to stop scoring.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Array.Fill(named, $"error: {e.GetType().Name}: {Shorten(e.Message)}");
            }

            outcomes.Add((label, named, right, length));
            Console.WriteLine($"| {label.Path}{(label.Metric is { } m ? $" ({m})" : "")} | {label.Expected} | {string.Join(" | ", named.Select((n, v) => (right[v] ? "ok " : label.Expected == "unclear" ? "" : "MISS ") + n))} | {length} / {label.StepsPerEpoch?.ToString("0.#", CultureInfo.InvariantCulture) ?? "?"} |");
        }

        if (Environment.GetEnvironmentVariable("EPOCHLENS_CORPUS_KEEP_CSV") is { Length: > 0 })
        {
            Console.WriteLine($"Plain CSVs kept in {scratch.FullName}");
        }
        else
        {
            scratch.Delete(recursive: true);
        }
        Console.WriteLine();
        Console.WriteLine("| | " + string.Join(" | ", Variants) + " |");
        Console.WriteLine("|---|" + string.Join("", Variants.Select(_ => "---|")));
        var visible = outcomes.Where(o => o.Label.Expected is not "none" and not "unclear").ToList();
        var nothing = outcomes.Where(o => o.Label.Expected == "none").ToList();
        Console.WriteLine($"| primary finding right, {visible.Count} runs whose cause is visible | {string.Join(" | ", Variants.Select((_, v) => Percent(visible.Count(o => o.Right[v]), visible.Count)))} |");
        Console.WriteLine($"| no medium- or high-confidence claim, {nothing.Count} runs that show nothing | {string.Join(" | ", Variants.Select((_, v) => Percent(nothing.Count(o => o.Right[v]), nothing.Count)))} |");
        foreach (var cause in visible.Select(o => o.Label.Expected).Distinct().Order())
        {
            var runs = visible.Where(o => o.Label.Expected == cause).ToList();
            var others = outcomes.Where(o => o.Label.Expected != cause && o.Label.Expected != "unclear").ToList();
            Console.WriteLine($"| {cause}: recall of {runs.Count} / named wrongly (medium+) on {others.Count} others | {string.Join(" | ", Variants.Select((_, v) => $"{Percent(runs.Count(o => o.Right[v]), runs.Count)} / {others.Count(o => o.Named[v]?.StartsWith(cause + " ", StringComparison.Ordinal) == true && IsConfident(o.Named[v]))}"))} |");
        }

        Console.WriteLine($"Unclear (listed, not scored): {outcomes.Count(o => o.Label.Expected == "unclear")}.");
        return 0;
    }

    private static bool IsConfident(string? named) => named is not null && (named.EndsWith("(medium)", StringComparison.Ordinal) || named.EndsWith("(high)", StringComparison.Ordinal));

    private static (string Named, bool Right) Judge(RunDiagnosis diagnosis, string expected)
    {
        var primary = diagnosis.Primary;
        string named = diagnosis.Outcome == DiagnosisOutcome.CannotTell
            ? "cannot tell"
            : primary is null ? "none" : $"{primary.Cause.ToId()} ({primary.Confidence.Level.ToString().ToLowerInvariant()})";
        bool right = expected switch
        {
            "none" => !diagnosis.Findings.Any(f => f.Cause != CauseId.None && f.Confidence.Level >= ConfidenceLevel.Medium),
            "unclear" => false,
            _ => diagnosis.Outcome == DiagnosisOutcome.Findings && primary?.Cause.ToId() == expected,
        };
        return (named, right);
    }

    /// <summary>
    /// The log holding the labelled series (names compared as --metric compares them); a reader that names the
    /// loss otherwise (the text reader keeps the printed label, "Batch loss") gives its own training loss instead.
    /// </summary>
    private static (TrainingLog Log, string? Metric) ReadLog(LogReader reader, string path, Label label)
    {
        var logs = reader.Read(path, new ReadOptions { Format = label.Format }, new ProblemLog());
        bool Has(TrainingLog l) => l.Series.Any(s => string.Equals(s.Name, label.Metric, StringComparison.OrdinalIgnoreCase));
        if (label.Metric is null || logs.FirstOrDefault(Has) is not { } named)
        {
            return (logs.FirstOrDefault(l => l.Find(SeriesRole.TrainLoss) is not null) ?? logs[0], null);
        }

        return (named, label.Metric);
    }

    /// <summary>The loss the diagnosis would choose, written as a plain step,loss CSV and read back as a user's export would be.</summary>
    /// <summary>The labelled series as a plain step,loss CSV (kept, named after the log, when EPOCHLENS_CORPUS_KEEP_CSV is set; never "tfevents" in the name, which would make it an event file).</summary>
    private static TrainingLog PlainCsv(LogReader reader, TrainingLog log, string? metric, string folder, string labelPath)
    {
        var series = LossSeriesChooser.Choose(log, metric);
        string file = Path.Combine(folder, $"{labelPath.Replace('/', '_').Replace('.', '_').Replace("tfevents", "tb", StringComparison.Ordinal)}_{Guid.NewGuid().ToString("N")[..6]}.csv");
        using (var writer = new StreamWriter(file))
        {
            writer.WriteLine("step,loss");
            for (int i = 0; i < series.Count; i++)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{series.Steps[i]},{series.Values[i]:R}"));
            }
        }

        return reader.Read(file, new ReadOptions(), new ProblemLog()).Single();
    }

    private static IEnumerable<Label> Read(string file)
    {
        using var parser = new TextFieldParser(file) { HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields() ?? [];
        int Column(string name) => Array.IndexOf(header, name);
        int path = Column("path"), format = Column("format"), expected = Column("expected"), steps = Column("steps_per_epoch"), metric = Column("metric");
        var rows = new List<Label>();
        while (parser.ReadFields() is { } fields)
        {
            string? Field(int i) => i >= 0 && i < fields.Length && fields[i].Trim().Length > 0 ? fields[i].Trim() : null;
            rows.Add(new Label(
                Field(path)!,
                Field(format),
                Field(expected) ?? "unclear",
                Field(steps) is { } s ? double.Parse(s, CultureInfo.InvariantCulture) : null,
                Field(metric)));
        }

        return rows;
    }

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "..." : text;

    private static string Percent(int count, int of) => of == 0 ? "-" : $"{100.0 * count / of:0} % ({count}/{of})";

    private sealed record Label(string Path, string? Format, string Expected, double? StepsPerEpoch, string? Metric);
}
