namespace EpochLens.Readers.JsonLines;

/// <summary>Hands a file's JSON records to <paramref name="parser"/> in order, reporting the damage between them.</summary>
internal delegate void RecordFeed(ProblemReporter problems, JsonLinesParser parser);
