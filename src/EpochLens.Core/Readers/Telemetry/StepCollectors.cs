using EpochLens.Logs;
using EpochLens.Readers.Input;
using EpochLens.Readers.JsonLines;
using EpochLens.Readers.Series;

namespace EpochLens.Readers.Telemetry;

/// <summary>The series of a steps file, filled row by row.</summary>
internal sealed class StepCollectors
{
    private readonly SeriesCollector _loss;
    private readonly SeriesCollector _logged;
    private readonly SeriesCollector _lr;
    private readonly SeriesCollector _gradNorm;
    private readonly SeriesCollector _updateNorm;
    private readonly SeriesCollector _optimizerStep;
    private readonly SeriesCollector _batchSize;
    private readonly SeriesCollector _epoch;
    private bool _loggedDiffers;

    /// <remarks>Telemetry has no wall time per step, so none are kept.</remarks>
    public StepCollectors()
    {
        _loss = new("loss", false, SeriesRole.TrainLoss, new ValueAveraging(AveragingKind.PerStep, null, "EpochLens telemetry records each batch's own loss"));
        _logged = new("logged_loss", false);
        _lr = new("lr", false, SeriesRole.LearningRate);
        _gradNorm = new("grad_norm", false, SeriesRole.GradNorm);
        _updateNorm = new("update_norm", false, SeriesRole.UpdateNorm);
        _optimizerStep = new("optimizer_step", false, SeriesRole.OptimizerStep);
        _batchSize = new("batch_size", false, SeriesRole.BatchSize);
        _epoch = new("epoch", false, SeriesRole.Epoch);
    }

    public void Add(in StepRow row, ProblemReporter problems, SourcePosition where)
    {
        long step = row.Step;
        _loss.Add(step, row.Loss, double.NaN, problems, where);
        _logged.Add(step, row.LoggedLoss, double.NaN, problems, where);
        _loggedDiffers |= !row.LoggedLoss.Equals(row.Loss);
        _lr.Add(step, row.LearningRate, double.NaN, problems, where);
        if (row.HasGradNorm)
        {
            _gradNorm.Add(step, row.GradNorm, double.NaN, problems, where);
        }

        if (row.HasUpdateNorm)
        {
            _updateNorm.Add(step, row.UpdateNorm, double.NaN, problems, where);
        }

        _optimizerStep.Add(step, row.OptimizerStep, double.NaN, problems, where);
        _batchSize.Add(step, row.BatchSize, double.NaN, problems, where);
        _epoch.Add(step, row.Epoch, double.NaN, problems, where);
    }

    /// <summary>
    /// Builds the series into <paramref name="series"/>; logged_loss only when it differs from loss
    /// somewhere (otherwise it is the same curve twice).
    /// </summary>
    public void Build(ProblemReporter problems, ValueAveraging? loggedAveraging, List<MetricSeries> series, out MetricSeries? epochs)
    {
        epochs = null;
        if (_loss.Count == 0)
        {
            return;
        }

        _logged.Averaging = loggedAveraging;
        foreach (var collector in new[] { _loss, _logged, _lr, _gradNorm, _updateNorm, _optimizerStep, _batchSize, _epoch })
        {
            if (collector.Count == 0 || (collector == _logged && !_loggedDiffers))
            {
                continue;
            }

            var built = collector.Build(problems);
            series.Add(built);
            if (collector == _epoch)
            {
                epochs = built;
            }
        }
    }
}
