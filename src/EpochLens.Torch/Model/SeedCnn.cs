using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace EpochLens.Torch.Model;

/// <summary>
/// The question's small CNN for 28x28 grey images: two 3x3 convolutions (16 and 32 channels), each
/// followed by ReLU and 2x2 max pooling, a 64-unit hidden layer and 10 class scores.
/// </summary>
public sealed class SeedCnn : Module<Tensor, Tensor>
{
    public const int ImageSide = 28;
    public const int Classes = 10;

    // Field names become the parameter names (conv1.weight, ...), as in PyTorch.
    private readonly Conv2d conv1;
    private readonly Conv2d conv2;
    private readonly Linear fc1;
    private readonly Linear fc2;

    public SeedCnn() : base(nameof(SeedCnn))
    {
        conv1 = Conv2d(1, 16, kernel_size: 3, padding: 1);
        conv2 = Conv2d(16, 32, kernel_size: 3, padding: 1);
        fc1 = Linear(32 * (ImageSide / 4) * (ImageSide / 4), 64);
        fc2 = Linear(64, Classes);
        RegisterComponents();
    }

    /// <summary>Maps a batch of images [N, 1, 28, 28] to class scores [N, 10].</summary>
    public override Tensor forward(Tensor input)
    {
        // Intermediate tensors land in the caller's dispose scope (one per training step).
        var x = functional.max_pool2d(functional.relu(conv1.forward(input)), 2);
        x = functional.max_pool2d(functional.relu(conv2.forward(x)), 2);
        x = functional.relu(fc1.forward(x.flatten(1)));
        return fc2.forward(x);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            conv1.Dispose();
            conv2.Dispose();
            fc1.Dispose();
            fc2.Dispose();
        }

        base.Dispose(disposing);
    }
}
