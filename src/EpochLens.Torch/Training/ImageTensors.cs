using EpochLens.Torch.Data;
using static TorchSharp.torch;

namespace EpochLens.Torch.Training;

/// <summary>A set of labelled images held as tensors, normalised once, so a training step only slices.</summary>
internal sealed class ImageTensors : IDisposable
{
    // Fashion-MNIST's pixel mean and standard deviation (on a 0..1 scale).
    private const float Mean = 0.2860f;
    private const float StdDev = 0.3530f;

    public ImageTensors(LabeledImages images, int count, Device device)
    {
        var side = images.Rows * images.Columns;
        var pixels = new float[count * side];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = ((images.Pixels[i] / 255f) - Mean) / StdDev;

        var labels = new long[count];
        for (int i = 0; i < count; i++) labels[i] = images.Labels[i];

        Images = tensor(pixels, [count, 1, images.Rows, images.Columns], device: device);
        Labels = tensor(labels, [count], device: device);
        Count = count;
    }

    public Tensor Images { get; }

    public Tensor Labels { get; }

    public int Count { get; }

    /// <summary>The images and labels of one batch (registered in the current dispose scope).</summary>
    public (Tensor Images, Tensor Labels) Batch(ArraySegment<int> ids)
    {
        if (ids.Count == 1)
        {
            // One sample: narrow is a view, cheaper than a gather.
            return (Images.narrow(0, ids[0], 1), Labels.narrow(0, ids[0], 1));
        }

        var index = tensor(ids.ToArray(), dtype: ScalarType.Int64, device: Images.device);
        return (Images.index_select(0, index), Labels.index_select(0, index));
    }

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
