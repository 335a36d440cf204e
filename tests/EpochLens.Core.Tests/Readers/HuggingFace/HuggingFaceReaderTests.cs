using System.Text;
using EpochLens.Core.Tests.Readers.JsonLines;
using EpochLens.Logs;
using EpochLens.Readers;
using EpochLens.Readers.HuggingFace;

namespace EpochLens.Core.Tests.Readers.HuggingFace;

public sealed class HuggingFaceReaderTests : IDisposable
{
    private readonly string _folder = Fixture.NewFolder();

    private static readonly HuggingFaceReader Reader = HuggingFaceReader.Default;

    private static string TrainerFolder => Fixture.Path("hf-trainer");

    private static (TrainingLog Log, ProblemLog Problems) Read(LogSource source, ReadOptions? options = null)
    {
        var problems = new ProblemLog();
        return (Reader.Read(source, options ?? ReadOptions.Default, problems).Single(), problems);
    }

    private string Write(string text, string name = "trainer_state.json")
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Reads_trainer_state_with_roles_interval_averaging_and_epoch_length()
    {
        var path = Path.Combine(TrainerFolder, "trainer_state.json");
        Assert.True(Reader.Recognises(path, FileHead.Read(path)));
        var (log, problems) = Read(LogSource.OfFile(path));

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal("loss", loss.Name);
        Assert.Equal(16, loss.Count);
        Assert.Equal(5, loss.Steps[0]);
        Assert.Equal(2.2323, loss.Values[0]);
        Assert.Equal(AveragingKind.MovingWindow, loss.Averaging.Kind);
        Assert.Equal(5, loss.Averaging.Window);
        var eval = log.Find(SeriesRole.HeldOutLoss)!;
        Assert.Equal([40L, 80], eval.Steps.ToArray());
        Assert.Equal(1.7, eval.Values[0]);
        Assert.Equal(4.6875e-05, log.Find(SeriesRole.LearningRate)!.Values[0]);
        var gradNorm = log.Find(SeriesRole.GradNorm)!;
        Assert.True(double.IsNaN(gradNorm.Values[6]));
        Assert.Equal(0.125, log.Find(SeriesRole.Epoch)!.Values[0]);
        Assert.Equal(SeriesRole.Other, log.Find("train_loss")!.Role);
        Assert.Equal(40, log.Epochs!.StepsPerEpoch);
        Assert.StartsWith("trainer_state.json log_history step / epoch (40)", log.Epochs.Origin, StringComparison.Ordinal);
        Assert.Contains("matched by max_steps / num_train_epochs = 40", log.Epochs.Origin, StringComparison.Ordinal);
        Assert.Equal(ProblemKind.NonFinite, Assert.Single(problems.Kept).Kind);
    }

    [Fact]
    public void An_output_folder_is_one_log_read_from_its_newest_state()
    {
        var files = Directory.GetFiles(TrainerFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, files.Count);
        Assert.All(files, f => Assert.Equal(TrainerFolder, Reader.GroupKey(f)));
        var (log, _) = Read(new LogSource(TrainerFolder, files));
        Assert.Equal(80, log.Find("loss")!.Steps[^1]);

        var (checkpoint, _) = Read(LogSource.OfFile(Path.Combine(TrainerFolder, "checkpoint-40", "trainer_state.json")));
        Assert.Equal(40, checkpoint.Find("loss")!.Steps[^1]);
    }

    [Fact]
    public void A_state_cut_by_a_killed_run_keeps_the_entries_before_the_cut()
    {
        var text = File.ReadAllText(Path.Combine(TrainerFolder, "trainer_state.json"));
        var cut = text[..text.IndexOf("\"step\": 45", StringComparison.Ordinal)];
        var (log, problems) = Read(LogSource.OfFile(Write(cut)));

        Assert.Equal(8, log.Find("loss")!.Count);
        var truncated = Assert.Single(problems.Kept, p => p.Kind == ProblemKind.Truncated);
        Assert.StartsWith("log_history entry 10 at byte", truncated.Location, StringComparison.Ordinal);

        // Without max_steps (after the cut) the epoch length comes from the entries' fractional epochs.
        Assert.Equal(40, log.Epochs!.StepsPerEpoch!.Value, 6);
        Assert.Contains("step / epoch", log.Epochs.Origin, StringComparison.Ordinal);
        Assert.Equal(5, log.Find("loss")!.Averaging.Window);
    }

    [Fact]
    public void Damage_in_the_middle_skips_that_entry_and_reads_on()
    {
        var text = File.ReadAllText(Path.Combine(TrainerFolder, "trainer_state.json"));
        var (clean, _) = Read(LogSource.OfFile(Write(text)));
        var damaged = text.Replace("\"step\": 45", "\"step\": 45 ]] ,", StringComparison.Ordinal);
        var (log, problems) = Read(LogSource.OfFile(Write(damaged)));
        var cleanSteps = clean.Find("loss")!.Steps.ToArray();
        Assert.Equal(cleanSteps.Where(step => step != 45), log.Find("loss")!.Steps.ToArray());
        Assert.Contains(45L, cleanSteps);
        Assert.Equal(1, problems.Count(ProblemKind.Malformed));
        Assert.Equal(0, problems.Count(ProblemKind.Truncated));
    }

    [Fact]
    public void When_max_steps_was_given_the_entries_epochs_win_over_the_rounded_epoch_count()
    {
        // max_steps 100 with 40 steps per epoch: the Trainer sets num_train_epochs = ceil(100 / 40) = 3.
        var json = """
            {
              "log_history": [
                {"epoch": 0.5, "loss": 2.0, "step": 20},
                {"epoch": 2.5, "loss": 1.0, "step": 100}
              ],
              "logging_steps": 20,
              "max_steps": 100,
              "num_train_epochs": 3
            }
            """;
        var (log, _) = Read(LogSource.OfFile(Write(json)));
        Assert.Equal(40, log.Epochs!.StepsPerEpoch);
        Assert.Contains("not max_steps / num_train_epochs = 33.33: max_steps 100 capped the run", log.Epochs.Origin, StringComparison.Ordinal);
    }

    [Fact]
    public void A_max_steps_cap_a_step_off_the_epoch_length_is_caught_where_the_epochs_cross_whole_numbers()
    {
        // Real: TrOCR, max_steps 10000 stopped at step 1400 = 13.46 epochs of 104 steps; the Trainer set
        // num_train_epochs = ceil(10000 / 104) = 97, and 10000 / 97 = 103.09 is within a step of the truth.
        var path = Fixture.Path("public-hf", "hf-trocr-fractions-13ep", "trainer_state.json");
        var (log, _) = Read(LogSource.OfFile(path));
        Assert.Equal(104, log.Epochs!.StepsPerEpoch!.Value, 6);
        Assert.Contains("log_history step / epoch (104)", log.Epochs.Origin, StringComparison.Ordinal);
        Assert.Contains("max_steps 10000 capped the run and num_train_epochs 97 is rounded up", log.Epochs.Origin, StringComparison.Ordinal);
        Assert.Equal(1, log.Epochs.FirstEpochStart);
    }

    [Fact]
    public void With_gradient_accumulation_the_whole_max_steps_ratio_refines_the_entries_batch_counted_epochs()
    {
        // 6511 batches per epoch, 16 accumulated per step: 406 optimizer steps, while the epoch progress
        // counts batches (step / epoch = 406.94 at the end of the first epoch).
        var text = new StringBuilder("{\n  \"log_history\": [\n");
        for (int step = 10; step <= 1210; step += 10)
        {
            int epoch = (step - 1) / 406, within = step - (epoch * 406);
            double progress = epoch + (within * 16 / 6511.0);
            text.Append("    {\"epoch\": ").Append(progress.ToString("R", System.Globalization.CultureInfo.InvariantCulture))
                .Append(", \"loss\": 1.0, \"step\": ").Append(step).Append(step < 1210 ? "},\n" : "}\n");
        }

        text.Append("  ],\n  \"logging_steps\": 10,\n  \"max_steps\": 1218,\n  \"num_train_epochs\": 3\n}\n");
        var (log, _) = Read(LogSource.OfFile(Write(text.ToString())));
        Assert.Equal(406, log.Epochs!.StepsPerEpoch);
        Assert.Contains("matched by max_steps / num_train_epochs = 406, the whole number used", log.Epochs.Origin, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_epochs_in_the_entries_max_steps_over_num_train_epochs_is_the_fallback()
    {
        var json = """
            {"log_history": [{"loss": 2.0, "step": 10}, {"loss": 1.0, "step": 20}], "max_steps": 300, "num_train_epochs": 3}
            """;
        var (log, _) = Read(LogSource.OfFile(Write(json)));
        Assert.Equal(100, log.Epochs!.StepsPerEpoch);
        Assert.StartsWith("trainer_state.json max_steps / num_train_epochs (log_history has no fractional epochs", log.Epochs.Origin, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_a_gzipped_trainer_state_found_by_name_in_a_file_or_a_folder()
    {
        // Real: BERT2BERT on Liputan6, 2 epochs of 24,235 steps, logging every 10 (gzipped in the corpus).
        var path = Fixture.Path("public-hf", "hf-bert2bert-liputan6-2ep", "trainer_state.json.gz");
        Assert.True(Reader.Recognises(path, FileHead.Read(path)));
        var all = DefaultLogReaders.Create();
        Assert.Same(Reader, all.Detect(path));

        foreach (var target in new[] { path, Path.GetDirectoryName(path)! })
        {
            var problems = new ProblemLog();
            var log = Assert.Single(all.Read(target, ReadOptions.Default, problems));
            Assert.Equal("huggingface", log.Format);
            var loss = log.Find(SeriesRole.TrainLoss)!;
            Assert.Equal(4800, loss.Count);
            Assert.Equal(10, loss.Steps[0]);
            Assert.Equal(48000, loss.Steps[^1]);
            Assert.Equal(10, loss.Averaging.Window);
            Assert.Equal(24235, log.Epochs!.StepsPerEpoch);
        }
    }

    [Fact]
    public void A_trainer_state_saved_under_another_name_is_found_by_its_content_and_each_copy_is_one_run()
    {
        // As shared in repositories and downloads: "run1_trainer_state.json", "trainer_state (1).json". Read as printed
        // text instead, the steps were the line order (a tenth of the real ones at logging_steps 10).
        var text = File.ReadAllText(Path.Combine(TrainerFolder, "trainer_state.json"));
        var first = Write(text, "run1_trainer_state.json");
        var second = Write(text, "trainer_state (1).json");
        Assert.True(Reader.Recognises(first, FileHead.Read(first)));
        Assert.NotEqual(Reader.GroupKey(first), Reader.GroupKey(second));

        var logs = DefaultLogReaders.Create().Read(_folder, ReadOptions.Default, new ProblemLog());
        Assert.Equal(2, logs.Count);
        Assert.All(logs, log =>
        {
            Assert.Equal("huggingface", log.Format);
            Assert.Equal([5L, 10], log.Find(SeriesRole.TrainLoss)!.Steps[..2].ToArray());
            Assert.Equal([40L, 80], log.Find(SeriesRole.HeldOutLoss)!.Steps.ToArray());
            Assert.Equal(40, log.Epochs!.StepsPerEpoch);
        });
    }

    [Fact]
    public void The_forced_format_reads_a_gzipped_state_as_a_trainer_state_whatever_its_name()
    {
        var original = Fixture.Path("public-hf", "hf-bert2bert-liputan6-2ep", "trainer_state.json.gz");
        var all = DefaultLogReaders.Create();
        var forced = ReadOptions.Default with { Format = "huggingface" };
        foreach (var name in new[] { "trainer_state.json.gz", "state-copy.json.gz" })
        {
            var path = Path.Combine(_folder, name);
            File.Copy(original, path, overwrite: true);
            var log = Assert.Single(all.Read(path, forced, new ProblemLog()));
            Assert.Equal(4800, log.Find("loss")!.Count);
            Assert.Equal(24235, log.Epochs!.StepsPerEpoch);
        }
    }

    [Fact]
    public void A_gzipped_state_stops_at_the_decompression_limit_and_keeps_the_entries_before_it()
    {
        var path = Fixture.Path("public-hf", "hf-bert2bert-liputan6-2ep", "trainer_state.json.gz");
        var (log, problems) = Read(LogSource.OfFile(path), ReadOptions.Default with { MaxDecompressedBytes = 100_000 });
        var loss = log.Find("loss")!;
        Assert.InRange(loss.Count, 100, 4799);
        Assert.Single(problems.Kept, p => p.Kind == ProblemKind.LimitReached);
        Assert.All(problems.Kept, p => Assert.Equal(path, p.File));
    }

    [Fact]
    public void A_damaged_gzipped_state_is_reported_with_its_file_and_does_not_crash()
    {
        var bytes = File.ReadAllBytes(Fixture.Path("public-hf", "hf-bert2bert-liputan6-2ep", "trainer_state.json.gz"));
        var path = Path.Combine(_folder, "trainer_state.json.gz");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var (log, problems) = Read(LogSource.OfFile(path));
        Assert.InRange(log.Find("loss")!.Count, 1, 4799);
        Assert.Contains(problems.Kept, p => p.Kind == ProblemKind.Truncated && p.File == path);
    }

    [Fact]
    public void Streams_a_state_larger_than_its_buffer()
    {
        var text = new StringBuilder("{\n  \"epoch\": 10.0,\n  \"log_history\": [\n");
        for (int step = 1; step <= 100_000; step++)
        {
            text.Append("    {\n      \"epoch\": ").Append(step / 10_000.0).Append(",\n      \"grad_norm\": NaN,\n      \"loss\": 0.5,\n      \"step\": ").Append(step).Append("\n    }").Append(step < 100_000 ? ",\n" : "\n");
        }

        text.Append("  ],\n  \"logging_steps\": 1,\n  \"max_steps\": 100000,\n  \"num_train_epochs\": 10\n}\n");
        var (log, problems) = Read(LogSource.OfFile(Write(text.ToString())));
        Assert.Equal(100_000, log.Find("loss")!.Count);
        Assert.Equal(100_000, log.Find("grad_norm")!.NonFiniteCount);
        Assert.Equal(10_000, log.Epochs!.StepsPerEpoch);
        Assert.Equal(1, problems.Total);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    [InlineData("[1, 2]")]
    [InlineData("{\"log_history\": \"none\"}")]
    [InlineData("{\"log_history\": [{\"loss\": 1}]}")]
    public void Odd_files_give_no_series_and_no_crash(string text)
    {
        var path = Write(text);
        try
        {
            var (log, _) = Read(LogSource.OfFile(path));
            Assert.Empty(log.Series);
        }
        catch (LogReadException e)
        {
            Assert.Equal(path, e.File);
        }
    }

    [Fact]
    public void A_key_with_non_utf8_bytes_is_reported_and_reading_goes_on()
    {
        var bytes = File.ReadAllBytes(Path.Combine(TrainerFolder, "trainer_state.json"));
        int at = Encoding.ASCII.GetString(bytes).IndexOf("\"loss\"", StringComparison.Ordinal) + 2;
        bytes[at] = 0xff;
        var path = Path.Combine(_folder, "trainer_state.json");
        File.WriteAllBytes(path, bytes);
        var (log, problems) = Read(LogSource.OfFile(path));
        Assert.StartsWith("log_history entry 1 at byte", Assert.Single(problems.Kept, p => p.Kind == ProblemKind.Encoding).Location, StringComparison.Ordinal);
        Assert.Equal(15, log.Find("loss")!.Count);
    }

    [Fact]
    public void Reads_llama_factory_trainer_log_with_its_epoch_length()
    {
        var path = Fixture.Path("hf-llamafactory", "trainer_log.jsonl");
        Assert.True(Reader.Recognises(path, FileHead.Read(path)));
        var (log, problems) = Read(LogSource.OfFile(path));

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal(30, loss.Count);
        Assert.Equal(10, loss.Steps[0]);
        Assert.Equal(AveragingKind.MovingWindow, loss.Averaging.Kind);
        Assert.Equal(10, loss.Averaging.Window);
        Assert.Equal([100L, 200, 300], log.Find(SeriesRole.HeldOutLoss)!.Steps.ToArray());
        Assert.Equal(SeriesRole.LearningRate, log.Find("lr")!.Role);
        Assert.Null(log.Find("total_steps"));
        Assert.Null(log.Find("percentage"));
        Assert.Equal(100, log.Epochs!.StepsPerEpoch);
        Assert.Contains("LLaMA-Factory", log.Epochs.Origin, StringComparison.Ordinal);
        Assert.Equal(0, problems.Total);
    }

    [Theory]
    [InlineData("trainer_state.json", "{\n  \"best_metric\": null,", true)]
    [InlineData("trainer_state.json", "not json", false)]
    [InlineData("trainer_state.json.gz", "{\n  \"best_metric\": null,", true)]
    [InlineData("trainer_log.jsonl.gz", "{\"current_steps\": 10, \"total_steps\": 100}", true)]
    [InlineData("trainer_state.json.bak", "{\n  \"best_metric\": null,", false)]
    [InlineData("trainer_log.jsonl", "{\"current_steps\": 10, \"total_steps\": 100}", true)]
    [InlineData("trainer_log.jsonl", "{\"step\": 10}", false)]
    [InlineData("config.json", "{\n  \"log_history\": []", false)]
    [InlineData("run1_trainer_state.json", "{\n  \"epoch\": 2.0,\n  \"global_step\": 80,\n  \"log_history\": [", true)]
    [InlineData("run1_trainer_state.txt", "{\n  \"epoch\": 2.0,\n  \"global_step\": 80,\n  \"log_history\": [", false)]
    public void Recognises_trainer_files_by_name_and_content(string name, string head, bool expected) =>
        Assert.Equal(expected, Reader.Recognises(name, Encoding.UTF8.GetBytes(head)));

    [Fact]
    public void Survives_thousands_of_corrupted_fixtures()
    {
        // The copies and points each must leave readable at least: about 90 % of what these seeds read.
        foreach (var (fixture, name, seed, minRead, minPoints) in new[]
        {
            (Path.Combine(TrainerFolder, "trainer_state.json"), "trainer_state.json", 31, 810, 34_000L),
            (Fixture.Path("hf-llamafactory", "trainer_log.jsonl"), "trainer_log.jsonl", 32, 810, 53_000L),
            (Path.Combine(TrainerFolder, "trainer_state.json"), "state.json", 33, 810, 36_000L),
        })
        {
            var original = File.ReadAllBytes(fixture);
            var tally = ReaderFuzz.Run(Reader, original, 1000, seed, (folder, bytes) =>
            {
                var path = Path.Combine(folder, name);
                File.WriteAllBytes(path, bytes);
                return path;
            });
            tally.AssertAtLeast(minRead, minPoints, name);
        }
    }

    [Fact]
    public void Survives_hundreds_of_corrupted_gzipped_states()
    {
        var original = File.ReadAllBytes(Fixture.Path("public-hf", "hf-bert2bert-liputan6-2ep", "trainer_state.json.gz"));
        var tally = ReaderFuzz.Run(Reader, original, 200, 34, (folder, bytes) =>
        {
            var path = Path.Combine(folder, "trainer_state.json.gz");
            File.WriteAllBytes(path, bytes);
            return path;
        });
        tally.AssertAtLeast(160, 569_000, "gzipped trainer_state.json"); // about 90 % of what this seed reads
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
