using EpochLens.Cli.CommandLine;
using EpochLens.Cli.Commands.Analyze;
using EpochLens.Cli.Commands.Demo;
using EpochLens.Cli.Commands.Inspect;
using EpochLens.Cli.Commands.Summarize;
using EpochLens.Cli.Commands.Train;
using EpochLens.Cli.Commands.Verify;
using EpochLens.Cli.Commands.Watch;

namespace EpochLens.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        UseColumnsWhenRedirected();
        ErrorReporter.Debug = args.Contains("--debug", StringComparer.Ordinal);
        if (CommandLineCheck.Problem(args) is { } problem)
        {
            StandardStreams.Error.MarkupLine(ConsoleText.Markup($"[red]error:[/] {problem}"));
            return ExitCodes.UsageOrInputError;
        }

        return CreateApp().Run(args);
    }

    /// <summary>
    /// Redirected output has no window width, so the console would wrap at 80 columns: a file or a pipe is
    /// written unwrapped instead (a reader's terminal or editor wraps it, and paths stay whole), unless a COLUMNS
    /// variable (as shells and CI systems set) says how wide the reader's lines are.
    /// </summary>
    private static void UseColumnsWhenRedirected()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) || columns is < 40 or > 1000)
        {
            if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = StandardStreams.Unwrapped;

            return;
        }

        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = columns;

        if (Console.IsErrorRedirected) StandardStreams.Error.Profile.Width = columns;
    }

    /// <summary>The command tree; tests build the same app to check parsing and help.</summary>
    public static CommandApp CreateApp()
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("epochlens");
            // Unknown options are errors, never remaining arguments dropped in silence (CommandLineCheck names them first).
            config.UseStrictParsing();
            config.SetApplicationVersion(typeof(Program).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

            // What `epochlens --help` shows first: the demo, then a diagnosis of one's own log and its proof.
            config.AddExample("demo");
            config.AddExample("analyze", "runs/exp1");
            config.AddExample("analyze", "metrics.csv", "--steps-per-epoch", "5039", "--html", "report.html");
            config.AddExample("verify", "runs/exp1");
            config.AddExample("train", "--log-running-mean", "--out", "runs/running-mean");
            config.AddCommand<TrainCommand>("train")
                .WithDescription("Train the question's CNN (Adam, lr 1e-5, batch size 1, 5039 samples per epoch) and record per-step telemetry; cause switches reproduce each epoch-boundary artefact.")
                .WithExample("train")
                .WithExample("train", "--epochs", "5", "--out", "runs/healthy")
                .WithExample("train", "--log-running-mean", "--out", "runs/running-mean")
                .WithExample("train", "--order", "fixed", "--lr", "1e-3", "--out", "runs/fixed-order")
                .WithExample("train", "--memorize", "500", "--lr", "1e-3", "--epochs", "10");
            config.AddCommand<AnalyzeCommand>("analyze")
                .WithDescription("Diagnose a training log: find loss structure aligned to epoch boundaries, name its cause with the evidence, and say how bad it is.")
                .WithExample("analyze", "runs/exp1")
                .WithExample("analyze", "metrics.csv", "--steps-per-epoch", "5039")
                .WithExample("analyze", "runs/exp1", "--metric", "train/loss", "--json")
                .WithExample("analyze", "runs/exp1", "--html", "report.html", "--plots", "figures")
                .WithExample("analyze", "runs/exp1", "--output", "md", "--fail-on", "medium")
                .WithExample("analyze", "sweep/", "--html", "sweep.html")
                .WithExample("analyze", "sweep/", "--shard", "2/8", "--output", "jsonl");
            config.AddCommand<SummarizeCommand>("summarize")
                .WithDescription("Merge the shards of a sweep ('analyze DIR --shard K/N --output jsonl') into the summary, JSON and HTML one 'analyze DIR' over all the runs gives.")
                .WithExample("summarize", "out/shard-1.jsonl", "out/shard-2.jsonl")
                .WithExample("summarize", "out/", "--html", "sweep.html", "--fail-on", "high");
            config.AddCommand<WatchCommand>("watch")
                .WithDescription("Follow a run while it trains: read only what it writes, diagnose it again as each epoch completes, print a line when the verdict changes, keep the reports up to date, and stop with exit code 1 on --fail-on.")
                .WithExample("watch", "runs/exp1")
                .WithExample("watch", "runs/exp1", "--fail-on", "medium", "--json-file", "diagnosis.json", "--html", "report.html")
                .WithExample("watch", "metrics.csv", "--steps-per-epoch", "5039", "--exit-when-idle", "600");
            config.AddCommand<InspectCommand>("inspect")
                .WithDescription("Show what EpochLens reads from a training log (TensorBoard, CSV, JSON Lines, MLflow, Hugging Face, console logs, printed text): its series, epochs, and any damage it skipped.")
                .WithExample("inspect", "runs/exp1")
                .WithExample("inspect", "metrics.csv", "--metric", "train_loss_step")
                .WithExample("inspect", "logs/events.out.tfevents.1700000000.host", "--strict");
            config.AddCommand<DemoCommand>("demo")
                .WithDescription("Replay the question: train its set-up recording the raw loss and the running mean it plotted, diagnose both, and answer what causes the spikes and how bad they are.")
                .WithExample("demo")
                .WithExample("demo", "--full");
            config.AddCommand<VerifyCommand>("verify")
                .WithDescription("Prove or refute a cause by experiment: train a recorded run again from the same seed with only that factor changed, compare the cause's signature between the two runs, and weigh the factor by held-out loss and accuracy.")
                .WithExample("verify", "runs/fixed-order", "--cause", "fixed-order")
                .WithExample("verify", "runs/exp1")
                .WithExample("verify", "runs/exp1", "--cause", "optimizer-reset", "--samples-per-epoch", "1000", "--json");
            config.SetExceptionHandler((exception, _) => ErrorReporter.Report(exception));
        });
        return app;
    }
}
