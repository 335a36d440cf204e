using EpochLens.Diagnosis;
using EpochLens.Torch.Training;

namespace EpochLens.Torch.Experiments;

/// <summary>
/// How to test one cause by experiment: whether a set-up has the factor, the same set-up with only that factor
/// switched off (or on), and the measurement the cause shows in. The instances are in <see cref="CauseExperiments"/>.
/// </summary>
public sealed class CauseExperiment
{
    public required CauseId Cause { get; init; }

    /// <summary>The factor, in words ("the same sample order every epoch").</summary>
    public required string Factor { get; init; }

    /// <summary>What switching it off means ("reshuffle every epoch").</summary>
    public required string SwitchOffText { get; init; }

    /// <summary>What switching it on means, for a run that lacks it.</summary>
    public required string SwitchOnText { get; init; }

    /// <summary>The measurement the cause shows in.</summary>
    public required Signature Signature { get; init; }

    /// <summary>A signature that depends on the set-up (how the loss is reduced, say); null: always <see cref="Signature"/>.</summary>
    public Func<TrainOptions, Signature>? SignatureBySetup { get; init; }

    /// <summary>Whether the set-up has the factor.</summary>
    public required Func<TrainOptions, bool> IsPresent { get; init; }

    /// <summary>The set-up with only the factor switched off.</summary>
    public required Func<TrainOptions, TrainOptions> SwitchOff { get; init; }

    /// <summary>The set-up with only the factor switched on, or a reason why that needs more than one change.</summary>
    public required Func<TrainOptions, (TrainOptions? Options, string? WhyNot)> SwitchOn { get; init; }

    /// <summary>The series to judge on the side with the factor (null: the training loss).</summary>
    public string? MetricWithFactor { get; init; }

    /// <summary>True when switching the factor off needs fresh training samples for every epoch.</summary>
    public bool NeedsFreshSamples { get; init; }

    /// <summary>The measurement the cause shows in for this set-up.</summary>
    public Signature SignatureOf(TrainOptions options) => SignatureBySetup?.Invoke(options) ?? Signature;

    /// <summary>The pair of runs that tests this cause on <paramref name="original"/>, trained on <paramref name="trainCount"/> samples at most.</summary>
    public ExperimentPlan Plan(TrainOptions original, int trainCount)
    {
        ArgumentNullException.ThrowIfNull(original);
        if (IsPresent(original))
        {
            var off = SwitchOff(original);
            var problems = off.Problems(trainCount).ToList();
            if (problems.Count > 0)
            {
                return new ExperimentPlan
                {
                    OriginalHasFactor = true,
                    Change = SwitchOffText,
                    NoExperimentBecause = $"the factor cannot be switched off here: {problems[0]}",
                };
            }

            return new ExperimentPlan
            {
                OriginalHasFactor = true,
                Change = SwitchOffText,
                WithFactor = new ArmSetup(original, MetricWithFactor),
                WithoutFactor = new ArmSetup(off, null),
            };
        }

        var (on, whyNot) = SwitchOn(original);
        if (on is null)
            return new ExperimentPlan { OriginalHasFactor = false, Change = SwitchOnText, NoExperimentBecause = whyNot };

        return new ExperimentPlan
        {
            OriginalHasFactor = false,
            Change = SwitchOnText,
            WithFactor = new ArmSetup(on, MetricWithFactor),
            WithoutFactor = new ArmSetup(original, null),
        };
    }
}
