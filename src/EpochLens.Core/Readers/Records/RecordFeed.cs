using EpochLens.Readers.Input;

namespace EpochLens.Readers.Records;

/// <summary>Takes one record of a file (a JSON line, a history entry), where it is, and whether the file was cut inside it.</summary>
internal delegate void RecordHandler(ReadOnlySpan<byte> record, SourcePosition where, bool cut);

/// <summary>Hands a file's records to <paramref name="handle"/> in order, reporting the damage between them.</summary>
internal delegate void RecordFeed(ProblemReporter problems, RecordHandler handle);
