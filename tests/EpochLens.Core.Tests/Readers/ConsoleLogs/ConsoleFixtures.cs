using EpochLens.Logs;
using EpochLens.Readers;

namespace EpochLens.Core.Tests.Readers.ConsoleLogs;

/// <summary>Paths of the console-log fixtures and a helper to read one.</summary>
internal static class ConsoleFixtures
{
    public static readonly string[] Keras =
    [
        "tf1_samples.log", "tf2_steps.log", "keras3_terminal.log", "keras3_notebook.log",
        "verbose2_two_runs.log", "tf1_verbose2.log", "notebook_two_runs.log",
    ];

    public static readonly string[] MmEngine = ["mmengine_epoch.log", "mmengine_iter.log", "mmdet2_epoch.log"];

    public static string KerasPath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "console-keras", name);

    public static string MmEnginePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "console-mmengine", name);

    public static IReadOnlyList<TrainingLog> Read(ILogReader reader, string path, ProblemLog problems, ReadOptions? options = null) =>
        reader.Read(LogSource.OfFile(path), options ?? ReadOptions.Default, problems);

    public static bool Recognises(ILogReader reader, string path) => reader.Recognises(path, FileHead.Read(path));
}
