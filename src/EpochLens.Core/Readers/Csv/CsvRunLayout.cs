namespace EpochLens.Readers.Csv;

/// <summary>The columns of one run: the whole file, or one run of a W&amp;B export.</summary>
/// <param name="Name">The run's name in a W&amp;B export, or null.</param>
/// <param name="EpochIndex">The column holding this run's epoch, or -1.</param>
/// <param name="EpochName">That column's series name.</param>
/// <param name="Metrics">The columns read as series, in the order they come out.</param>
internal sealed record CsvRunLayout(string? Name, int EpochIndex, string EpochName, IReadOnlyList<CsvMetricColumn> Metrics);
