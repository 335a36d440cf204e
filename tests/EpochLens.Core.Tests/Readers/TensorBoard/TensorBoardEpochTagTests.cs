using EpochLens.Analysis;
using EpochLens.Logs;
using EpochLens.Readers;
using EpochLens.Readers.TensorBoard;

namespace EpochLens.Core.Tests.Readers.TensorBoard;

/// <summary>The Hugging Face Trainer's fractional train/epoch tag as the epoch length (whole epoch numbers: TensorBoardDamageTests).</summary>
public sealed class TensorBoardEpochTagTests
{
    [Fact]
    public void A_Hugging_Face_runs_fractional_train_epoch_gives_the_epoch_length()
    {
        // Real: the Trainer's TensorBoardCallback, 2 epochs of 1,500 steps, logging every 10 (tb-hf-hate-speech).
        var folder = TbFixtures.Folder(Path.Combine("public-hf", "tb-hf-hate-speech"));
        var problems = new ProblemLog();
        var log = Assert.Single(DefaultLogReaders.Create().Read(folder, ReadOptions.Default, problems));

        Assert.Equal("tensorboard", log.Format);
        Assert.Equal(SeriesRole.Epoch, log.Find("train/epoch")!.Role);
        Assert.Equal(1500, log.Epochs!.StepsPerEpoch!.Value, 0.5);
        Assert.Null(log.Epochs.EpochStartSteps);
        Assert.StartsWith("TensorBoard tag 'train/epoch': step / fractional epoch", log.Epochs.Origin, StringComparison.Ordinal);

        var loss = log.Find("train/loss")!;
        var resolution = EpochResolver.Resolve(log, loss, null, null);
        Assert.Equal(EpochSource.Log, resolution.Structure!.Source);
        Assert.Equal(1500, resolution.Structure.StepsPerEpoch, 0.5);

        // The Trainer's global step counts from 1: the mean logged at step 1500 ends the first epoch.
        Assert.Equal(1, log.Epochs.FirstEpochStart);
        Assert.Equal(0, resolution.Structure.EpochOf(1500));
        Assert.Equal(1, resolution.Structure.EpochOf(1510));
        Assert.Contains("as the log states", resolution.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Fractional_epochs_logged_every_few_steps_give_step_over_epoch()
    {
        using var temp = new TempFolder();
        using (var writer = new EventFileWriter(temp.File("events.out.tfevents.1.host")))
        {
            writer.WriteFileVersion();
            for (long step = 5; step <= 600; step += 5)
            {
                // float32 like the Trainer's scalars; 250 steps per epoch.
                writer.WriteScalar("train/epoch", step, (float)(step / 250.0));
                writer.WriteScalar("train/loss", step, 1f);
            }
        }

        var log = TbFixtures.ReadOne(new LogSource(temp.Path, [temp.File("events.out.tfevents.1.host")]));
        Assert.Equal(250, log.Epochs!.StepsPerEpoch!.Value, 1e-3);
        Assert.Equal(1, log.Epochs.FirstEpochStart);
    }
}
