using System.ComponentModel;
using EpochLens.Readers;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EpochLens.Cli.Commands;

/// <summary>The options of the commands that read a log (analyze, inspect).</summary>
public abstract class ReadingSettings : CommonSettings
{
    [CommandOption("--memory-budget <SIZE>")]
    [Description("The memory the read may fill (e.g. 4G, 512M; default: half of this machine's memory). Points past it are dropped with a note, and compressed files expand to at most this much.")]
    public string? MemoryBudget { get; init; }

    [CommandOption("--decimal-comma")]
    [Description("Read CSV numbers written with a decimal comma ('1,5' as 1.5). Without it they are read where nothing else can be meant (cells split by ';' or tabs), with a note.")]
    public bool DecimalComma { get; init; }

    /// <summary>The budget asked for, or the machine's default; call after <see cref="ValidateMemoryBudget"/>.</summary>
    public long MemoryBudgetBytes => Readers.MemoryBudget.TryParse(MemoryBudget, out long bytes) ? bytes : Readers.MemoryBudget.DefaultBytes;

    /// <summary>The error for a budget that is not a size, or null.</summary>
    protected ValidationResult? ValidateMemoryBudget() =>
        MemoryBudget is { } text && !Readers.MemoryBudget.TryParse(text, out _)
            ? ValidationResult.Error($"--memory-budget takes a size from 1M to 1024T, such as 512M or 4G, not '{text}'")
            : null;
}
