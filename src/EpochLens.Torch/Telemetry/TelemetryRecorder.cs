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
/// Every step gets its step, epoch, position in the epoch, batch size, loss, learning rate, optimizer
/// step counter and sample ids; the gradient and update norms follow <see cref="TelemetryOptions.Norms"/>.
/// <see cref="RecordEpoch"/> adds held-out results. On a GPU it never forces a device synchronisation
/// per step: values stay on the device and are read back in one transfer at least once a second.
/// </summary>
public sealed class TelemetryRecorder : IDisposable
{
    private const int MaxPending = 1024;
    private static readonly TimeSpan MaxPendingAge = TimeSpan.FromSeconds(1);

    private readonly ITelemetrySink _sink;
    private readonly bool _ownsSink;
    private readonly Parameter[] _parameters;
    private readonly bool _deferReadback;
    private readonly NormSchedule _norms;
    private readonly List<PendingStep> _pending = [];
    private readonly System.Diagnostics.Stopwatch _pendingAge = System.Diagnostics.Stopwatch.StartNew();
    private int? _stepsPerEpoch;

    // All parameters as one vector after the previous step, kept only when this step's update norm needs it.
    private Tensor? _previousParameters;
    private long _step;
    private int _epoch = -1;
    private int _lastPosition = -1;
    private double _epochLossSum;
    private int _epochSteps;
    private bool _disposed;

    /// <param name="sink">Where the records go.</param>
    /// <param name="model">The model being trained: its parameters give the gradient and update norms.</param>
    /// <param name="options">What to record and how (null: the defaults).</param>
    /// <param name="ownsSink">Dispose the sink with the recorder.</param>
    public TelemetryRecorder(ITelemetrySink sink, nn.Module model, TelemetryOptions? options = null, bool ownsSink = false)
    {
        options ??= new TelemetryOptions();
        _sink = sink;
        _ownsSink = ownsSink;
        _parameters = model.parameters().ToArray();
        if (_parameters.Length == 0)
            throw new ArgumentException("the model has no parameters to record", nameof(model));

        _norms = options.Norms;
        _stepsPerEpoch = options.StepsPerEpoch;
        _deferReadback = options.DeferReadback ?? _parameters[0].device_type != DeviceType.CPU;
        if (_norms.Measures(0, 0, _stepsPerEpoch)) _previousParameters = FlatParameters();
    }

    /// <summary>A recorder writing CSV and JSON Lines telemetry into <paramref name="folder"/>.</summary>
    public static TelemetryRecorder ToFolder(string folder, nn.Module model, TelemetryOptions? options = null, TelemetryFormat format = TelemetryFormat.Both) =>
        new(new TelemetryWriter(folder, format), model, options, ownsSink: true);

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
        LearnEpochLength(epoch, position);
        var step = new PendingStep(_step, epoch, position, sampleIds as int[] ?? sampleIds.ToArray(),
            optimizer.ParamGroups.First().LearningRate, OptimizerStepCounter.Read(optimizer));
        bool measured = _norms.Measures(_step, position, _stepsPerEpoch);
        if (!_deferReadback && !measured)
        {
            // The common case on the CPU: no tensor work beyond reading the loss.
            var lossValue = loss.ToDouble();
            Emit(step, lossValue, loggedLoss?.ToDouble() ?? lossValue, null, null);
        }
        else
        {
            RecordWithTensors(step, loss, loggedLoss, measured);
        }

        KeepParametersIfNextStepNeedsThem(position, refreshed: measured);
        _step++;
        if (_pending.Count >= MaxPending || (_pending.Count > 0 && _pendingAge.Elapsed >= MaxPendingAge))
            WritePending();
    }

    private void RecordWithTensors(PendingStep step, Tensor loss, Tensor? loggedLoss, bool measured)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        Tensor? gradNorm = measured ? GradNorm() : null;
        Tensor? updateNorm = measured ? UpdateNorm() : null;
        if (_deferReadback)
        {
            step.HasNorms = measured;
            step.HasUpdate = updateNorm is not null;
            var placeholder = zeros([], float64, _parameters[0].device);
            step.Values = stack([
                loss.detach().reshape([]).to(float64),
                (loggedLoss ?? loss).detach().reshape([]).to(float64),
                gradNorm?.to(float64) ?? placeholder,
                updateNorm?.to(float64) ?? placeholder,
            ]).DetachFromDisposeScope();
            _pending.Add(step);
        }
        else
        {
            var lossValue = loss.ToDouble();
            Emit(step, lossValue, loggedLoss?.ToDouble() ?? lossValue, gradNorm?.ToDouble(), updateNorm?.ToDouble());
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

    /// <summary>Writes out values still on the device and flushes the sink.</summary>
    public void Flush()
    {
        WritePending();
        _sink.Flush();
    }

    public void Dispose()
    {
        if (_disposed) return;

        WritePending();
        _sink.Flush();
        _disposed = true;
        _previousParameters?.Dispose();
        if (_ownsSink && _sink is IDisposable disposable) disposable.Dispose();
    }

    /// <summary>Without a given epoch length, the first epoch's last position tells it.</summary>
    private void LearnEpochLength(int epoch, int position)
    {
        if (epoch != _epoch)
        {
            if (_stepsPerEpoch is null && _epoch >= 0 && _lastPosition >= 0) _stepsPerEpoch = _lastPosition + 1;

            _epoch = epoch;
        }

        _lastPosition = position;
    }

    /// <summary>
    /// The update norm of the next step compares the parameters after it with those after this one, so
    /// they are kept now when the next step will be measured: always while the epoch length is unknown
    /// (the next step may open a new epoch), otherwise only before a measured step.
    /// </summary>
    /// <param name="position">This step's position in its epoch.</param>
    /// <param name="refreshed">This step was measured, so the kept parameters are already this step's.</param>
    private void KeepParametersIfNextStepNeedsThem(int position, bool refreshed)
    {
        bool nextMeasured = _stepsPerEpoch is int length
            ? _norms.Measures(_step + 1, (position + 1) % length, length)
            : _norms.Measures(_step + 1, position + 1, null) || _norms.BoundaryWindow > 0;
        if (!nextMeasured)
        {
            _previousParameters?.Dispose();
            _previousParameters = null;
        }
        else if (!refreshed || _previousParameters is null)
        {
            _previousParameters?.Dispose();
            _previousParameters = FlatParameters();
        }
    }

    private void Emit(PendingStep s, double loss, double logged, double? gradNorm, double? updateNorm)
    {
        _epochLossSum += loss;
        _epochSteps++;
        _sink.Write(new StepRecord(s.Step, s.Epoch, s.Position, s.SampleIds.Length, loss, logged, s.LearningRate, gradNorm, updateNorm, s.OptimizerStep, s.SampleIds));
    }

    private void WritePending()
    {
        _pendingAge.Restart();
        if (_pending.Count == 0) return;

        // One transfer for the whole buffer: the only synchronisation with the device.
        using var scope = NewDisposeScope();
        var values = stack(_pending.Select(p => p.Values!)).cpu().data<double>().ToArray();
        for (int i = 0; i < _pending.Count; i++)
        {
            var p = _pending[i];
            Emit(p, values[i * 4], values[(i * 4) + 1], p.HasNorms ? values[(i * 4) + 2] : null, p.HasUpdate ? values[(i * 4) + 3] : null);
            p.Values!.Dispose();
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

    /// <summary>The L2 norm over all gradients, as a device scalar (0 before any backward pass).</summary>
    private Tensor GradNorm()
    {
        var norms = _parameters.Where(p => p.grad is not null).Select(p => linalg.vector_norm(p.grad!)).ToArray();
        return norms.Length == 0 ? zeros([], float32, _parameters[0].device) : linalg.vector_norm(stack(norms));
    }

    /// <summary>The distance the parameters moved since the previous step, or null when they were not kept.</summary>
    private Tensor? UpdateNorm()
    {
        var now = FlatParameters();
        var distance = _previousParameters is null ? null : dist(now, _previousParameters);
        _previousParameters?.Dispose();
        _previousParameters = now;
        return distance;
    }

    /// <summary>A step whose values may still be on the device.</summary>
    private sealed class PendingStep(long step, int epoch, int position, int[] sampleIds, double learningRate, long optimizerStep)
    {
        public long Step { get; } = step;
        public int Epoch { get; } = epoch;
        public int Position { get; } = position;
        public int[] SampleIds { get; } = sampleIds;
        public double LearningRate { get; } = learningRate;
        public long OptimizerStep { get; } = optimizerStep;
        public bool HasNorms { get; set; }
        public bool HasUpdate { get; set; }

        /// <summary>loss, logged loss, gradient norm, update norm, on the device.</summary>
        public Tensor? Values { get; set; }
    }
}
