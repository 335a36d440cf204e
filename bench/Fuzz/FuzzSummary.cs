using System.Globalization;
using System.Text;

namespace EpochLens.Bench.Fuzz;

/// <summary>The outcome counts of a run, the defects with how to repeat each, and the slowest and largest cases.</summary>
internal sealed class FuzzSummary(FuzzOptions options, IReadOnlyList<CaseResult> results, TimeSpan elapsed)
{
    public IReadOnlyList<CaseResult> Results => results;

    public IReadOnlyList<CaseResult> Defects { get; } = [.. results.Where(r => r.IsDefect)];

    public string Render()
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(invariant, $"Fuzz run: seed {options.Seed}, cases {options.First}..{options.First + results.Count - 1} ({results.Count}), "
            + $"{options.Jobs} at a time, {elapsed.TotalMinutes:0.0} min; limits {options.TimeLimit.TotalSeconds:0} s, {options.MemoryLimitBytes >> 20} MB peak RSS, heap {options.HeapLimitBytes >> 20} MB");
        foreach (var outcome in Enum.GetValues<Outcome>())
        {
            text.AppendLine(invariant, $"  {outcome,-17} {results.Count(r => r.Outcome == outcome),6}");
        }

        var byCommand = results.Where(r => r.Arguments.Count > 0).GroupBy(r => $"{r.Arguments[0]} {string.Join(' ', r.Arguments.Skip(2).TakeWhile(a => a.StartsWith('-') && a != "--format"))}".Trim());
        text.AppendLine("  by command: " + string.Join(", ", byCommand.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
        var slowest = results.OrderByDescending(r => r.Seconds).First();
        var largest = results.OrderByDescending(r => r.PeakKilobytes).First();
        text.AppendLine(invariant, $"  slowest case {slowest.Index}: {slowest.Seconds:0.0} s ({string.Join('+', slowest.Mutations)}); "
            + $"largest peak RSS case {largest.Index}: {largest.PeakKilobytes / 1024} MB ({string.Join('+', largest.Mutations)})");
        text.AppendLine(invariant, $"  mutations applied: {results.SelectMany(r => r.Mutations).Distinct().Count()} kinds; seeds used: {results.Select(r => r.SeedName).Distinct().Count()}");

        foreach (var notRun in results.Where(r => r.Outcome == Outcome.NotRun))
        {
            text.AppendLine(invariant, $"NOT RUN case {notRun.Index}: {notRun.Detail}");
        }

        foreach (var defect in Defects)
        {
            text.AppendLine(invariant, $"DEFECT case {defect.Index} {defect.Outcome}: seed {defect.SeedName}, {string.Join('+', defect.Mutations)}, "
                + $"epochlens {string.Join(' ', defect.Arguments.Select(RawControlScan.Escape))}: {defect.Detail}");
            text.AppendLine(invariant, $"  again: dotnet run --project bench/Fuzz -c Release -- --seed {options.Seed} --case {defect.Index}");
        }

        return text.ToString();
    }
}
