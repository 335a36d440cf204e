namespace EpochLens.Readers.Input;

/// <summary>What a step cell turned out to hold (see <see cref="StepText"/>).</summary>
internal enum StepReading
{
    Whole,

    /// <summary>A number with a fraction ("0.5", "1e-1"): some loggers write half-epoch marks as steps.</summary>
    Fractional,

    OutOfRange,

    /// <summary>Text, blank, nan, inf.</summary>
    NotANumber,
}
