using System.Runtime;
using TorchSharp;

namespace EpochLens.Torch.Training;

/// <summary>
/// Runs an optimizer's step with no garbage collection inside it. TorchSharp's Adam makes its scalars implicitly
/// (1 - beta2, the step size) and leaves them to the finalizer: a collection during <c>step()</c> (another thread
/// allocating is enough) can free one while libtorch still reads it, which fails as "Expected false to be true" in
/// <c>Scalar::toFloat</c> (seen once in seven runs of the test suite). Inside a no-GC region nothing is collected, so
/// the step's scalars outlive the native calls and go with the next ordinary collection.
/// </summary>
internal static class UninterruptedStep
{
    /// <summary>Managed bytes the region allows: far more than one step allocates (a few kilobytes of handles).</summary>
    private const long Budget = 1 << 20;

    public static void Run(torch.optim.Optimizer optimizer)
    {
        bool region = false;
        try
        {
            region = GC.TryStartNoGCRegion(Budget);
        }
        catch (InvalidOperationException)
        {
            // Already inside a region (a caller of our own): the step is covered by it.
        }

        try
        {
            optimizer.step();
        }
        finally
        {
            // A step that allocated past the budget ended the region itself, with a collection; then there is none to end.
            if (region && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        }
    }
}
