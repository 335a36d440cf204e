using EpochLens.Naming;
using EpochLens.Telemetry;
using EpochLens.Torch.Telemetry;

namespace EpochLens.Torch.Training;

/// <summary>
/// The words the training settings are written in: by <c>epochlens train</c>'s options and their help, in run.json,
/// and when a run is read back to be trained again.
/// </summary>
public static class TrainingNames
{
    public static NameTable<SampleOrder> Order { get; } = new(
        [(SampleOrder.Reshuffled, "reshuffled"), (SampleOrder.Fixed, "fixed"), (SampleOrder.SortedByLabel, "sorted-by-label"), (SampleOrder.ReseededEachEpoch, "reseeded")],
        [("shuffled", SampleOrder.Reshuffled), ("sorted", SampleOrder.SortedByLabel)]);

    public static NameTable<LossReduction> Reduction { get; } = new((LossReduction.Mean, "mean"), (LossReduction.Sum, "sum"));

    public static NameTable<AccumulationLeftover> Leftover { get; } = new(
        (AccumulationLeftover.WrongScale, "wrong-scale"), (AccumulationLeftover.Leak, "leak"), (AccumulationLeftover.OwnScale, "own-scale"));

    public static NameTable<NormSchedule> Norms { get; } = new((NormSchedule.Sampled, "sampled"), (NormSchedule.EveryStep, "every"), (NormSchedule.Never, "off"));

    public static NameTable<TelemetryFormat> Telemetry { get; } = new((TelemetryFormat.Csv, "csv"), (TelemetryFormat.JsonLines, "jsonl"), (TelemetryFormat.Both, "both"));
}
