using System.Globalization;
using EpochLens.Readers.Text;

namespace EpochLens.Core.Tests.Readers.Text;

/// <summary>The tokenizer on single lines: which labels get which numbers, what is not a value.</summary>
public sealed class LineTokenizerTests
{
    /// <summary>The fields as "label=value", "label=a/b" for counters, "label=v(avg)" with an average; "~" marks a sample counter.</summary>
    private static string Fields(string line)
    {
        var tokenizer = new LineTokenizer();
        tokenizer.Tokenize(line);
        var parts = new List<string>();
        foreach (var field in tokenizer.Fields)
        {
            var value = field.Value.ToString(CultureInfo.InvariantCulture);
            var text = field.Kind == TextFieldKind.Value ? value : $"{value}/{field.Total}";
            if (field.HasAverage)
            {
                text += $"({field.Average.ToString(CultureInfo.InvariantCulture)})";
            }

            parts.Add($"{field.Label(line)}={(field.Kind == TextFieldKind.SampleCounter ? "~" : "")}{text}");
        }

        return string.Join(" ", parts);
    }

    [Theory]
    [InlineData("[epoch 2/10] step 340/1250 loss=0.5123 lr=3.0e-4", "epoch=2/10 step=340/1250 loss=0.5123 lr=0.0003")]
    [InlineData("Epoch 3 | iter 120 | train loss 0.734", "Epoch=3 iter=120 train loss=0.734")]
    [InlineData("INFO:trainer:epoch=4 batch=17 loss=1.203 acc=0.61", "epoch=4 batch=17 loss=1.203 acc=0.61")]
    [InlineData("2024-01-02 10:11:12,345 - INFO - Epoch: [3][120/500]  Loss 0.7340 (0.8123)", "Epoch=3 =120/500 Loss=0.734(0.8123)")]
    [InlineData("Train Epoch: 1 [640/60000 (1%)]\tLoss: 2.297", "Train Epoch=1 =~640/60000 Loss=2.297")]
    [InlineData("| epoch   1 |   200/ 2983 batches | lr 20.00 | ms/batch  5.30 | loss  7.63 | ppl  2066.90", "epoch=1 batches=200/2983 lr=20 ms/batch=5.3 loss=7.63 ppl=2066.9")]
    [InlineData("epoch 1 iter 100: loss 2.31", "epoch=1 iter=100 loss=2.31")]
    [InlineData("Epoch 3:  45%|████▌     | 450/1000 [00:12<00:15, 35.1it/s, loss=0.123, v_num=1]", "Epoch=3 =450/1000 loss=0.123 v_num=1")]
    [InlineData("{'loss': 0.41, 'grad_norm': 1.2, 'learning_rate': 4e-05, 'epoch': 1.5}", "loss=0.41 grad_norm=1.2 learning_rate=4E-05 epoch=1.5")]
    [InlineData("| end of epoch   1 | time: 20.31s | valid loss  5.78", "epoch=1 time=20.31 valid loss=5.78")]
    [InlineData("2021-01-01 00:00:00 | INFO | train_inner | epoch 001:    100 / 1000 loss=8.52, ppl=75.1, num_updates=100", "epoch=1 =100/1000 loss=8.52 ppl=75.1 num_updates=100")]
    [InlineData("Train: 3 [ 120/1251 ( 10%)]  Loss: 6.530 (6.780)", "Train=3 =120/1251 Loss=6.53(6.78)")]
    [InlineData("2023/05/01 12:00:00 - loss: nan", "loss=NaN")]
    [InlineData("09:53:36.380 [main] INFO org.deeplearning4j.optimize.listeners.ScoreIterationListener -- Score at iteration 10 is 2.2330074310302734", "iteration=10 Score=2.2330074310302734")]
    [InlineData("Loss at step 100: 0.53", "step=100 Loss=0.53")]
    [InlineData("train loss at epoch 3 is 0.25, lr 0.1", "epoch=3 train loss=0.25 lr=0.1")]
    [InlineData("Epoch: [13][50]\tTime 1.215 (1.300)\tLoss 3.1012 (3.2034)\tLr: 0.6000", "Epoch=13 =50/-1 Time=1.215(1.3) Loss=3.1012(3.2034) Lr=0.6")]
    [InlineData("Ep.3 batch 10 loss=0.5", "Ep=3 batch=10 loss=0.5")]
    [InlineData("2025-02-04 17:18:23,956 INFO: [basel..][epoch: 18, iter:   1,000, lr:(2.766e-05,)] l_mos: 6.4552e-04", "epoch=18 iter=1000 l_mos=0.00064552")]
    [InlineData("global_step: 12,500,000 loss: 0.25", "global_step=12500000 loss=0.25")]
    [InlineData("epoch 3 loss: 1,250 lr 0.1", "epoch=3 loss=1 lr=0.1")]
    [InlineData("I0312 10:00:20.123 12345 solver.cpp:218] Iteration 100 (1.23 iter/s, 16.2s/20 iters), loss = 0.61", "Iteration=100 loss=0.61")]
    [InlineData("2024-01-02 10:11:12 INFO train.py:57] epoch 2 loss 0.5", "epoch=2 loss=0.5")]
    [InlineData("val.loss:0.53 step 3", "val.loss=0.53 step=3")]
    public void Labels_get_their_numbers_whatever_the_template(string line, string expected) =>
        Assert.Equal(expected, Fields(line));

    [Theory]
    [InlineData("Test set: Average loss: 0.0537, Accuracy: 9826/10000 (98%)", "Test")]
    [InlineData("Epoch(val) [1][500/500] loss: 0.5", "val")]
    [InlineData("Validation: epoch 3 loss 0.52", "Validation")]
    public void A_phase_word_standing_alone_marks_a_held_out_line(string line, string phase)
    {
        var tokenizer = new LineTokenizer();
        tokenizer.Tokenize(line);

        Assert.True(tokenizer.HeldOutPhase);
        Assert.Equal(phase, line.Substring(tokenizer.PhaseWord.Start, tokenizer.PhaseWord.Length));
    }

    [Theory]
    [InlineData("epoch 3 val_loss 0.5")]
    [InlineData("INFO:test_runner:epoch=4 loss=1.2")]
    public void A_held_out_word_inside_a_label_does_not_make_the_line_held_out(string line)
    {
        var tokenizer = new LineTokenizer();
        tokenizer.Tokenize(line);

        Assert.False(tokenizer.HeldOutPhase);
    }

    [Theory]
    [InlineData("epoch", true)]
    [InlineData("Train Epoch", true)]
    [InlineData("val epoch", false)]
    [InlineData("epochs", false)]
    public void Epoch_labels(string label, bool epoch) => Assert.Equal(epoch, TextLabels.IsEpoch(label));

    [Theory]
    [InlineData("loss", true)]
    [InlineData("train_loss", true)]
    [InlineData("batch loss", true)]
    [InlineData("val/loss", true)]
    [InlineData("loss_cls", false)]
    [InlineData("lossy", false)]
    public void Loss_labels(string label, bool loss) => Assert.Equal(loss, TextLabels.IsLoss(label));

    [Theory]
    [InlineData("step", true)]
    [InlineData("Batch", true)]
    [InlineData("it", true)]
    [InlineData("ms/batch", false)]
    [InlineData("batch_size", false)]
    public void Step_labels(string label, bool step) => Assert.Equal(step, TextLabels.IsStep(label));
}
