namespace EpochLens.Torch.Data;

/// <summary>A training set and the held-out set measured beside it, with where they came from.</summary>
/// <param name="Train">The images the model trains on; their count is the epoch size.</param>
/// <param name="HeldOut">Images never trained on, for the held-out loss.</param>
/// <param name="Description">Where the data came from, for reports and telemetry.</param>
public sealed record ImageDataSplit(LabeledImages Train, LabeledImages HeldOut, string Description);
