namespace EpochLens.Cli.Commands;

/// <summary>The options every command takes.</summary>
public abstract class CommonSettings : CommandSettings
{
    /// <remarks>Read from the arguments before parsing too (<see cref="Program"/>): a bug can strike while they are parsed.</remarks>
    [CommandOption("--debug")]
    [Description("On an internal error (a bug in epochlens), also print its stack trace.")]
    public bool Debug { get; init; }
}
