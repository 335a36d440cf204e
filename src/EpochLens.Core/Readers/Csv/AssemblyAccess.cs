using System.Runtime.CompilerServices;

// The CSV benchmark times the reader's stages (one thread, two threads, parsing alone) to show where the time goes.
[assembly: InternalsVisibleTo("EpochLens.Bench.CsvSpeed")]
