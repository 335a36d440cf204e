using System.Globalization;
using System.Text.RegularExpressions;
using EpochLens.Naming;
using EpochLens.Telemetry;
using EpochLens.Torch.Data;
using EpochLens.Torch.Training;

namespace EpochLens.Torch.Experiments;

/// <summary>
/// A run recorded by <c>epochlens train</c>: its folder, its run.json, and the trainer options rebuilt from it,
/// so that an experiment can train it again from the same seed with one factor changed.
/// </summary>
public sealed partial class HarnessRun
{
    private HarnessRun(string folder, RunDescription description, TrainOptions options)
    {
        Folder = folder;
        Description = description;
        Options = options;
    }

    public string Folder { get; }

    public RunDescription Description { get; }

    /// <summary>The options that trained the run (one thread, held-out evaluation after every epoch).</summary>
    public TrainOptions Options { get; }

    /// <summary>True when the run trained on the data built into EpochLens, which verify can load by itself.</summary>
    public bool UsesEmbeddedData => Description.Data == EmbeddedData.Description;

    /// <summary>Opens a run folder; throws <see cref="NotAHarnessRunException"/> saying why it cannot be re-run.</summary>
    public static HarnessRun Open(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
            throw new NotAHarnessRunException($"{folder}: no such folder. verify needs a run folder written by 'epochlens train'.");

        var runJson = Path.Combine(folder, TelemetryFiles.RunDescription);
        if (!File.Exists(runJson))
        {
            throw new NotAHarnessRunException(
                $"{folder} is not a run recorded by 'epochlens train' (it has no {TelemetryFiles.RunDescription}): verify trains the run again, so it needs the harness's record of the set-up. "
                + "Logs from other tools can be diagnosed with 'epochlens analyze'.");
        }

        bool hasSteps = File.Exists(Path.Combine(folder, TelemetryFiles.StepsCsv)) || File.Exists(Path.Combine(folder, TelemetryFiles.StepsJsonLines));
        if (!hasSteps)
            throw new NotAHarnessRunException($"{folder} has a {TelemetryFiles.RunDescription} but no step telemetry ({TelemetryFiles.StepsCsv} or {TelemetryFiles.StepsJsonLines}).");

        RunDescription description;
        try
        {
            description = RunDescription.Read(runJson);
        }
        catch (InvalidDataException e)
        {
            throw new NotAHarnessRunException($"{runJson} cannot be read as an EpochLens run description: {e.Message}", e);
        }

        if (description.Tool == "epochlens-python")
        {
            throw new NotAHarnessRunException(
                $"{folder} was recorded by the Python recorder from a training loop of its own: verify trains runs of 'epochlens train' again, and cannot re-run that loop. Diagnose it with 'epochlens analyze'.");
        }

        if (description.Tool != "epochlens" || description.SchemaVersion != RunDescription.CurrentSchemaVersion)
            throw new NotAHarnessRunException($"{runJson} was written by {description.Tool} (schema {description.SchemaVersion}); verify reads EpochLens run descriptions of schema {RunDescription.CurrentSchemaVersion}.");

        return new HarnessRun(Path.GetFullPath(folder), description, ToOptions(description, runJson));
    }

    private static TrainOptions ToOptions(RunDescription d, string source)
    {
        var switches = d.CauseSwitches;
        string? Switch(string name) => switches.TryGetValue(name, out var value) ? value : null;
        var unknown = switches.Keys.Where(k => !CauseSwitchNames.All.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new NotAHarnessRunException($"{source}: cause switch(es) {string.Join(", ", unknown)} are unknown to this version, so the run cannot be rebuilt.");

        var (beta1, beta2) = Betas(d.Optimizer, source);
        int? memorize = Switch(CauseSwitchNames.Memorize) is { } m ? Integer(m, CauseSwitchNames.Memorize, source) : null;
        var causes = new CauseSwitches
        {
            RunningMeanLogging = Switch(CauseSwitchNames.LogRunningMean) == "true",
            LossReduction = Named(TrainingNames.Reduction, Switch(CauseSwitchNames.LossReduction), LossReduction.Mean, "loss reduction", source),
            DropLast = Switch(CauseSwitchNames.DropLast) == "true",
            Order = Named(TrainingNames.Order, d.Order, SampleOrder.Reshuffled, "sample order", source),
            RebuildOptimizerEachEpoch = Switch(CauseSwitchNames.RebuildOptimizer) == "true",
            LrWarmRestarts = Switch(CauseSwitchNames.LrRestarts) == "true",
            ReloadWeightsAtBoundary = Switch(CauseSwitchNames.ReloadWeights) == "true",
            GradAccumulation = Switch(CauseSwitchNames.GradAccumulation) is { } k ? Integer(k, CauseSwitchNames.GradAccumulation, source) : 1,
            AccumulationLeftover = Named(TrainingNames.Leftover, Switch(CauseSwitchNames.AccumulationLeftover), AccumulationLeftover.WrongScale, "accumulation leftover", source),
            MemorizeSubset = memorize,
            FreshSamplesEachEpoch = Switch(CauseSwitchNames.FreshSamples) == "true",
        };
        return new TrainOptions
        {
            LearningRate = d.LearningRate,
            BatchSize = d.BatchSize,
            Epochs = d.Epochs,
            SamplesPerEpoch = d.SamplesPerEpoch,
            Seed = d.Seed,
            Beta1 = beta1,
            Beta2 = beta2,
            Causes = causes,
        };
    }

    /// <summary>A switch's value read by its names; absent means the default, unknown refuses the run.</summary>
    private static T Named<T>(NameTable<T> names, string? text, T absent, string what, string source)
        where T : notnull =>
        text is null ? absent
        : names.TryParse(text, out var value) ? value
        : throw new NotAHarnessRunException($"{source}: unknown {what} '{text}'");

    private static int Integer(string text, string name, string source) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new NotAHarnessRunException($"{source}: switch {name} has '{text}', not a whole number");

    private static (double Beta1, double Beta2) Betas(string optimizer, string source)
    {
        var match = AdamPattern().Match(optimizer);
        if (!match.Success)
            throw new NotAHarnessRunException($"{source}: optimizer '{optimizer}' is not the harness's Adam(beta1=..., beta2=...)");

        return (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^Adam\(beta1=([0-9.eE+-]+), beta2=([0-9.eE+-]+)\)$")]
    private static partial Regex AdamPattern();
}
