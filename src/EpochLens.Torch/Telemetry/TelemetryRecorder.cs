using EpochLens.Telemetry;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EpochLens.Torch.Telemetry;

/// <summary>
/// Records per-step telemetry from any TorchSharp training loop. Two lines attach it:
/// <code>
/// using var telemetry = TelemetryRecorder.ToFolder("runs/exp1", model);
/// telemetry.RecordStep(epoch, position, sampleIds, loss, optimizer);   // after optimizer.step()
/// </code>
/// It records the step, epoch, position in the epoch, batch size, loss, learning rate, gradient norm,
/// update norm, the optimizer's step counter and the batch's sample ids; <see cref="RecordEpoch"/>
/// adds held-out results. On a GPU it never forces a device synchronisation per step: values stay on
/// the device and are read back in one transfer when the buffer is written out (at least once a second).
/// </summary>
public sealed class TelemetryRecorder : IDisposable
{
    private const int MaxPending = 1024;

    private readonly ITelemetrySink _sink;
    private readonly bool _ownsSink;
    private readonly Parameter[] _parameters;
    private readonly bool _deferReadback;
    private readonly List<PendingStep> _pending = [];
    private readonly System.Diagnostics.Stopwatch _sincePendingFlush = System.Diagnostics.Stopwatch.StartNew();
    private Tensor _previousParameters;
    private long _step;
    private double _epochLossSum;
    private int _epochSteps;
    private bool _disposed;

    /// <param name="sink">Where the records go.</param>
    /// <param name="model">The model being trained: its parameters give the gradient and update norms.</param>
    /// <param name="deferReadback">
    /// Keep per-step values on the device and read them back in batches. Defaults to on for any device
    /// other than the CPU, where reading a value costs nothing.
    /// </param>
    /// <param name="ownsSink">Dispose the sink with the recorder.</param>
    public TelemetryRecorder(ITelemetrySink sink, nn.Module model, bool? deferReadback = null, bool ownsSink = false)
    {
        _sink = sink;
        _ownsSink = ownsSink;
        _parameters = model.parameters().ToArray();
        if (_parameters.Length == 0)
        {
            throw new ArgumentException("the model has no parameters to record", nameof(model));
        }

        _deferReadback = deferReadback ?? _parameters[0].device_type != DeviceType.CPU;
        _previousParameters = FlatParameters();
    }

    /// <summary>A recorder writing CSV and JSON Lines telemetry into <paramref name="folder"/>.</summary>
    public static TelemetryRecorder ToFolder(string folder, nn.Module model, TelemetryFormat format = TelemetryFormat.Both) =>
        new(new TelemetryWriter(folder, format), model, ownsSink: true);

    /// <summary>Steps recorded so far: the global step of the next record.</summary>
    public long Steps => _step;

    /// <summary>
    /// Records one batch. Call it after <c>optimizer.step()</c> (or after backward when the optimizer does
    /// not step on this batch) and before the gradients are zeroed.
    /// </summary>
    /// <param name="epoch">Zero-based epoch.</param>
    /// <param name="position">Zero-based position of the batch within its epoch.</param>
    /// <param name="sampleIds">The training-set indices of the batch's samples.</param>
    /// <param name="loss">The batch's loss as the training code computed it (a scalar tensor).</param>
    /// <param name="optimizer">The optimizer in use now (it may have been rebuilt since the last step).</param>
    /// <param name="loggedLoss">The value the run's own logger plots for this step, when it differs from the loss.</param>
    public void RecordStep(int epoch, int position, IReadOnlyList<int> sampleIds, Tensor loss, OptimizerHelper optimizer, Tensor? loggedLoss = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var learningRate = optimizer.ParamGroups.First().LearningRate;
        var optimizerStep = OptimizerStepCounter.Read(optimizer);
        var ids = sampleIds as int[] ?? sampleIds.ToArray();
        var step = new PendingStep(_step++, epoch, position, ids, learningRate, optimizerStep);

        using var noGrad = no_grad();
        if (_deferReadback)
        {
            using var scope = NewDisposeScope();
            step.Values = stack([
                loss.detach().reshape([]).to(float64),
                (loggedLoss ?? loss).detach().reshape([]).to(float64),
                GradNormTensor().to(float64),
                UpdateNormTensor().to(float64),
            ]).DetachFromDisposeScope();
            _pending.Add(step);
            if (_pending.Count >= MaxPending || _sincePendingFlush.Elapsed >= TimeSpan.FromSeconds(1))
            {
                WritePending();
            }
        }
        else
        {
            var lossValue = loss.ToDouble();
            var logged = loggedLoss is null ? lossValue : loggedLoss.ToDouble();
            var gradNorm = nn.utils.clip_grad_norm_(_parameters, double.PositiveInfinity);
            double updateNorm;
            using (var distance = UpdateNormTensor())
            {
                updateNorm = distance.ToDouble();
            }

            Emit(step, lossValue, logged, gradNorm, updateNorm);
        }
    }

    /// <summary>Records the end of an epoch with its held-out results (NaN when not evaluated) and flushes.</summary>
    public EpochRecord RecordEpoch(int epoch, double heldOutLoss = double.NaN, double heldOutAccuracy = double.NaN)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        WritePending();
        var record = new EpochRecord(epoch, _epochSteps, _step - 1, _epochSteps > 0 ? _epochLossSum / _epochSteps : double.NaN, heldOutLoss, heldOutAccuracy);
        _sink.Write(record);
        _sink.Flush();
        _epochLossSum = 0;
        _epochSteps = 0;
        return record;
    }

    /// <summary>Writes out buffered device values and flushes the sink.</summary>
    public void Flush()
    {
        WritePending();
        _sink.Flush();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        WritePending();
        _sink.Flush();
        _disposed = true;
        _previousParameters.Dispose();
        if (_ownsSink && _sink is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    private void Emit(PendingStep s, double loss, double logged, double gradNorm, double updateNorm)
    {
        _epochLossSum += loss;
        _epochSteps++;
        _sink.Write(new StepRecord(s.Step, s.Epoch, s.Position, s.SampleIds.Length, loss, logged, s.LearningRate, gradNorm, updateNorm, s.OptimizerStep, s.SampleIds));
    }

    private void WritePending()
    {
        _sincePendingFlush.Restart();
        if (_pending.Count == 0)
        {
            return;
        }

        // One transfer for the whole buffer: the only synchronisation with the device.
        using var scope = NewDisposeScope();
        var all = stack(_pending.Select(p => p.Values!)).cpu();
        var values = all.data<double>().ToArray();
        for (int i = 0; i < _pending.Count; i++)
        {
            Emit(_pending[i], values[i * 4], values[(i * 4) + 1], values[(i * 4) + 2], values[(i * 4) + 3]);
            _pending[i].Values!.Dispose();
        }

        _pending.Clear();
    }

    /// <summary>All parameters as one vector, owned by the recorder (outside any dispose scope).</summary>
    private Tensor FlatParameters()
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return cat(_parameters.Select(p => p.detach().reshape(-1)).ToArray()).DetachFromDisposeScope();
    }

    private Tensor GradNormTensor()
    {
        var norms = _parameters.Where(p => p.grad is not null).Select(p => linalg.vector_norm(p.grad!)).ToArray();
        return norms.Length == 0 ? zeros(1, device: _parameters[0].device).reshape([]) : linalg.vector_norm(stack(norms));
    }

    private Tensor UpdateNormTensor()
    {
        var now = FlatParameters();
        var distance = dist(now, _previousParameters);
        _previousParameters.Dispose();
        _previousParameters = now;
        return distance;
    }

    /// <summary>A step whose device values have not been read back yet.</summary>
    private sealed class PendingStep(long step, int epoch, int position, int[] sampleIds, double learningRate, long optimizerStep)
    {
        public long Step { get; } = step;
        public int Epoch { get; } = epoch;
        public int Position { get; } = position;
        public int[] SampleIds { get; } = sampleIds;
        public double LearningRate { get; } = learningRate;
        public long OptimizerStep { get; } = optimizerStep;

        /// <summary>loss, logged loss, gradient norm, update norm, on the device.</summary>
        public Tensor? Values { get; set; }
    }
}
