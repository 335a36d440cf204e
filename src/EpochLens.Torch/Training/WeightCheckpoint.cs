using TorchSharp;
using static TorchSharp.torch;

namespace EpochLens.Torch.Training;

/// <summary>An in-memory copy of a model's weights, for the state-reload cause switch.</summary>
internal sealed class WeightCheckpoint : IDisposable
{
    private readonly nn.Module _model;
    private Tensor[]? _saved;

    public WeightCheckpoint(nn.Module model) => _model = model;

    public void Save()
    {
        Release();
        using var noGrad = no_grad();
        _saved = _model.parameters().Select(p => p.detach().clone().DetachFromDisposeScope()).ToArray();
    }

    /// <summary>Puts the saved weights back; nothing happens before the first save.</summary>
    public void Restore()
    {
        if (_saved is null) return;

        using var noGrad = no_grad();
        foreach (var (parameter, saved) in _model.parameters().Zip(_saved)) parameter.copy_(saved);
    }

    public void Dispose() => Release();

    private void Release()
    {
        if (_saved is null) return;

        foreach (var t in _saved) t.Dispose();

        _saved = null;
    }
}
