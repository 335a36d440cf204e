using System.Runtime.CompilerServices;

// The tests check the CRC, the wire reader and the scanner directly; the benchmark writes event files with the test writer.
[assembly: InternalsVisibleTo("EpochLens.Core.Tests")]
[assembly: InternalsVisibleTo("EpochLens.Bench.EventFileSpeed")]

// The sweep tests and benchmark write TensorBoard run folders with the same writer.
[assembly: InternalsVisibleTo("EpochLens.Cli.Tests")]
[assembly: InternalsVisibleTo("EpochLens.Bench.SweepSpeed")]
// The fuzzer frames records with damaged lengths and checksums, and writes hostile tags, with the same writer.
[assembly: InternalsVisibleTo("EpochLens.Bench.Fuzz")]
