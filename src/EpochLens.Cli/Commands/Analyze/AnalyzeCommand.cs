using EpochLens.Diagnosis;
using EpochLens.Logs;
using EpochLens.Readers;
using EpochLens.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EpochLens.Cli.Commands.Analyze;

/// <summary><c>epochlens analyze</c>: reads a log, finds epoch-aligned structure, names its cause and weighs it.</summary>
public sealed class AnalyzeCommand : Command<AnalyzeSettings>
{
    private readonly IAnsiConsole _console;

    public AnalyzeCommand() : this(AnsiConsole.Console)
    {
    }

    public AnalyzeCommand(IAnsiConsole console) => _console = console;

    public override int Execute(CommandContext context, AnalyzeSettings settings, CancellationToken cancellationToken)
    {
        var readOptions = new ReadOptions
        {
            Format = settings.Format,
            Metric = settings.Metric,
            StepColumn = settings.StepColumn,
            EpochColumn = settings.EpochColumn,
        };
        var problems = new ProblemLog();
        var diagnoses = new List<RunDiagnosis>();
        var failures = new List<string>();
        void Work(Action<string> stage)
        {
            stage($"Reading {settings.Path} ...");
            var logs = DefaultLogReaders.Create().Read(settings.Path, readOptions, problems);
            var diagnoser = EngineDefaults.CreateDiagnoser();
            var options = new DiagnosisOptions { StepsPerEpoch = settings.StepsPerEpoch, Metric = settings.Metric, InferEpochs = !settings.NoInfer };
            foreach (var log in logs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (logs.Count > 1 && !HasLoss(log, settings.Metric))
                {
                    continue;
                }

                stage($"Diagnosing {log.Source} ...");
                try
                {
                    diagnoses.Add(diagnoser.Diagnose(log, options));
                }
                catch (DiagnosisException e)
                {
                    failures.Add(e.Message);
                }
            }
        }

        // A spinner says what is going on while large logs are read and analysed, on a terminal only.
        if (!settings.Json && _console.Profile.Capabilities.Interactive)
        {
            _console.Status().Start("Reading ...", context => Work(text => context.Status(Markup.Escape(text))));
        }
        else
        {
            Work(_ => { });
        }

        // Warnings go to standard error with --json, so the JSON on standard output stays clean.
        var messages = settings.Json ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }) : _console;
        ReadProblemsReport.Render(messages, problems);
        foreach (var failure in failures)
        {
            messages.MarkupLineInterpolated($"[red]{failure}[/]");
        }

        if (diagnoses.Count == 0)
        {
            if (failures.Count == 0)
            {
                messages.MarkupLineInterpolated($"[red]{settings.Path}: no log with a training loss found[/]");
            }

            return ExitCodes.UsageOrInputError;
        }

        if (settings.Json)
        {
            using var stdout = Console.OpenStandardOutput();
            JsonReport.Write(stdout, diagnoses, ToolVersion);
            stdout.Flush();
        }
        else
        {
            foreach (var diagnosis in diagnoses)
            {
                ConsoleReport.Render(_console, diagnosis, settings.Details);
            }
        }

        return ExitCodes.Ok;
    }

    private static string ToolVersion => typeof(AnalyzeCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>In a folder of several logs, only those with something to diagnose are reported.</summary>
    private static bool HasLoss(TrainingLog log, string? metric)
    {
        try
        {
            LossSeriesChooser.Choose(log, metric);
            return true;
        }
        catch (DiagnosisException)
        {
            return false;
        }
    }
}
