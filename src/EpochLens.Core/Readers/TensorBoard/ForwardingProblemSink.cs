namespace EpochLens.Readers.TensorBoard;

/// <summary>
/// A followed run's accumulator outlives each poll, but every poll hands in its own problem sink: this forwards
/// to the current one.
/// </summary>
internal sealed class ForwardingProblemSink : IProblemSink
{
    public IProblemSink? Target { get; set; }

    public void Report(ReadProblem problem) => Target?.Report(problem);
}
