using EpochLens.Logs;
using EpochLens.Readers;

namespace EpochLens.Cli.Commands.Inspect;

/// <summary>
/// <c>epochlens inspect</c>: shows what EpochLens reads from a log on standard output, and what it had to skip on
/// standard error. Every name from the log goes through <see cref="ConsoleText"/>.
/// </summary>
public sealed class InspectCommand(IAnsiConsole console) : ConsoleCommand<InspectSettings>(console)
{
    public override int Execute(CommandContext context, InspectSettings settings, CancellationToken cancellationToken)
    {
        var readStatus = new ReadStatus(settings.Path);
        var options = settings.ReadOptionsFor(settings.Format, settings.Metric, readStatus);
        var problems = new ProblemLog();
        IReadOnlyList<TrainingLog> logs = [];
        // A spinner with the points read so far on standard error while a long read goes on, on a terminal only.
        WithStatus(show =>
        {
            readStatus.ShowWith(show);
            logs = DefaultLogReaders.Create().Read(settings.Path, options, problems);
        });

        foreach (var log in logs) Render(log);

        ReadProblemsReport.Render(Messages, problems, sayWhenNone: true);
        return ExitCodes.Ok;
    }

    private void Render(TrainingLog log)
    {
        Output.WriteLine();
        ConsoleHeading.Write(Output, ConsoleText.Markup($"{log.Source} ({log.Format})"));
        if (log.Epochs is { } epochs)
        {
            var length = epochs.StepsPerEpoch is double n ? n.ToString("0.###", CultureInfo.InvariantCulture) + " steps per epoch" : "epoch starts marked";
            Output.MarkupLine(ConsoleText.Markup($"Epochs: {length} ({epochs.Origin}){(epochs.EpochStartSteps is { Count: > 0 } starts ? $", {starts.Count} epoch starts" : "")}"));
        }
        else
        {
            Output.MarkupLine("Epochs: the log does not say");
        }

        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("series").AddColumn("role").AddColumn(new TableColumn("points").RightAligned())
            .AddColumn(new TableColumn("steps").RightAligned()).AddColumn(new TableColumn("non-finite").RightAligned()).AddColumn("values are");
        foreach (var series in log.Series)
        {
            var steps = series.Count == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{series.Steps[0]}..{series.Steps[^1]}");
            table.AddRow(
                ConsoleText.Safe(series.Name),
                ConsoleText.Safe(series.Role.ToString()),
                series.Count.ToString("N0", CultureInfo.InvariantCulture),
                steps,
                series.NonFiniteCount.ToString(CultureInfo.InvariantCulture),
                ConsoleText.Safe(Describe(series.Averaging)));
        }

        Output.Write(table);
        if (log.Samples is { } samples)
            Output.MarkupLine(ConsoleText.Markup($"Sample ids recorded for {samples.Steps.Count:N0} steps."));
    }

    /// <summary>How the values were averaged, in words.</summary>
    public static string Describe(ValueAveraging averaging) => averaging.Kind switch
    {
        AveragingKind.PerStep => "per step",
        AveragingKind.RunningMeanSinceEpochStart => "running mean of the epoch so far",
        AveragingKind.MovingWindow => averaging.Window is int k ? $"mean of the last {k} steps" : "mean over a logging window",
        AveragingKind.EpochMean => "one mean per epoch",
        _ => "not stated",
    };
}
