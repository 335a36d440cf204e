using EpochLens.Diagnosis;
using EpochLens.Readers;
using EpochLens.Telemetry;
using EpochLens.Torch.Data;
using EpochLens.Torch.Training;

namespace EpochLens.Torch.Experiments;

/// <summary>
/// Replays the question: trains its set-up (the CNN, Adam lr 1e-5, batch size 1, 5039 reshuffled samples) while
/// recording both each step's loss and the running mean of the epoch that its code plotted, then diagnoses both.
/// </summary>
public sealed class SeedDemo
{
    /// <summary>Epochs of the short demo: the fewest the boundary statistics need, about half a minute on one core.</summary>
    public const int ShortEpochs = 3;

    /// <summary>Epochs of the --full demo.</summary>
    public const int FullEpochs = 10;

    private readonly ImageDataSplit _data;
    private readonly Diagnoser _diagnoser;

    public SeedDemo(ImageDataSplit data, Diagnoser diagnoser)
    {
        _data = data;
        _diagnoser = diagnoser;
    }

    /// <summary>The question's set-up with its running-mean logger, for <paramref name="epochs"/> epochs.</summary>
    public static TrainOptions Setup(int epochs) => new()
    {
        Epochs = epochs,
        Causes = new CauseSwitches { RunningMeanLogging = true },
    };

    public DemoOutcome Run(TrainOptions options, string folder, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(folder);
        var trainer = new Trainer(options, _data);
        trainer.Describe().Write(folder);
        TrainingSummary summary;
        using (var writer = new TelemetryWriter(folder, TelemetryFormat.Csv))
        {
            summary = trainer.Run(writer, progress, cancellation);
        }

        var logs = DefaultLogReaders.Create().Read(folder, new ReadOptions { Format = Readers.Telemetry.TelemetryReader.Default.Format }, new ProblemLog());
        var log = logs.Count > 0 ? logs[0] : throw new InvalidDataException($"{folder}: the demo's telemetry could not be read back");
        var plotted = _diagnoser.Diagnose(log, new DiagnosisOptions { Metric = CauseExperiments.LoggedLoss });
        var raw = _diagnoser.Diagnose(log, new DiagnosisOptions { Metric = "loss" });
        return new DemoOutcome
        {
            RunFolder = folder,
            Training = summary,
            Plotted = plotted,
            Raw = raw,
            Answer = DemoAnswer.Cause(plotted, raw),
            HowBad = DemoAnswer.HowBad(plotted, raw),
        };
    }
}
