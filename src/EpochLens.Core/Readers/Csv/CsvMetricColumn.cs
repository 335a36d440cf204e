using EpochLens.Logs;

namespace EpochLens.Readers.Csv;

/// <summary>A column read as a series: where it is, the series name, and what its name says it holds.</summary>
internal sealed record CsvMetricColumn(int Index, string Name, SeriesRole Role, ValueAveraging Averaging);
