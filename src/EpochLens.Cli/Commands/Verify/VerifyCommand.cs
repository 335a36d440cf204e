using EpochLens.Torch.Experiments;

namespace EpochLens.Cli.Commands.Verify;

/// <summary>
/// <c>epochlens verify</c>: proves or refutes a suspected cause of a harness run by training it again from the same
/// seed with only that factor changed, and comparing the cause's signature between the two runs.
/// </summary>
public sealed class VerifyCommand(IAnsiConsole console) : ConsoleCommand<VerifySettings>(console)
{
    public override int Execute(CommandContext context, VerifySettings settings, CancellationToken cancellationToken)
    {
        // Messages go to standard error with --json, so the JSON on standard output stays clean.
        var messages = settings.Json ? Messages : Output;
        HarnessRun run;
        try
        {
            run = HarnessRun.Open(settings.RunFolder);
        }
        catch (NotAHarnessRunException e)
        {
            return Error(e.Message);
        }

        if (!run.UsesEmbeddedData && settings.DataFolder is null)
            return Error($"{run.Folder} trained on {run.Description.Data}; give that IDX folder with --data DIR so it can be trained again.");

        var data = TrainingData.Load(settings.DataFolder);
        var outFolder = settings.ResolveOutFolder();
        var verifier = new Verifier(data, EngineDefaults.CreateDiagnoser(), new VerifyOptions
        {
            OutFolder = outFolder,
            MaxStepsPerRun = settings.MaxSteps,
            Epochs = settings.Epochs,
            SamplesPerEpoch = settings.SamplesPerEpoch,
            Parallelism = settings.Jobs,
            ReuseOriginal = !settings.NoReuse,
        }, new ChildProcessLauncher(settings.DataFolder));

        RunDiagnosis? diagnosis = null;
        var causes = settings.CauseList();
        if (causes.Count == 0)
        {
            diagnosis = verifier.DiagnoseOriginal(run);
            causes = verifier.CausesToTest(diagnosis);
            messages.MarkupLine(ConsoleText.Markup($"Diagnosis of {diagnosis.Metric}: {diagnosis.Verdict}"));
            if (causes.Count == 0)
            {
                messages.WriteLine("Nothing to verify: the diagnosis names no cause an experiment can switch.");
                if (settings.Json)
                    WriteJson(new VerificationReport { RunFolder = run.Folder, OutFolder = outFolder, Diagnosis = diagnosis, Causes = [], Runs = [], Parallelism = 0, TrainingWallTime = TimeSpan.Zero, HeldOutCount = data.HeldOut.Count });

                return ExitCodes.Ok;
            }

            messages.MarkupLine(ConsoleText.Markup($"Testing the ranked causes in order: {string.Join(", ", causes.Select(c => c.ToId()))}."));
        }

        var plan = verifier.Plan(run, causes, diagnosis);
        VerifyConsoleReport.RenderPlan(messages, plan);
        Directory.CreateDirectory(outFolder);
        var runs = plan.Runs.Select(r => (r.Label, (long)r.Options.StepsPerEpoch * r.Options.Epochs)).ToList();
        var report = RunProgressDisplay.Run(Messages, runs, settings.Quiet || settings.Json, progress => verifier.Verify(plan, progress, cancellationToken));
        File.WriteAllText(Path.Combine(outFolder, "verify.json"), VerifyJsonReport.ToJson(report, ToolVersion.Text));
        if (settings.Json)
        {
            WriteJson(report);
        }
        else
        {
            VerifyConsoleReport.Render(Output, report);
            Output.Profile.Out.Writer.WriteLine(ConsoleText.Plain(string.Create(CultureInfo.InvariantCulture, $"Experiment runs and verify.json: {outFolder}")));
        }

        return ExitCodes.Ok;
    }

    private static void WriteJson(VerificationReport report)
    {
        using var stdout = Console.OpenStandardOutput();
        VerifyJsonReport.Write(stdout, report, ToolVersion.Text);
        stdout.Flush();
    }
}
