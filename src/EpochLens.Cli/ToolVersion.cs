namespace EpochLens.Cli;

/// <summary>The version every report and run file written by this tool records.</summary>
internal static class ToolVersion
{
    public static string Text { get; } = typeof(ToolVersion).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
