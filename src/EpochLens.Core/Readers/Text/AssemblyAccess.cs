using System.Runtime.CompilerServices;

// The text-log benchmark times the reader's stages (line scanning, tokenizing, parsing, building) to show where the time goes.
[assembly: InternalsVisibleTo("EpochLens.Bench.TextLogSpeed")]
