namespace EpochLens.Readers.Text;

/// <summary>A label met in the file, which becomes a series name.</summary>
/// <param name="Name">The series name: the label as printed, "Test/Average loss" for a test line, "Loss (avg)" for an average.</param>
/// <param name="IsLoss">The label names a loss.</param>
/// <param name="HeldOut">The values are measured on held-out data.</param>
/// <param name="IsAverage">The parenthesised running average printed after another label's value.</param>
internal sealed record TextLabel(string Name, bool IsLoss, bool HeldOut, bool IsAverage);
