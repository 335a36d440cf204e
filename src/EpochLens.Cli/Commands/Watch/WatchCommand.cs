using System.Runtime.InteropServices;
using EpochLens.Cli.Commands.Analyze;
using EpochLens.Readers;
using EpochLens.Reports;
using EpochLens.Watching;

namespace EpochLens.Cli.Commands.Watch;

/// <summary>
/// <c>epochlens watch</c>: follows a run while it trains, reading only what it writes, diagnoses it again as epochs
/// complete, prints a line whenever the verdict changes, and keeps the reports up to date.
/// </summary>
public sealed class WatchCommand(IAnsiConsole console) : ConsoleCommand<WatchSettings>(console)
{
    private string? _lastFailure;

    public override int Execute(CommandContext context, WatchSettings settings, CancellationToken cancellationToken)
    {
        var readers = DefaultLogReaders.Create();
        if (settings.Format is { } format && !readers.Formats.Any(r => string.Equals(r.Format, format, StringComparison.OrdinalIgnoreCase)))
            return Error($"unknown format '{format}'; known formats: {string.Join(", ", readers.Formats.Select(r => r.Format))}");

        if (PathFollower.Refusal(settings.Path) is { } refusal) return Error($"{settings.Path}: {refusal}");

        // Every series is read, as analyze reads them: the diagnosis uses the learning rate and the rest beside the loss.
        var readOptions = settings.ReadOptionsFor(settings.Format);
        var follower = new PathFollower(settings.Path, readOptions, readers);
        var watcher = new RunWatcher(follower, EngineDefaults.CreateDiagnoser(), settings.DiagnosisOptions, settings.IntervalSpan);
        var problems = new EchoedProblems(Messages);

        using var signal = new ChangeSignal(settings.Path, settings.IntervalSpan, settings.Poll);
        using var interrupt = new ConsoleInterrupt(cancellationToken);

        // A wrapper script or a container runtime stops watch with SIGTERM: it ends as cleanly as with Ctrl+C.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signalContext =>
        {
            signalContext.Cancel = true;
            interrupt.Interrupt();
        });

        Messages.MarkupLine(ConsoleText.Markup($"Watching {settings.Path} ({Method(signal, settings)}); Ctrl+C stops it with a final verdict."));
        bool tripped = false;
        string? ending = null;
        try
        {
            while (true)
            {
                var update = watcher.Poll(problems);
                if (!Report(update, settings)) return ExitCodes.UsageOrInputError;

                if (SeverityGate.Trips(update.Diagnoses, settings.FailOn))
                {
                    tripped = true;
                    break;
                }

                if (settings.UntilFile is { } until && File.Exists(until))
                {
                    ending = $"{until} exists: the run is finished.";
                    break;
                }

                if (settings.ExitWhenIdle is { } idle && DateTimeOffset.UtcNow - watcher.LastNews >= TimeSpan.FromSeconds(idle))
                {
                    ending = $"nothing new for {idle:0.###} s: stopped watching.";
                    break;
                }

                if (!signal.Wait(update.Read, interrupt.Token, NextCheck(watcher, settings)))
                {
                    ending = "stopped.";
                    break;
                }
            }
        }
        finally
        {
            // Ctrl+C during the final diagnosis ends the process.
            interrupt.Release();
        }

        return Finish(watcher, settings, tripped, ending);
    }

    private int Finish(RunWatcher watcher, WatchSettings settings, bool tripped, string? ending)
    {
        var problems = new EchoedProblems(Messages);
        if (!tripped && !Report(watcher.Finish(problems), settings)) return ExitCodes.UsageOrInputError;

        if (ending is not null) Messages.MarkupLine(ConsoleText.Markup($"{ending}"));

        if (watcher.Latest.Count == 0)
            return Error($"{settings.Path}: no log with a training loss {(watcher.DiagnosisCount == 0 ? "found" : "could be diagnosed")}");

        Output.WriteLine();
        Output.MarkupLine("Final verdict:");
        foreach (var diagnosis in watcher.Latest) ConsoleReport.Render(Output, diagnosis, settings.Details);

        return tripped || SeverityGate.Trips(watcher.Latest, settings.FailOn) ? FailOnReached(settings.FailOn) : ExitCodes.Ok;
    }

    /// <summary>Prints what a poll changed and rewrites the reports after a diagnosis; false when a report cannot be written.</summary>
    private bool Report(WatchUpdate update, WatchSettings settings)
    {
        foreach (var failure in update.Failures.Where(f => f != _lastFailure))
        {
            Messages.MarkupLine(ConsoleText.Markup($"not diagnosed yet: {failure}"));
            _lastFailure = failure;
        }

        bool several = update.Diagnoses.Count > 1;
        foreach (var change in update.Changes) WritePlainLine(VerdictLine.Describe(change, several));

        if (update.Diagnoses.Count == 0) return true;

        try
        {
            if (settings.JsonFile is { } json)
                AtomicFile.Write(json, stream => JsonReport.Write(stream, update.Diagnoses, ToolVersion.Text));

            if (settings.Html is { } html)
            {
                var page = HtmlReport.Render(update.Diagnoses, ToolVersion.Text);
                AtomicFile.Write(html, stream =>
                {
                    using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
                    writer.Write(page);
                });
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            SayError($"cannot write the report: {e.Message}");
            return false;
        }

        return true;
    }

    /// <summary>Writes a line as it is: never wrapped, so that scripts can follow it in redirected output.</summary>
    private void WritePlainLine(string line)
    {
        var writer = Output.Profile.Out.Writer;
        writer.WriteLine(ConsoleText.Plain($"[{DateTime.Now:HH:mm:ss}] {line}"));
        writer.Flush();
    }

    /// <summary>
    /// The longest wait before the stop conditions are looked at again: the end of the idle period, and for
    /// --until-file a second at most (it may lie outside the watched folder, where no notification comes).
    /// </summary>
    private static TimeSpan? NextCheck(RunWatcher watcher, WatchSettings settings)
    {
        TimeSpan? next = null;
        if (settings.ExitWhenIdle is { } idle)
            next = watcher.LastNews + TimeSpan.FromSeconds(idle) - DateTimeOffset.UtcNow;

        if (settings.UntilFile is not null)
        {
            var check = TimeSpan.FromSeconds(Math.Max(1, settings.Interval));
            next = next is { } n && n < check ? n : check;
        }

        return next;
    }

    private static string Method(ChangeSignal signal, WatchSettings settings) =>
        signal.Notifies
            ? $"file-system notifications, looked at {settings.Interval:0.###} s after a change"
            : $"polled every {settings.Interval:0.###} s, backing off to {settings.Interval * ChangeSignal.MaxBackOff:0.###} s while quiet" +
              (signal.NotificationProblem is { } why ? $"; notifications failed: {why}" : "");
}
