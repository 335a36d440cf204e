using System.Globalization;
using EpochLens.Bench.DiagnosisAccuracy;
using EpochLens.Diagnosis;
using EpochLens.Synthetic;

// Accuracy of the diagnosis on synthetic runs with known truth (tests/EpochLens.Synthetic):
// 1. false alarms: null runs (no cause; trends, heavy tails, AR(1) noise, spikes, sparse logging, sampling with
//    replacement) that get a medium- or high-confidence finding, with the epoch length given and inferred;
// 2. planted causes at clearly visible strengths: how often the cause is the primary finding;
// 3. detection limits: the primary-finding rate by strength and by number of epochs.
// 4. the real corpus (Corpus/*/labels.csv): real PyTorch runs and public logs, with and without the epoch length.
// Usage: dotnet run -c Release -- [--nulls 400] [--runs 40] [--limits-runs 20] [--no-limits] [--corpus DIR | --corpus-only DIR]
int nulls = 400, runs = 40, limitRuns = 20;
bool limits = true;
string? corpus = null;
bool corpusOnly = false;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--nulls": nulls = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--limits-runs": limitRuns = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--no-limits": limits = false; break;
        case "--corpus": corpus = args[++i]; break;
        case "--corpus-only": corpus = args[++i]; corpusOnly = true; break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}

var diagnoser = BenchDiagnoser.Create();
if (corpusOnly)
{
    return CorpusScore.Run(corpus!, diagnoser);
}

Console.WriteLine("## False alarms on null runs (medium- or high-confidence finding of any cause)");
foreach (bool given in new[] { true, false })
{
    int alarms = 0, cannotTell = 0;
    var causes = new Dictionary<string, int>();
    for (int seed = 0; seed < nulls; seed++)
    {
        var run = SyntheticRunGenerator.Generate(NullScenarios.Spec(seed), seed);
        var diagnosis = diagnoser.Diagnose(run.Log, new DiagnosisOptions { StepsPerEpoch = given ? run.Truth.StepsPerEpoch : null });
        cannotTell += diagnosis.Outcome == DiagnosisOutcome.CannotTell ? 1 : 0;
        if (diagnosis.Findings.FirstOrDefault(f => f.Cause != CauseId.None && f.Confidence.Level >= ConfidenceLevel.Medium) is { } alarm)
        {
            alarms++;
            causes[alarm.Cause.ToId()] = causes.GetValueOrDefault(alarm.Cause.ToId()) + 1;
        }
    }

    Console.WriteLine($"epoch length {(given ? "given   " : "inferred")}: {alarms} of {nulls} = {100.0 * alarms / nulls:0.0} % false alarms{(causes.Count > 0 ? $" ({string.Join(", ", causes.Select(c => $"{c.Key} {c.Value}"))})" : "")}; cannot tell {cannotTell}");
}

Console.WriteLine();
Console.WriteLine($"## Planted causes at clearly visible strengths ({runs} varied runs each)");
Console.WriteLine("| cause | primary, length given | named at all | another cause named (medium+) | primary, length not given | epoch length from the log or inferred within 1 % |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var cause in Planted())
{
    int primary = 0, found = 0, wrong = 0, hiddenPrimary = 0, hiddenFound = 0, hiddenWrong = 0, lengthRight = 0;
    for (int seed = 0; seed < runs; seed++)
    {
        var run = SyntheticRunGenerator.Generate(PlantedScenarios.Spec(cause, seed), seed);
        Tally(diagnoser.Diagnose(run.Log, new DiagnosisOptions { StepsPerEpoch = run.Truth.StepsPerEpoch }), cause, ref primary, ref found, ref wrong);
        var hidden = diagnoser.Diagnose(run.Log);
        Tally(hidden, cause, ref hiddenPrimary, ref hiddenFound, ref hiddenWrong);
        if (hidden.Epochs.Structure is { } structure && Math.Abs(structure.StepsPerEpoch - run.Truth.StepsPerEpoch) <= 0.01 * run.Truth.StepsPerEpoch)
        {
            lengthRight++;
        }
    }

    Console.WriteLine($"| {cause.ToId()} | {Percent(primary, runs)} | {Percent(found, runs)} | {Percent(wrong, runs)} | {Percent(hiddenPrimary, runs)} | {Percent(lengthRight, runs)} |");
}

if (limits)
{
    Console.WriteLine();
    Console.WriteLine($"## Detection limits: primary-finding rate, loss only, epoch length given ({limitRuns} runs per cell)");
    var epochGrid = new[] { 3, 5, 10, 20 };
    Console.WriteLine($"| cause (strength) | {string.Join(" | ", epochGrid.Select(e => $"{e} epochs"))} |");
    Console.WriteLine($"|---|{string.Join("", epochGrid.Select(_ => "---|"))}");
    foreach (var (cause, strength) in LimitCases())
    {
        var cells = epochGrid.Select(epochs =>
        {
            int primary = 0, found = 0, wrong = 0;
            for (int seed = 0; seed < limitRuns; seed++)
            {
                var spec = PlantedScenarios.Spec(cause, strength, seed) with { Epochs = epochs };
                spec = spec with { Logging = spec.Logging with { LearningRate = false, OptimizerStep = false, UpdateNorm = false, StepSamples = false } };
                var run = SyntheticRunGenerator.Generate(spec, seed);
                Tally(diagnoser.Diagnose(run.Log, new DiagnosisOptions { StepsPerEpoch = run.Truth.StepsPerEpoch }), cause, ref primary, ref found, ref wrong);
            }

            return Percent(primary, limitRuns);
        });
        Console.WriteLine($"| {cause.ToId()} ({strength.ToString(CultureInfo.InvariantCulture)}) | {string.Join(" | ", cells)} |");
    }
}

if (corpus is not null)
{
    Console.WriteLine();
    return CorpusScore.Run(corpus, diagnoser);
}

return 0;

static void Tally(RunDiagnosis diagnosis, CauseId cause, ref int primary, ref int found, ref int wrong)
{
    var top = diagnosis.Primary;
    if (diagnosis.Outcome == DiagnosisOutcome.Findings && top?.Cause == cause)
    {
        primary++;
    }
    else if (top is not null && top.Cause is not CauseId.None and not CauseId.EpochAlignedUnexplained && top.Confidence.Level >= ConfidenceLevel.Medium)
    {
        wrong++;
    }

    found += diagnosis.Findings.Any(f => f.Cause == cause) ? 1 : 0;
}

static string Percent(int count, int of) => $"{100.0 * count / of:0} %";

static IEnumerable<CauseId> Planted() => Enum.GetValues<CauseId>().Where(c => c != CauseId.None);

static IEnumerable<(CauseId Cause, double Strength)> LimitCases() =>
[
    (CauseId.RunningMeanLogging, 1),
    (CauseId.FixedOrder, 1),
    (CauseId.FixedOrder, 2),
    (CauseId.Recency, 0.5),
    (CauseId.Recency, 1),
    (CauseId.OptimizerReset, 0.3),
    (CauseId.OptimizerReset, 1),
    (CauseId.PartialLastBatch, 0.5),
    (CauseId.PartialLastBatch, 0.9),
    (CauseId.EpochAlignedUnexplained, 1),
    (CauseId.EpochAlignedUnexplained, 2),
    (CauseId.StateReload, 0.5),
    (CauseId.StateReload, 1),
];
