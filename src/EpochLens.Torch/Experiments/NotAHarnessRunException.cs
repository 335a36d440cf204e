namespace EpochLens.Torch.Experiments;

/// <summary>
/// The folder given to verify is not a run recorded by the training harness (no readable run.json, or one
/// whose set-up this version cannot rebuild), so it cannot be trained again.
/// </summary>
public sealed class NotAHarnessRunException : Exception
{
    public NotAHarnessRunException(string message) : base(message)
    {
    }

    public NotAHarnessRunException(string message, Exception inner) : base(message, inner)
    {
    }

    public NotAHarnessRunException()
    {
    }
}
