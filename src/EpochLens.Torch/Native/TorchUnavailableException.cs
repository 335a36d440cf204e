namespace EpochLens.Torch.Native;

/// <summary>TorchSharp's native backend cannot be loaded here; the message says why and what to do, in one paragraph.</summary>
public sealed class TorchUnavailableException : Exception
{
    public TorchUnavailableException()
        : base("TorchSharp's native backend could not be loaded.")
    {
    }

    public TorchUnavailableException(string message)
        : base(message)
    {
    }

    public TorchUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
