namespace EpochLens.Cli.Commands.Analyze;

/// <summary>What <c>analyze</c> writes to standard output (<c>--output</c>).</summary>
public enum ReportFormat
{
    /// <summary>The verdict for people, in the terminal.</summary>
    Console,

    /// <summary>The versioned JSON document (docs/diagnosis-json.md), for pipelines.</summary>
    Json,

    /// <summary>JSON Lines: one run a line (and one line per skipped log), for streaming and for <c>summarize</c> to merge shards.</summary>
    Jsonl,

    /// <summary>A Markdown summary to paste into an issue or a pull request.</summary>
    Md,
}
