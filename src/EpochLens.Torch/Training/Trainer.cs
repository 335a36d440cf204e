using System.Diagnostics;
using EpochLens.Telemetry;
using EpochLens.Torch.Data;
using EpochLens.Torch.Model;
using EpochLens.Torch.Telemetry;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EpochLens.Torch.Training;

/// <summary>
/// Trains <see cref="SeedCnn"/> with Adam as the question did, with every cause switch of
/// <see cref="CauseSwitches"/> available, and records telemetry for every step.
/// Deterministic for a given seed and thread count.
/// </summary>
public sealed class Trainer
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(200);

    // libtorch's generator and thread count are process-wide: trainers started from several threads seed and draw
    // their initial weights one at a time, and set the thread count only when it changes (setting it also clears
    // oneDNN's primitive cache and resizes the thread pool under a run that is training). Training side by side in
    // one process is still unsafe with TorchSharp 0.107 (see Experiments/InProcessLauncher); verify uses processes.
    private static readonly Lock ProcessWideState = new();

    private readonly TrainOptions _options;
    private readonly ImageDataSplit _data;

    public Trainer(TrainOptions options, ImageDataSplit data)
    {
        var problems = options.Problems(data.Train.Count).ToList();
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems), nameof(options));

        _options = options;
        _data = data;
    }

    /// <summary>Batches per epoch and in the whole run.</summary>
    public int StepsPerEpoch => _options.StepsPerEpoch;

    public long TotalSteps => (long)_options.StepsPerEpoch * _options.Epochs;

    /// <summary>The run.json that describes this run.</summary>
    public RunDescription Describe() => new()
    {
        Data = _data.Description,
        Seed = _options.Seed,
        Epochs = _options.Epochs,
        SamplesPerEpoch = _options.EffectiveSamplesPerEpoch,
        BatchSize = _options.BatchSize,
        StepsPerEpoch = _options.StepsPerEpoch,
        LearningRate = _options.LearningRate,
        Optimizer = FormattableString.Invariant($"Adam(beta1={_options.Beta1}, beta2={_options.Beta2})"),
        Order = TrainingNames.Order.Name(_options.Causes.Order),
        CauseSwitches = _options.Causes.Describe(),
        NormSchedule = _options.Norms.Describe(),
    };

    /// <summary>Trains, sending every step and epoch to <paramref name="sink"/> (null: record nothing, for benchmarks).</summary>
    public TrainingSummary Run(ITelemetrySink? sink, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        var o = _options;
        var causes = o.Causes;
        SeedCnn NewModel()
        {
            lock (ProcessWideState)
            {
                if (torch.get_num_threads() != o.Threads) torch.set_num_threads(o.Threads);

                torch.manual_seed(o.Seed);
                return new SeedCnn();
            }
        }

        using var model = NewModel();
        using var train = new ImageTensors(_data.Train, o.SamplesLoaded, CPU);
        using var heldOut = new ImageTensors(_data.HeldOut, _data.HeldOut.Count, CPU);
        var reduction = causes.LossReduction == LossReduction.Sum ? nn.Reduction.Sum : nn.Reduction.Mean;
        var sampler = new EpochSampler(causes.Order, o.EffectiveSamplesPerEpoch, o.Seed, _data.Train.Labels);
        var schedule = new LearningRateSchedule(o.LearningRate, causes.LrWarmRestarts);
        var accumulation = new GradientAccumulation(causes.GradAccumulation, causes.AccumulationLeftover);
        using var recorder = sink is null ? null : new TelemetryRecorder(sink, model, new TelemetryOptions { Norms = o.Norms, StepsPerEpoch = o.StepsPerEpoch });
        using var checkpoint = new WeightCheckpoint(model);

        var optimizer = NewOptimizer(model);
        var epochs = new List<EpochRecord>();
        var trainingClock = new Stopwatch();
        var progressClock = Stopwatch.StartNew();
        double lossSinceReport = 0;
        int stepsSinceReport = 0;
        long step = 0;
        long telemetryTicks = 0;
        try
        {
            for (int epoch = 0; epoch < o.Epochs; epoch++)
            {
                if (epoch > 0 && causes.RebuildOptimizerEachEpoch)
                {
                    optimizer.Dispose();
                    optimizer = NewOptimizer(model);
                }

                if (epoch > 0 && causes.ReloadWeightsAtBoundary) checkpoint.Restore();

                var batches = EpochSampler.Batches(EpochOrder(sampler, epoch), o.BatchSize, causes.DropLast);
                using var runningSum = zeros(1, dtype: float64);
                double epochLossSum = 0;
                model.train();
                trainingClock.Start();
                for (int position = 0; position < batches.Count; position++)
                {
                    cancellation.ThrowIfCancellationRequested();
                    using var scope = NewDisposeScope();
                    optimizer.ParamGroups.First().LearningRate = schedule.At(position, batches.Count);

                    var (images, labels) = train.Batch(batches[position]);
                    var loss = nn.functional.cross_entropy(model.forward(images), labels, reduction: reduction);
                    // Scalars made explicitly and held to the end of the step: an implicit one made by the division operator
                    // can be finalized while libtorch still reads it ("Unknown scalar type" under GC pressure).
                    using var divisor = accumulation.DivisorAt(position, batches.Count).ToScalar();
                    loss.div(divisor).backward();
                    bool stepped = accumulation.ShouldStep(position, batches.Count);
                    if (stepped) UninterruptedStep.Run(optimizer);

                    Tensor? logged = null;
                    if (causes.RunningMeanLogging)
                    {
                        // The question's logger: the mean of this epoch's losses so far, reset every epoch.
                        runningSum.add_(loss.detach().to(float64));
                        using var count = ((double)(position + 1)).ToScalar();
                        logged = runningSum.div(count);
                    }

                    if (recorder is not null)
                    {
                        long before = Stopwatch.GetTimestamp();
                        recorder.RecordStep(epoch, position, batches[position], loss, optimizer, logged);
                        telemetryTicks += Stopwatch.GetTimestamp() - before;
                    }
                    if (stepped) optimizer.zero_grad();

                    if (causes.ReloadWeightsAtBoundary && position == batches.Count / 2) checkpoint.Save();

                    step++;
                    // Reading the loss costs nothing on the CPU, which is all this trainer runs on.
                    double lossValue = loss.item<float>();
                    epochLossSum += lossValue;
                    if (progress is not null)
                    {
                        lossSinceReport += lossValue;
                        stepsSinceReport++;
                        if (progressClock.Elapsed >= ProgressInterval)
                        {
                            progress.Report(new TrainingProgress(step, TotalSteps, epoch, lossSinceReport / stepsSinceReport, step / trainingClock.Elapsed.TotalSeconds, "training"));
                            lossSinceReport = 0;
                            stepsSinceReport = 0;
                            progressClock.Restart();
                        }
                    }
                }

                trainingClock.Stop();
                var (heldOutLoss, heldOutAccuracy) = (double.NaN, double.NaN);
                if (o.EvaluateEachEpoch)
                {
                    recorder?.Flush();
                    progress?.Report(new TrainingProgress(step, TotalSteps, epoch, double.NaN, step / trainingClock.Elapsed.TotalSeconds, "evaluating"));
                    (heldOutLoss, heldOutAccuracy) = Evaluate(model, heldOut);
                }

                epochs.Add(recorder?.RecordEpoch(epoch, heldOutLoss, heldOutAccuracy)
                    ?? new EpochRecord(epoch, batches.Count, step - 1, epochLossSum / batches.Count, heldOutLoss, heldOutAccuracy));
            }
        }
        finally
        {
            optimizer.Dispose();
        }

        progress?.Report(new TrainingProgress(step, TotalSteps, o.Epochs - 1, double.NaN, step / trainingClock.Elapsed.TotalSeconds, "done"));
        return new TrainingSummary(epochs, step, trainingClock.Elapsed, Stopwatch.GetElapsedTime(0, telemetryTicks));
    }

    /// <summary>Mean cross-entropy and accuracy of the model on a set of images, without gradients.</summary>
    public static (double Loss, double Accuracy) Evaluate(SeedCnn model, LabeledImages images)
    {
        using var tensors = new ImageTensors(images, images.Count, CPU);
        return Evaluate(model, tensors);
    }

    private static (double Loss, double Accuracy) Evaluate(SeedCnn model, ImageTensors set)
    {
        const int chunk = 500;
        model.eval();
        using var noGrad = no_grad();
        double lossSum = 0;
        long correct = 0;
        for (int start = 0; start < set.Count; start += chunk)
        {
            using var scope = NewDisposeScope();
            int size = Math.Min(chunk, set.Count - start);
            var scores = model.forward(set.Images.narrow(0, start, size));
            var labels = set.Labels.narrow(0, start, size);
            lossSum += nn.functional.cross_entropy(scores, labels, reduction: nn.Reduction.Sum).item<float>();
            correct += scores.argmax(1).eq(labels).sum().item<long>();
        }

        model.train();
        return (lossSum / set.Count, (double)correct / set.Count);
    }

    /// <summary>The epoch's sample order; with fresh samples, epoch e takes the e-th block of samples instead of the first.</summary>
    private int[] EpochOrder(EpochSampler sampler, int epoch)
    {
        var order = sampler.NextEpoch();
        if (_options.Causes.FreshSamplesEachEpoch)
        {
            int offset = epoch * _options.EffectiveSamplesPerEpoch;
            for (int i = 0; i < order.Length; i++) order[i] += offset;
        }

        return order;
    }

    private Adam NewOptimizer(SeedCnn model) =>
        torch.optim.Adam(model.parameters(), _options.LearningRate, _options.Beta1, _options.Beta2);
}
