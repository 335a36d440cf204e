using EpochLens.Telemetry;
using EpochLens.Torch.Training;

namespace EpochLens.Cli.Commands.Train;

/// <summary><c>epochlens train</c>: trains the question's CNN and writes telemetry to a run folder.</summary>
public sealed class TrainCommand(IAnsiConsole console) : ConsoleCommand<TrainSettings>(console)
{
    public override int Execute(CommandContext context, TrainSettings settings, CancellationToken cancellationToken)
    {
        var options = settings.ToOptions();
        var data = TrainingData.Load(settings.DataFolder);
        var trainer = new Trainer(options, data);
        var folder = settings.ResolveOutFolder();

        using var interrupt = new ConsoleInterrupt(cancellationToken);
        try
        {
            using var writer = new TelemetryWriter(folder, settings.TelemetryFormat);
            trainer.Describe().Write(folder);
            WritePlainLine(string.Create(CultureInfo.InvariantCulture, $"Training on {data.Description}: {options.EffectiveSamplesPerEpoch} samples x {options.Epochs} epochs, batch size {options.BatchSize}, {trainer.StepsPerEpoch} steps per epoch, Adam lr {options.LearningRate:g}."));
            var summary = settings.Quiet || !StandardStreams.ProgressShown
                ? trainer.Run(writer, progress: null, interrupt.Token)
                : RunWithProgressBar(trainer, writer, interrupt.Token);
            WritePlainLine(SummaryLine(summary, folder));
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException) when (interrupt.Requested)
        {
            Output.MarkupLine(ConsoleText.Markup($"Stopped. The telemetry recorded so far is in {folder}."));
            return ExitCodes.Interrupted;
        }
    }

    /// <summary>Writes a line as it is: never wrapped, so that scripts can read it from redirected output.</summary>
    private void WritePlainLine(string line) => Output.Profile.Out.Writer.WriteLine(ConsoleText.Plain(line));

    /// <summary>The closing line: epochs, steps, final losses and speed.</summary>
    public static string SummaryLine(TrainingSummary s, string folder) => string.Create(CultureInfo.InvariantCulture,
        $"Done: {s.Epochs} epochs, {s.Steps} steps; final train loss {s.FinalTrainLoss:F4}, held-out loss {s.FinalHeldOutLoss:F4} (accuracy {s.FinalHeldOutAccuracy:P1}); {s.StepsPerSecond:F0} steps/s. Telemetry: {folder}");

    private static TrainingSummary RunWithProgressBar(Trainer trainer, ITelemetrySink sink, CancellationToken cancellation)
    {
        TrainingSummary? summary = null;
        // Drawn from the training thread, not Spectre's refresh thread: TorchSharp 0.107 hands temporary Scalars to
        // native calls without keeping them alive, so a garbage collection that another thread's allocations start
        // mid-call can free one under libtorch (seen as c10::Scalar::toFloat failing in Adam's step).
        // On standard error: standard output keeps the opening and closing lines only.
        RefreshThrottle.Show(StandardStreams.Error, (context, throttle) =>
        {
            var task = context.AddTask("training", maxValue: trainer.TotalSteps);
            var progress = new SynchronousProgress<TrainingProgress>(p =>
            {
                task.Value = p.Step;
                task.Description = p.Phase == "training"
                    ? string.Create(CultureInfo.InvariantCulture, $"epoch {p.Epoch + 1} · loss {p.RecentLoss:F4} · {p.StepsPerSecond:F0} steps/s")
                    : string.Create(CultureInfo.InvariantCulture, $"epoch {p.Epoch + 1} · {p.Phase}");
                throttle.Refresh(p.Phase != "training");
            });
            summary = trainer.Run(sink, progress, cancellation);
        });
        return summary!;
    }
}
