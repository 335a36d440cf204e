using EpochLens.Logs;
using EpochLens.Readers.TensorBoard;

namespace EpochLens.Core.Tests.Readers.TensorBoard;

/// <summary>Scalar tensors in the encodings TensorFlow and PyTorch produce (tensor.proto field numbers), and tag roles.</summary>
public class TensorScalarTests
{
    [Theory]
    [InlineData("08 01 2a 04 00 00 c0 3f", 1.5)] // DT_FLOAT, packed float_val (PyTorch new_style)
    [InlineData("08 01 2d 00 00 c0 3f", 1.5)] // DT_FLOAT, unpacked float_val
    [InlineData("08 01 12 00 22 04 00 00 c0 3f", 1.5)] // DT_FLOAT, empty shape, tensor_content
    [InlineData("08 02 22 08 00 00 00 00 00 00 f8 3f", 1.5)] // DT_DOUBLE, tensor_content (TF2 tf.summary.scalar of a float64)
    [InlineData("08 02 32 08 00 00 00 00 00 00 f8 3f", 1.5)] // DT_DOUBLE, packed double_val
    [InlineData("08 03 3a 01 07", 7)] // DT_INT32, int_val
    [InlineData("08 09 52 02 ac 02", 300)] // DT_INT64, int64_val
    [InlineData("08 13 6a 02 80 7c", 1.5)] // DT_HALF, half_val 0x3E00
    [InlineData("08 01 12 04 12 02 08 01 2a 04 00 00 c0 3f", 1.5)] // shape [1]
    public void Reads_the_value_of_a_one_element_tensor(string hex, double expected)
    {
        Assert.True(TensorScalar.TryRead(Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal)), out double value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("08 01 12 04 12 02 08 02 2a 08 00 00 c0 3f 00 00 c0 3f")] // shape [2]: a vector
    [InlineData("08 07 42 02 68 69")] // DT_STRING
    [InlineData("08 01")] // no value
    [InlineData("08 01 2a 09 00")] // length past the end
    [InlineData("08 01 22 03 00 00 c0")] // content of the wrong size
    public void Refuses_tensors_that_are_not_one_number(string hex) =>
        Assert.False(TensorScalar.TryRead(Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal)), out _));

    [Theory]
    [InlineData("train/loss", SeriesRole.TrainLoss)]
    [InlineData("Loss/train", SeriesRole.TrainLoss)]
    [InlineData("loss", SeriesRole.TrainLoss)]
    [InlineData("val/loss", SeriesRole.HeldOutLoss)]
    [InlineData("Loss/validation", SeriesRole.HeldOutLoss)]
    [InlineData("eval_loss", SeriesRole.HeldOutLoss)]
    [InlineData("test/loss", SeriesRole.HeldOutLoss)]
    [InlineData("interval_loss", SeriesRole.TrainLoss)]
    [InlineData("train/lr", SeriesRole.LearningRate)]
    [InlineData("lr-Adam", SeriesRole.LearningRate)]
    [InlineData("train/learning_rate", SeriesRole.LearningRate)]
    [InlineData("epoch", SeriesRole.Epoch)]
    [InlineData("train/epoch", SeriesRole.Epoch)]
    [InlineData("epoch_time", SeriesRole.Other)]
    [InlineData("train/grad_norm", SeriesRole.GradNorm)]
    [InlineData("accuracy", SeriesRole.Other)]
    public void Roles_come_from_tag_names(string tag, SeriesRole role) => Assert.Equal(role, TagRoles.Of(tag));
}
