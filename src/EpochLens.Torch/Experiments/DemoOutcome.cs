using EpochLens.Diagnosis;
using EpochLens.Torch.Training;

namespace EpochLens.Torch.Experiments;

/// <summary>The demo's result: the run, the diagnosis of the curve the question plotted and of the raw loss, and the answer.</summary>
public sealed record DemoOutcome
{
    public required string RunFolder { get; init; }

    public required TrainingSummary Training { get; init; }

    /// <summary>The diagnosis of logged_loss: the running mean of the epoch so far, as the question's code plotted it.</summary>
    public required RunDiagnosis Plotted { get; init; }

    /// <summary>The diagnosis of loss: each step's own loss.</summary>
    public required RunDiagnosis Raw { get; init; }

    /// <summary>The answer to the question's first part (what causes the pattern), from the two diagnoses.</summary>
    public required string Answer { get; init; }

    /// <summary>The answer to its second part (how bad it is).</summary>
    public required string HowBad { get; init; }
}
