namespace EpochLens.Readers.Input;

/// <summary>What a step cell turned out to hold (see <see cref="StepText"/>).</summary>
internal enum StepReading
{
    /// <summary>A whole number within the 64-bit range: the step.</summary>
    Whole,

    /// <summary>A number with a fraction ("0.5", "1e-1"): some loggers write half-epoch marks as steps.</summary>
    Fractional,

    /// <summary>A whole number beyond the 64-bit range (±9.2e18): no training run's step.</summary>
    OutOfRange,

    /// <summary>Not a number at all (text, blank, nan, inf).</summary>
    NotANumber,
}
