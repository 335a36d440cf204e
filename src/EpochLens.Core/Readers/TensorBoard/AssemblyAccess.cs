using System.Runtime.CompilerServices;

// The tests check the CRC, the wire reader and the scanner directly. The benchmarks, the sweep tests and the
// fuzzer write event files (the fuzzer with damaged framing and hostile tags) with the tests' writer and the CRC.
[assembly: InternalsVisibleTo("EpochLens.Core.Tests")]
[assembly: InternalsVisibleTo("EpochLens.Bench.EventFileSpeed")]
[assembly: InternalsVisibleTo("EpochLens.Cli.Tests")]
[assembly: InternalsVisibleTo("EpochLens.Bench.SweepSpeed")]
[assembly: InternalsVisibleTo("EpochLens.Bench.Fuzz")]
