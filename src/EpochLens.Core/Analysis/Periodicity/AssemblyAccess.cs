using System.Runtime.CompilerServices;

// The FFT benchmark times the internal PowerSpectrum against MathNet's transform.
[assembly: InternalsVisibleTo("EpochLens.Bench.FftSpeed")]
