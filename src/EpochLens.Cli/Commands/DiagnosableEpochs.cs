using EpochLens.Torch.Experiments;

namespace EpochLens.Cli.Commands;

/// <summary>The --epochs rule of the commands that train runs in order to diagnose them (demo, verify).</summary>
internal static class DiagnosableEpochs
{
    /// <summary>The error for fewer epochs than the boundary statistics need, or null.</summary>
    public static ValidationResult? Check(int? epochs) =>
        epochs is < ExperimentBudget.MinEpochs
            ? ValidationResult.Error($"--epochs must be at least {ExperimentBudget.MinEpochs}: the boundary statistics need two boundaries and odd and even epochs (got {epochs})")
            : null;
}
