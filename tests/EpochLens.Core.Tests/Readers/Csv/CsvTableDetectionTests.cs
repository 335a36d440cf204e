using EpochLens.Logs;
using EpochLens.Readers;

namespace EpochLens.Core.Tests.Readers.Csv;

/// <summary>A table in a file not named as CSV is read as one when its content is one; printed logs stay the text reader's.</summary>
public sealed class CsvTableDetectionTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Keras_csvlogger_training_log_is_read_as_csv()
    {
        // keras.callbacks.CSVLogger("training.log"): one row per epoch.
        var rows = string.Concat(Enumerable.Range(0, 12).Select(e => $"{e},0.{50 + e},{1.0 / (e + 1):0.0000},0.8,0.9\n"));
        var path = _temp.Write("training.log", "epoch,accuracy,loss,val_accuracy,val_loss\n" + rows);

        var log = Assert.Single(DefaultLogReaders.Create().Read(path, ReadOptions.Default, new ProblemLog()));

        Assert.Equal("csv", log.Format);
        Assert.Equal(12, log.Find(SeriesRole.TrainLoss)!.Count);
        Assert.Equal(SeriesRole.HeldOutLoss, log.Find("val_loss")!.Role);
    }

    [Theory]
    [InlineData("log.txt", "step\tloss\tlr\n1\t2.5\t0.001\n2\t2.4\t0.001\n3\t2.3\t0.001\n")]
    [InlineData("train", "iteration;loss\n10;1,5\n20;1,4\n30;1,3\n")]
    public void A_table_in_a_txt_or_a_file_without_extension_is_read_as_csv(string name, string text)
    {
        var log = Assert.Single(DefaultLogReaders.Create().Read(_temp.Write(name, text), ReadOptions.Default, new ProblemLog()));

        Assert.Equal("csv", log.Format);
        Assert.Equal(3, log.Find(SeriesRole.TrainLoss)!.Count);
    }

    [Theory]
    [InlineData("epoch 1, step 10, loss 2.5\nepoch 1, step 20, loss 2.4\nepoch 1, step 30, loss 2.3\n")]
    [InlineData("epoch,loss\nStarting training...\n1,2.5\n2,2.4\n")]
    public void Printed_lines_with_commas_are_not_taken_for_a_table(string text)
    {
        var path = _temp.Write("train.log", text);

        Assert.False(EpochLens.Readers.Csv.CsvReader.Default.Recognises(path, FileHead.Read(path)));
    }
}
