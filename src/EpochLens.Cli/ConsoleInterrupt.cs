namespace EpochLens.Cli;

/// <summary>
/// Ctrl+C cancels <see cref="Token"/> instead of ending the process, so that a long command stops cleanly with what it
/// has (the telemetry so far, a final verdict), until <see cref="Release"/> hands Ctrl+C back.
/// </summary>
internal sealed class ConsoleInterrupt : IDisposable
{
    private readonly CancellationTokenSource _interrupt = new();
    private readonly CancellationTokenSource _linked;

    /// <param name="cancellation">The command's own token, which cancels <see cref="Token"/> too.</param>
    public ConsoleInterrupt(CancellationToken cancellation)
    {
        _linked = CancellationTokenSource.CreateLinkedTokenSource(_interrupt.Token, cancellation);
        Console.CancelKeyPress += OnCancelKeyPress;
    }

    /// <summary>Cancelled by Ctrl+C, <see cref="Interrupt"/> or the command's own token.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>Whether Ctrl+C (or <see cref="Interrupt"/>) asked to stop.</summary>
    public bool Requested => _interrupt.IsCancellationRequested;

    /// <summary>Stops as Ctrl+C does: for another signal that should end the command as cleanly.</summary>
    public void Interrupt() => _interrupt.Cancel();

    /// <summary>Ctrl+C ends the process again.</summary>
    public void Release() => Console.CancelKeyPress -= OnCancelKeyPress;

    public void Dispose()
    {
        Release();
        _linked.Dispose();
        _interrupt.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        _interrupt.Cancel();
    }
}
