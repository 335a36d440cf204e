namespace EpochLens.Bench.EventFileSpeed;

/// <summary>
/// Samples the managed heap size every millisecond on another thread: .NET has no "peak heap since"
/// counter, and a read's peak (chunks and final arrays both alive) lasts only a moment.
/// </summary>
internal sealed class HeapSampler : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _peak;

    public HeapSampler()
    {
        _thread = new Thread(Sample) { IsBackground = true };
        _thread.Start();
    }

    /// <summary>Stops sampling and returns the largest heap size seen.</summary>
    public long Stop()
    {
        _stop = true;
        _thread.Join();
        return Math.Max(_peak, GC.GetGCMemoryInfo().HeapSizeBytes);
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }

    private void Sample()
    {
        while (!_stop)
        {
            _peak = Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: false));
            Thread.Sleep(1);
        }
    }
}
