namespace EpochLens.Readers;

/// <summary>
/// The files that form one log: a single file, or the files of one run that must be read together
/// (a TensorBoard run folder's event files, an MLflow run's metric files).
/// </summary>
/// <param name="Name">The file or folder as the user would name it.</param>
/// <param name="Files">The files, in the order to read them.</param>
public sealed record LogSource(string Name, IReadOnlyList<string> Files)
{
    public static LogSource OfFile(string file) => new(file, [file]);
}
