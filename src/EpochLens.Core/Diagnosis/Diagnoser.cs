using EpochLens.Diagnosis.Detectors;
using static EpochLens.Diagnosis.Detectors.Signals;

namespace EpochLens.Diagnosis;

/// <summary>
/// Runs the analysis once and every cause detector over it, then ranks the findings. A detector that throws
/// becomes a note; a run with structure no detector explains gets an "epoch-aligned-unexplained" finding; a run
/// without structure gets a plain "none" finding.
/// </summary>
public sealed class Diagnoser
{
    private readonly IReadOnlyList<ICauseDetector> _detectors;
    private readonly Func<MetricSeries, EpochResolution> _inference;

    /// <param name="detectors">The detectors; <see cref="DefaultDetectors.All"/> when null.</param>
    /// <param name="inference">How to infer the epoch length when the log does not say; <see cref="EpochResolver.Infer"/> when null.</param>
    public Diagnoser(IReadOnlyList<ICauseDetector>? detectors = null, Func<MetricSeries, EpochResolution>? inference = null)
    {
        _detectors = detectors ?? DefaultDetectors.All;
        _inference = inference ?? EpochResolver.Infer;
    }

    /// <summary>Points per epoch below which nothing inside an epoch can be told.</summary>
    public const int MinPointsPerEpoch = 8;

    public RunDiagnosis Diagnose(TrainingLog log, DiagnosisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        options ??= new DiagnosisOptions();
        var series = LossSeriesChooser.Choose(log, options.Metric, options.Spell);

        // The log's steps and the user's length are untrusted numbers: refused plainly before any arithmetic on them.
        if (StepBounds.SpanTooWide(series) is { } tooWide) throw new DiagnosisException($"{log.Source}: {tooWide}");

        if (options.StepsPerEpoch is { } given && StepBounds.LongerThanLog(series, given) is { } tooLong)
        {
            var hint = new SettingHint(Setting.StepsPerEpoch, $"{given:0.##}");
            throw new DiagnosisException($"{log.Source}: {options.Spell(hint)}: {tooLong}", hint);
        }

        var notes = new List<string>();
        long origin = StepRebase.OriginFor(series);
        if (origin != 0)
        {
            // Steps past 2^53 become doubles inexactly: the analysis runs on the log counted from its first step.
            log = StepRebase.Rebase(log, origin, notes);
            series = LossSeriesChooser.Choose(log, options.Metric, options.Spell);
        }

        return Diagnose(log, series, options, notes);
    }

    /// <summary>The diagnosis of a log whose steps the analysis can take as doubles (see <see cref="StepRebase"/>).</summary>
    private RunDiagnosis Diagnose(TrainingLog log, MetricSeries series, DiagnosisOptions options, List<string> notes)
    {
        long origin = log.StepOrigin;
        var resolution = EpochResolver.Resolve(log, series, options.StepsPerEpoch, options.InferEpochs ? _inference : null, options.Spell);
        int nonFinite = series.NonFiniteCount;
        if (nonFinite > 0)
            notes.Add($"{nonFinite} of {series.Count} points are NaN or infinite and were left out of the analysis (the first at step {StepRebase.Restore(FirstNonFinite(series), origin)}).");

        // What the user reads holds the log's own steps; the analysis and figures keep the rebased ones.
        var epochs = StepRebase.Restore(resolution, origin);

        RunDiagnosis CannotTell(string why, EpochAnalysis? analysis = null) => new()
        {
            Source = log.Source,
            Format = log.Format,
            Metric = series.Name,
            Points = series.Count,
            NonFinitePoints = nonFinite,
            Outcome = DiagnosisOutcome.CannotTell,
            Verdict = why,
            Epochs = epochs,
            StepOrigin = origin,
            Notes = notes,
            Analysis = analysis,
            Measurements = analysis?.Measurements ?? [],
            Figures = analysis is null ? FigureData.Empty : FigureData.For(analysis, []),
        };

        if (resolution.Structure is not { } structure) return CannotTell($"Cannot tell: {resolution.Explanation}");

        // Equal values compared with equal values say nothing, at a given length as at an inferred one.
        if (RepeatedValue.WhyNothingShows(series.Values) is { } repeated) return CannotTell($"Cannot tell: {repeated}");

        if (StepBounds.TooWideToFold(series, structure.StepsPerEpoch) is { } tooWideToFold)
            return CannotTell($"Cannot tell: {tooWideToFold}");

        var analysis = EpochAnalysis.Run(log, series, structure);
        if (analysis.Profile.BinCount < MinPointsPerEpoch)
            return CannotTell($"Cannot tell: about {analysis.Profile.BinCount} logged point(s) per epoch; at least {MinPointsPerEpoch} are needed to see structure inside an epoch.", analysis);

        if (analysis.Signal.ValidEpochCount < 3)
            return CannotTell($"Cannot tell: the log covers {analysis.Signal.Count * analysis.Signal.BinWidth / structure.StepsPerEpoch:0.#} epoch(s); at least three are needed to compare boundaries against the trend.", analysis);

        double floor = InferenceFloor(resolution);
        var (findings, ruledOut) = RunDetectors(analysis, notes, skip: null, floor);

        // A running-mean curve hides the real per-step losses behind its averaging: judge every other cause on
        // the de-averaged losses, and keep the spikes and structure evidence of those.
        var judged = analysis;
        if (findings.FirstOrDefault(f => f.Cause == CauseId.RunningMeanLogging) is { Confidence.Level: >= ConfidenceLevel.Medium } runningMean)
        {
            judged = EpochAnalysis.Run(log, DeAveraging.Undo(series, structure), structure);
            (findings, ruledOut) = RunDetectors(judged, notes, skip: CauseId.RunningMeanLogging, floor);
            findings.Insert(0, runningMean);
            notes.Add("The logged values are running means; the other causes were judged on the per-step losses recovered by de-averaging them.");
        }

        var (structureP, strongest) = StructureEvidence(judged);
        if (findings.Count == 0 && structureP <= Confidence.LowBelow && strongest is not null)
            findings.Add(Unexplained(judged, structureP));

        findings.Sort((a, b) => b.Confidence.Level != a.Confidence.Level ? b.Confidence.Level.CompareTo(a.Confidence.Level) : a.Confidence.PValue.CompareTo(b.Confidence.PValue));

        // A running mean explains the spikes in the plot, whatever the de-averaged losses show besides: it leads.
        if (judged != analysis && findings.FindIndex(f => f.Cause == CauseId.RunningMeanLogging) is > 0 and var at)
        {
            var lead = findings[at];
            findings.RemoveAt(at);
            findings.Insert(0, lead);
        }
        bool structureFound = findings.Count > 0 && (structureP <= Confidence.LowBelow || findings[0].Confidence.Level >= ConfidenceLevel.Medium);
        if (!structureFound) findings.Add(NoStructure(judged, structureP, structure.Source == EpochSource.Inferred));

        return new RunDiagnosis
        {
            Source = log.Source,
            Format = log.Format,
            Metric = series.Name,
            Points = series.Count,
            NonFinitePoints = nonFinite,
            Outcome = structureFound ? DiagnosisOutcome.Findings : DiagnosisOutcome.NoStructure,
            Verdict = structureFound ? findings[0].Summary : findings[^1].Summary + WeakSigns(findings),
            Epochs = epochs,
            StepOrigin = origin,
            Measurements = analysis.Measurements,
            Findings = findings,
            RuledOut = ruledOut,
            Spikes = [.. judged.Spikes.Select(s => s with { Step = StepRebase.Restore(s.Step, origin) })],
            SpikeCount = judged.SpikeCount,
            Notes = notes,
            Analysis = analysis,
            Figures = FigureData.For(analysis, findings),
        };
    }

    private (List<Finding> Findings, List<RuledOut> RuledOut) RunDetectors(EpochAnalysis analysis, List<string> notes, CauseId? skip, double floor)
    {
        var findings = new List<Finding>();
        var ruledOut = new List<RuledOut>();
        int tested = 0;
        foreach (var detector in _detectors)
        {
            if (detector.Cause == skip) continue;

            try
            {
                var verdict = detector.Detect(analysis);
                tested += verdict.Tested ? 1 : 0;
                if (verdict.Finding is { } finding)
                {
                    findings.Add(finding);
                }
                else
                {
                    ruledOut.Add(new RuledOut(detector.Cause, verdict.RuledOutBecause ?? "no sign of it"));
                }
            }
#pragma warning disable CA1031 // One failing detector must not lose the whole diagnosis.
            catch (Exception e)
#pragma warning restore CA1031
            {
                notes.Add($"The {detector.Cause.ToId()} detector failed ({e.GetType().Name}: {e.Message}); its cause was not judged.");
                tested++;
            }
        }

        return Corrected(findings, ruledOut, Math.Max(1, tested), floor);
    }

    /// <summary>
    /// Each detector tests its own cause; over all of them the chance that some cause looks significant on a
    /// run without any is larger. Multiplying every p by the number of causes tested (Bonferroni) keeps the
    /// false-alarm rate of the whole diagnosis at the level each confidence names. A cause the log cannot test
    /// (no learning rate, no telemetry: decided by what was logged, not by the values) can raise no false alarm,
    /// so it is not counted; a detector that failed is counted, as it might have found something.
    /// </summary>
    private static (List<Finding>, List<RuledOut>) Corrected(List<Finding> findings, List<RuledOut> ruledOut, int causesTested, double floor)
    {
        var kept = new List<Finding>();
        foreach (var finding in findings)
        {
            double p = Math.Max(floor, Math.Min(1, finding.Confidence.PValue * causesTested));
            if (Confidence.LevelFor(p) is not { } level)
            {
                ruledOut.Add(new RuledOut(finding.Cause, $"a hint only, too weak once corrected for the {causesTested} causes tested ({Signals.Describe(p)})"));
                continue;
            }

            var capped = level < finding.Confidence.Level ? level : finding.Confidence.Level;
            kept.Add(finding with { Confidence = finding.Confidence with { Level = capped, PValue = p, Basis = $"{finding.Confidence.Basis}; corrected for the {causesTested} causes tested" } });
        }

        return (kept, ruledOut);
    }

    /// <summary>
    /// An epoch length inferred from the loss was chosen because the loss looked structured at it; a finding
    /// measured at that length cannot be surer than the inference itself (its p after correcting for the lengths tried).
    /// </summary>
    private static double InferenceFloor(EpochResolution resolution) =>
        resolution.Structure is { Source: EpochSource.Inferred } && resolution.Candidates.Count > 0 ? resolution.Candidates[0].PValue : 0;

    private static Finding Unexplained(EpochAnalysis analysis, double structureP)
    {
        var evidence = Signals.ApplicableStructureTests(analysis)
            .Select(id => analysis[id])
            .Where(m => m is not null && Significant(m))
            .OrderBy(P)
            .Select(m => Cite(m!, $"{m!.Title}: {m.Value:0.###} {m.Unit} (about {m.Expected:0.###} without epoch structure)"))
            .ToList();
        return new Finding(
            CauseId.EpochAlignedUnexplained,
            "The loss has structure aligned to epoch boundaries that matches none of the known causes." + LoneFirstStep(analysis),
            Confidence.From(structureP, "smallest corrected p among the structure tests")!,
            evidence,
            [],
            TrainingSeverity(analysis, "Unknown: whether it harms training cannot be told from the loss alone.") with { Impact = Impact.Unknown },
            "Log more beside the loss to settle it: the learning rate, the optimizer's step count, update norms and sample ids (EpochLens telemetry records all four); or re-run a short training with one factor changed at a time.");
    }

    /// <summary>
    /// Where only the epoch's first step stands out, the candidates that make exactly that: the loss alone cannot
    /// tell them apart, so they are named for the user to check rather than claimed.
    /// </summary>
    private static string LoneFirstStep(EpochAnalysis analysis)
    {
        var first = analysis[MeasurementIds.FirstStepLevel];
        if (first is null || !Significant(first) || EdgeStepShare(analysis, last: false) < EdgeStepsNeeded
            || analysis[MeasurementIds.BoundaryJumpAfterFirst] is { } after && Significant(after) && Math.Sign(after.Value) == Math.Sign(first.Value)
            || analysis[MeasurementIds.LastStepLevel] is { } last && Significant(last))
        {
            return "";
        }

        return $" Only the epoch's first step stands out ({first.Value:+0.0;-0.0} robust SD): a short last gradient-accumulation group carried into the next epoch (its gradients, or a loss total not reset) does this, and so does anything special about each epoch's first batch; the optimizer's step count or the update norms tell them apart.";
    }

    /// <summary>A "no structure" verdict still names the low-confidence findings listed under it, so the two never seem to disagree.</summary>
    private static string WeakSigns(List<Finding> findings)
    {
        var weak = findings.Where(f => f.Cause != CauseId.None).Select(f => f.Cause.ToId()).ToList();
        return weak.Count == 0 ? "" : $" Weaker signs, below what a finding needs: {string.Join(", ", weak)} (low confidence, listed below).";
    }

    /// <param name="inferred">The epoch length came from the loss: it was chosen because the loss looked structured at
    /// it, so finding nothing there says more about the length than about the run, and is said with low confidence only.</param>
    internal static Finding NoStructure(EpochAnalysis analysis, double structureP, bool inferred)
    {
        int epochs = analysis.Signal.ValidEpochCount;
        var level = epochs >= 4 && analysis.Profile.BinCount >= 32 && !inferred ? ConfidenceLevel.Medium : ConfidenceLevel.Low;
        string spikes = analysis.SpikeCount > 0 ? $" {analysis.SpikeCount} isolated spike(s) off the trend are listed separately." : "";
        return new Finding(
            CauseId.None,
            $"No epoch-aligned structure: the loss behaves the same at the epoch boundaries as anywhere else in the epoch.{spikes}",
            new Confidence(level, structureP, $"smallest corrected p among the structure tests, over {epochs} epochs with {analysis.Profile.BinCount} positions each{(inferred ? ", at an epoch length inferred from the loss" : "")}"),
            [],
            [],
            new Severity(SeverityLevel.None, Impact.None, null, null, null, "Nothing to fix at the epoch boundaries."),
            "Nothing to change. With more epochs, smaller effects would become visible.");
    }

    private static long FirstNonFinite(MetricSeries series)
    {
        var values = series.Values;
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i])) return series.Steps[i];
        }

        return -1;
    }
}
