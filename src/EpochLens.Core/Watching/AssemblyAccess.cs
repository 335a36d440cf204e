using System.Runtime.CompilerServices;

// The watch benchmark writes growing event files with the tests' writer (it frames records with the internal CRC);
// the CLI tests are let in by Readers/TensorBoard/AssemblyAccess.cs.
[assembly: InternalsVisibleTo("EpochLens.Bench.WatchSpeed")]
