using EpochLens.Readers.Text;

namespace EpochLens.Core.Tests.Readers.Text;

/// <summary>The line shapes spelled again before tokenizing: what they turn round, and what they leave alone.</summary>
public sealed class LineRespellingTests
{
    [Theory]
    [InlineData("INFO: 1epoch:train:201-300batch: loss=1.5", "INFO: epoch 1:train:batch 300: loss=1.5")]
    [InlineData("12epochs done, 340steps", "epoch 12 done, step 340")]
    [InlineData("lr=3e-4 loss=0.5 epoch 3", "lr=3e-4 loss=0.5 epoch 3")]
    [InlineData("fp16batch=4 0.5epoch 12epochal", "fp16batch=4 0.5epoch 12epochal")]
    [InlineData("no counters here", "no counters here")]
    public void Glued_counters_are_turned_round_and_nothing_else_is(string line, string expected) =>
        Assert.Equal(expected, UnlabelledCounters.Glued(line).ToString());

    [Theory]
    [InlineData("1|120|Loss: 2.31:  40%|████ | 120/300", "epoch 1 | step 120 | Loss: 2.31:  40%|████ | 120/300")]
    [InlineData("| 1 | 0.5 |", "| 1 | 0.5 |")]
    [InlineData("1|2|3", "1|2|3")]
    public void Bare_epoch_and_step_counters_before_a_label_are_named(string line, string expected) =>
        Assert.Equal(expected, UnlabelledCounters.BarePrefix(line).ToString());

    [Fact]
    public void A_header_names_the_rows_under_it_until_a_row_does_not_fit()
    {
        var columns = new HeaderedColumns();

        Assert.Equal("Epoch  box_loss  cls_loss", columns.Label("Epoch  box_loss  cls_loss").ToString());
        Assert.Equal("Epoch 1/5 box_loss 1.2 cls_loss 0.9    640: 10%", columns.Label("   1/5   1.2   0.9   640: 10%").ToString());
        Assert.Equal("all images 128", columns.Label("all images 128").ToString());
        Assert.Equal("Epoch 2/5 box_loss 1.1 cls_loss 0.8 ", columns.Label(" 2/5 1.1 0.8").ToString());
    }

    [Theory]
    [InlineData("Training loss was computed per batch")]
    [InlineData("epoch: loss lr")]
    [InlineData("epoch  accuracy  time")]
    public void A_line_of_words_is_no_header_unless_it_is_three_names_with_a_loss_and_nothing_else(string line)
    {
        var columns = new HeaderedColumns();
        columns.Label(line);

        Assert.Equal("1 2 3 4 5 6", columns.Label("1 2 3 4 5 6").ToString());
    }
}
