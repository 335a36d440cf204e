using EpochLens.Analysis;
using EpochLens.Diagnosis;
using EpochLens.Logs;
using EpochLens.Readers;
using EpochLens.Torch.Data;
using EpochLens.Torch.Training;

namespace EpochLens.Torch.Experiments;

/// <summary>
/// Proves or refutes suspected causes of a harness run by experiment: for each cause it trains the run's set-up
/// with and without the factor from the same seed for a chosen budget (the original's own telemetry standing for
/// the original side when the budget matches it), diagnoses both with the engine, compares the cause's signature
/// between them, and weighs the factor by held-out loss and accuracy.
/// </summary>
public sealed class Verifier
{
    private readonly ImageDataSplit _data;
    private readonly Diagnoser _diagnoser;
    private readonly VerifyOptions _options;
    private readonly IRunLauncher _launcher;

    /// <param name="data">The data the run trained on.</param>
    /// <param name="diagnoser">The diagnosis engine that judges both sides.</param>
    /// <param name="options">Budget, output folder and parallelism.</param>
    /// <param name="launcher">What trains the runs; null trains them in this process, one at a time.</param>
    public Verifier(ImageDataSplit data, Diagnoser diagnoser, VerifyOptions options, IRunLauncher? launcher = null)
    {
        _data = data;
        _diagnoser = diagnoser;
        _options = options;
        _launcher = launcher ?? new InProcessLauncher(data);
    }

    /// <summary>The series the run's own logger plotted: what the user saw.</summary>
    public static string? PlottedMetric(HarnessRun run) =>
        run?.Options.Causes.RunningMeanLogging == true ? CauseExperiments.LoggedLoss : null;

    /// <summary>Diagnoses the original run's plotted loss, as verify does without --cause.</summary>
    public RunDiagnosis DiagnoseOriginal(HarnessRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return _diagnoser.Diagnose(ReadLog(run.Folder), new DiagnosisOptions { Metric = PlottedMetric(run) });
    }

    /// <summary>The causes a diagnosis ranked that an experiment can test, strongest first.</summary>
    public IReadOnlyList<CauseId> CausesToTest(RunDiagnosis diagnosis)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        return diagnosis.Findings
            .Select(f => f.Cause)
            .Where(c => CauseExperiments.For(c) is not null)
            .Distinct()
            .Take(_options.MaxDiagnosedCauses)
            .ToList();
    }

    /// <summary>Chooses each cause's budget and runs, without training anything yet.</summary>
    /// <param name="diagnosis">The diagnosis the causes came from, kept in the report; null when the user named them.</param>
    public VerificationPlan Plan(HarnessRun run, IReadOnlyList<CauseId> causes, RunDiagnosis? diagnosis = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(causes);
        var plans = causes.Select(c => PlanFor(run, c)).ToList();
        var planned = new List<PlannedRun>();
        var folders = new Dictionary<TrainOptions, string>();
        bool originalReusable = _options.ReuseOriginal && OriginalIsComplete(run);
        foreach (var plan in plans.Where(p => p.Plan?.CanRun == true))
        {
            foreach (var (arm, side) in new[] { (plan.Plan!.WithFactor!, "on"), (plan.Plan.WithoutFactor!, "off") })
            {
                if (folders.ContainsKey(arm.Options)) continue;

                if (originalReusable && arm.Options == run.Options)
                {
                    folders[arm.Options] = run.Folder;
                    continue;
                }

                bool original = arm.Options == plan.Budget.Apply(run.Options);
                string label = original ? $"original-{plan.Budget.Epochs}x{plan.Budget.SamplesPerEpoch}" : $"{plan.Cause.ToId()}-{side}";
                var folder = Path.Combine(_options.OutFolder, label);
                folders[arm.Options] = folder;
                planned.Add(new PlannedRun(label, arm.Options, folder));
            }
        }

        var (parallelism, why) = !_launcher.CanRunSideBySide
            ? (1, "runs in this process train one at a time")
            : _options.Parallelism is int given
                ? (given, "as asked")
                : ExperimentRunner.ChooseParallelism(planned.Count, Environment.ProcessorCount, planned.Count > 1 ? ExperimentRunner.IdleCores() : null);
        return new VerificationPlan
        {
            Run = run,
            Causes = plans,
            Runs = planned,
            Folders = folders,
            Parallelism = parallelism,
            ParallelismReason = why,
            Diagnosis = diagnosis,
        };
    }

    /// <summary>Tests <paramref name="causes"/> on <paramref name="run"/>, in order: plans, trains and judges.</summary>
    public VerificationReport Verify(HarnessRun run, IReadOnlyList<CauseId> causes, RunDiagnosis? diagnosis = null, IProgress<RunProgress>? progress = null, CancellationToken cancellation = default) =>
        Verify(Plan(run, causes, diagnosis), progress, cancellation);

    /// <summary>Trains the plan's runs side by side and judges every cause.</summary>
    public VerificationReport Verify(VerificationPlan plan, IProgress<RunProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var completed = plan.Runs.Count == 0 ? [] : new ExperimentRunner(_launcher, plan.Parallelism).Run(plan.Runs, progress, cancellation);
        var wall = clock.Elapsed;
        var byFolder = completed.ToDictionary(c => c.Planned.Folder, StringComparer.Ordinal);
        var logs = new Dictionary<string, TrainingLog>(StringComparer.Ordinal);
        var diagnoses = new Dictionary<(string, string?), RunDiagnosis>();
        var results = plan.Causes.Select(p => Evaluate(plan.Run, p, plan.Folders, byFolder, logs, diagnoses)).ToList();
        return new VerificationReport
        {
            RunFolder = plan.Run.Folder,
            OutFolder = _options.OutFolder,
            Diagnosis = plan.Diagnosis,
            Causes = results,
            Runs = completed,
            Parallelism = plan.Parallelism,
            TrainingWallTime = wall,
            HeldOutCount = _data.HeldOut.Count,
        };
    }

    private PlannedCause PlanFor(HarnessRun run, CauseId cause)
    {
        var experiment = CauseExperiments.For(cause);
        if (experiment is null) return new PlannedCause(cause, null, new ExperimentBudget(0, 0, "no experiment"), null);

        var budget = ExperimentBudget.Choose(run.Options, experiment, _data.Train.Count, _options.MaxStepsPerRun, _options.Epochs, _options.SamplesPerEpoch);
        var plan = experiment.Plan(budget.Apply(run.Options), _data.Train.Count);
        return new PlannedCause(cause, experiment, budget, plan);
    }

    private CauseVerification Evaluate(
        HarnessRun run,
        PlannedCause p,
        IReadOnlyDictionary<TrainOptions, string> folders,
        Dictionary<string, CompletedRun> completed,
        Dictionary<string, TrainingLog> logs,
        Dictionary<(string, string?), RunDiagnosis> diagnoses)
    {
        if (p.Experiment is null || p.Plan is null)
            return Untested(p, p.Cause.ToId(), "none", false, VerifyVerdict.Inconclusive, $"the harness has no switch for {p.Cause.ToId()}, so no experiment can test it");

        var plan = p.Plan;
        if (!plan.CanRun)
        {
            // A factor the set-up lacks, and that cannot be added by one change, cannot be the cause.
            var verdict = plan.OriginalHasFactor ? VerifyVerdict.Inconclusive : VerifyVerdict.Refuted;
            return Untested(p, p.Experiment.Factor, plan.Change, plan.OriginalHasFactor, verdict, plan.NoExperimentBecause ?? "no experiment");
        }

        var signature = p.Experiment.SignatureOf(plan.WithFactor!.Options);
        var budgetOriginal = p.Budget.Apply(run.Options);
        ArmResult Arm(ArmSetup setup, bool withFactor)
        {
            var folder = folders[setup.Options];
            if (!logs.TryGetValue(folder, out var log)) log = logs[folder] = ReadLog(folder);

            if (!diagnoses.TryGetValue((folder, setup.Metric), out var diagnosis))
                diagnosis = diagnoses[(folder, setup.Metric)] = _diagnoser.Diagnose(log, new DiagnosisOptions { Metric = setup.Metric });

            var done = completed.GetValueOrDefault(folder);
            return new ArmResult
            {
                WithFactor = withFactor,
                IsOriginalSetup = setup.Options == budgetOriginal,
                ReusedOriginalTelemetry = done is null,
                Label = done?.Planned.Label ?? "original",
                Folder = folder,
                Options = setup.Options,
                Metric = diagnosis.Metric,
                Diagnosis = diagnosis,
                Signature = diagnosis.Measurements.FirstOrDefault(m => m.Id == signature.MeasurementId),
                Steps = (long)setup.Options.StepsPerEpoch * setup.Options.Epochs,
                HeldOutLoss = Last(log, "heldout_loss"),
                HeldOutAccuracy = Last(log, "heldout_accuracy"),
                WallTime = done?.WallTime,
            };
        }

        var with = Arm(plan.WithFactor, withFactor: true);
        var without = Arm(plan.WithoutFactor!, withFactor: false);
        var comparison = with.Diagnosis.Analysis is { } a && without.Diagnosis.Analysis is { } b
            ? SignatureComparison.Compare(signature.Kind, a, b)
            : null;
        var (decided, reason) = VerdictRules.Decide(plan.OriginalHasFactor, with.Signature, without.Signature, comparison);
        var howBad = new HowBad(with.Steps, with.HeldOutLoss, without.HeldOutLoss, with.HeldOutAccuracy, without.HeldOutAccuracy);
        return Untested(p, p.Experiment.Factor, plan.Change, plan.OriginalHasFactor, decided, reason) with
        {
            Signature = signature,
            WithFactor = with,
            WithoutFactor = without,
            Comparison = comparison,
            HowBad = howBad,
            HowBadStatement = howBad.Statement(_data.HeldOut.Count),
        };
    }

    /// <summary>The verdict on <paramref name="p"/> and what was changed, with no experiment's results (yet).</summary>
    private static CauseVerification Untested(PlannedCause p, string factor, string change, bool originalHasFactor, VerifyVerdict verdict, string reason) => new()
    {
        Cause = p.Cause,
        Factor = factor,
        Change = change,
        OriginalHasFactor = originalHasFactor,
        Budget = p.Budget,
        Verdict = verdict,
        Reason = reason,
        HowBadStatement = "No experiment, so nothing to compare.",
    };

    /// <summary>The original's telemetry can stand for a run of its own set-up only when it is whole and was evaluated.</summary>
    private static bool OriginalIsComplete(HarnessRun run)
    {
        try
        {
            var log = ReadLog(run.Folder);
            var loss = log.Find(SeriesRole.TrainLoss);
            return loss is not null
                && loss.Count == (long)run.Options.StepsPerEpoch * run.Options.Epochs
                && double.IsFinite(Last(log, "heldout_loss"));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static TrainingLog ReadLog(string folder)
    {
        var problems = new ProblemLog();
        var logs = DefaultLogReaders.Create().Read(folder, new ReadOptions { Format = Readers.Telemetry.TelemetryReader.Default.Format }, problems);
        return logs.Count > 0 ? logs[0] : throw new InvalidDataException($"{folder}: no telemetry could be read");
    }

    private static double Last(TrainingLog log, string name)
    {
        var series = log.Find(name);
        if (series is null) return double.NaN;

        var values = series.Values;
        for (int i = values.Length - 1; i >= 0; i--)
        {
            if (double.IsFinite(values[i])) return values[i];
        }

        return double.NaN;
    }
}
