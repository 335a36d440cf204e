using System.Globalization;
using EpochLens.Diagnosis;
using EpochLens.Logs;

namespace EpochLens.Synthetic.Internals;

/// <summary>
/// Turns simulated steps into the log a reader would return: the logged loss (raw, or the epoch's running mean),
/// every k-th step when logging is sparse, and the optional series, epoch hint and sample ids.
/// </summary>
internal sealed class LogAssembler
{
    private readonly SyntheticRunSpec _spec;
    private readonly RunGeometry _geometry;
    private readonly SimulatedSteps _steps;

    public LogAssembler(SyntheticRunSpec spec, RunGeometry geometry, SimulatedSteps steps)
    {
        _spec = spec;
        _geometry = geometry;
        _steps = steps;
    }

    public TrainingLog Build(string source, IReadOnlyList<long> epochStarts)
    {
        var logging = _spec.Logging;
        var logged = LoggedIndices();
        var series = new List<MetricSeries>
        {
            new("loss", Numbered(logged), Sample(ReportedLoss(), logged, logging.SparseValue), role: SeriesRole.TrainLoss, averaging: Averaging()),
        };
        if (logging.EpochColumn)
        {
            series.Add(new("epoch", Numbered(logged), [.. logged.Select(i => (double)(i / _geometry.StepsPerEpoch))], role: SeriesRole.Epoch));
        }

        AddSampled(series, "lr", _steps.Rate, logged, SeriesRole.LearningRate);
        AddSampled(series, "optimizer_step", _steps.OptimizerStep, logged, SeriesRole.OptimizerStep);
        AddSampled(series, "update_norm", _steps.UpdateNorm, logged, SeriesRole.UpdateNorm);
        if (logging.HeldOutLoss)
        {
            var ends = Enumerable.Range(1, _spec.Epochs).Select(e => ((long)e * _geometry.StepsPerEpoch) - 1 + logging.FirstStep).ToArray();
            series.Add(new("heldout_loss", ends, Stored([.. _steps.HeldOutLoss]), role: SeriesRole.HeldOutLoss));
        }

        var hint = logging.EpochHint
            ? new EpochHint(_geometry.StepsPerEpoch, epochStarts, $"synthetic run: {_geometry.SamplesPerEpoch} samples in batches of {_geometry.BatchSize}")
            : null;
        var samples = _steps.Ids is null
            ? null
            : new StepSamples([.. Enumerable.Range(0, _steps.Ids.Length).Select(i => i + logging.FirstStep)], _steps.Ids);
        return new TrainingLog(source, "synthetic", series, hint, samples);
    }

    /// <summary>The value the training code logged at each step: the raw loss, or its blend with the epoch's running mean.</summary>
    private double[] ReportedLoss()
    {
        var raw = _steps.Loss;
        double weight = _spec.Cause == CauseId.RunningMeanLogging ? _spec.Strength : 0;
        if (weight == 0)
        {
            return raw;
        }

        var reported = new double[raw.Length];
        int perEpoch = _geometry.StepsPerEpoch;
        double sum = 0;
        for (int i = 0; i < raw.Length; i++)
        {
            int position = i % perEpoch;
            sum = position == 0 ? raw[i] : sum + raw[i];
            reported[i] = raw[i] + (weight * ((sum / (position + 1)) - raw[i]));
        }

        return reported;
    }

    /// <summary>The step indices logged: every step, or the last of each interval of k.</summary>
    private int[] LoggedIndices()
    {
        int every = _spec.Logging.Every, count = _steps.Loss.Length / every;
        var indices = new int[count];
        for (int i = 0; i < count; i++)
        {
            indices[i] = ((i + 1) * every) - 1;
        }

        return indices;
    }

    private long[] Numbered(int[] indices) => [.. indices.Select(i => i + _spec.Logging.FirstStep)];

    private double[] Sample(double[] values, int[] indices, SparseValue how)
    {
        int every = _spec.Logging.Every;
        var sampled = new double[indices.Length];
        for (int i = 0; i < indices.Length; i++)
        {
            int last = indices[i];
            if (how == SparseValue.Last || every == 1)
            {
                sampled[i] = values[last];
                continue;
            }

            double sum = 0;
            for (int j = last - every + 1; j <= last; j++)
            {
                sum += values[j];
            }

            sampled[i] = sum / every;
        }

        return Stored(sampled);
    }

    /// <summary>The values as the log stores them: float32 or printed to a few decimals when asked.</summary>
    private double[] Stored(double[] values)
    {
        var logging = _spec.Logging;
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (logging.Decimals is int decimals)
            {
                v = Math.Abs(v) >= 1e-3 || v == 0
                    ? Math.Round(v, decimals, MidpointRounding.AwayFromZero)
                    : double.Parse(v.ToString("E" + (decimals - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            }

            values[i] = logging.SinglePrecision ? (float)v : v;
        }

        return values;
    }

    private void AddSampled(List<MetricSeries> series, string name, double[]? values, int[] logged, SeriesRole role)
    {
        if (values is not null)
        {
            series.Add(new(name, Numbered(logged), Sample(values, logged, SparseValue.Last), role: role));
        }
    }

    /// <summary>What the loss series says about its averaging: nothing unless asked, as most logs.</summary>
    private ValueAveraging? Averaging()
    {
        var logging = _spec.Logging;
        if (!logging.DeclareAveraging)
        {
            return null;
        }

        if (_spec.Cause == CauseId.RunningMeanLogging && _spec.Strength > 0)
        {
            return _spec.Strength == 1 ? new ValueAveraging(AveragingKind.RunningMeanSinceEpochStart, null, "synthetic: running mean of the epoch") : ValueAveraging.Unknown;
        }

        return logging.Every > 1 && logging.SparseValue == SparseValue.IntervalMean
            ? new ValueAveraging(AveragingKind.MovingWindow, logging.Every, $"synthetic: mean over {logging.Every} steps")
            : ValueAveraging.PerStep;
    }
}
