using System.Runtime.CompilerServices;

// The watch tests and benchmark write growing event files with the tests' writer (it frames records with the internal CRC).
[assembly: InternalsVisibleTo("EpochLens.Cli.Tests")]
[assembly: InternalsVisibleTo("EpochLens.Bench.WatchSpeed")]
