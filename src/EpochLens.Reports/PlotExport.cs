using EpochLens.Reports.Figures;

namespace EpochLens.Reports;

/// <summary>Writes the main figures of each diagnosis as PNG and SVG files, for slides, papers and issue comments.</summary>
public static class PlotExport
{
    /// <summary>
    /// Writes <c>ID.svg</c> and <c>ID.png</c> for each main figure into <paramref name="folder"/> (created when missing);
    /// with several runs, each run's files are prefixed <c>runN-</c>. Returns the paths written.
    /// </summary>
    public static IReadOnlyList<string> Write(string folder, IReadOnlyList<RunDiagnosis> runs)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(runs);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        for (int i = 0; i < runs.Count; i++) written.AddRange(Write(folder, runs[i], runs.Count > 1 ? $"run{i}-" : ""));

        return written;
    }

    /// <summary>Writes one run's main figures as <c>PREFIXID.svg</c> and <c>PREFIXID.png</c> into an existing folder; returns the paths written.</summary>
    public static IReadOnlyList<string> Write(string folder, RunDiagnosis run, string prefix)
    {
        ArgumentNullException.ThrowIfNull(run);
        var written = new List<string>();
        foreach (var figure in RunFigures.Main(run))
        {
            string svg = Path.Combine(folder, $"{prefix}{figure.Id}.svg");
            File.WriteAllText(svg, figure.ToSvgFile());
            string png = Path.Combine(folder, $"{prefix}{figure.Id}.png");
            File.WriteAllBytes(png, figure.ToPng());
            written.Add(svg);
            written.Add(png);
        }

        return written;
    }
}
