using System.ComponentModel;
using System.Reflection;
using EpochLens.Cli.CommandLine;
using EpochLens.Cli.Commands.Analyze;
using EpochLens.Cli.Commands.Train;
using EpochLens.Settings;
using EpochLens.Torch.Training;

namespace EpochLens.Cli.Tests;

/// <summary>A hint names a flag that exists, and each train option's help and errors list the names it parses.</summary>
public sealed class NamesOnceTests
{
    public static TheoryData<Setting> Settings() => [.. Enum.GetValues<Setting>()];

    [Theory]
    [MemberData(nameof(Settings))]
    public void Every_setting_a_message_can_point_to_is_an_option_of_analyze(Setting setting)
    {
        var names = OptionSpec.Of(typeof(AnalyzeSettings)).SelectMany(o => o.Names);
        Assert.Contains(SettingFlags.Flag(setting), names);
    }

    [Fact]
    public void A_hint_with_a_value_is_spelled_as_the_flag_and_its_value()
    {
        Assert.Equal("--steps-per-epoch 5039", SettingFlags.Spell(new SettingHint(Setting.StepsPerEpoch, "5039")));
        Assert.Equal("--memory-budget", SettingFlags.Spell(Setting.MemoryBudget));
    }

    [Theory]
    [InlineData(nameof(TrainSettings.Order))]
    [InlineData(nameof(TrainSettings.LossReduction))]
    [InlineData(nameof(TrainSettings.AccumulationLeftover))]
    [InlineData(nameof(TrainSettings.Norms))]
    [InlineData(nameof(TrainSettings.Telemetry))]
    public void A_train_option_help_names_every_value_it_takes_and_its_default_is_one(string property)
    {
        var names = Table(property);
        var option = typeof(TrainSettings).GetProperty(property)!;
        string help = option.GetCustomAttribute<DescriptionAttribute>()!.Description;
        string byDefault = (string)option.GetCustomAttribute<DefaultValueAttribute>()!.Value!;

        Assert.All(names, name => Assert.Contains(name, help, StringComparison.Ordinal));
        Assert.Contains(byDefault, names);
    }

    [Fact]
    public void A_value_no_table_has_is_refused_with_the_names_it_takes()
    {
        var settings = new TrainSettings { Order = "sideways" };

        var result = settings.Validate();

        Assert.False(result.Successful);
        Assert.Equal("--order must be reshuffled, fixed, sorted-by-label or reseeded (got 'sideways')", result.Message);
    }

    [Fact]
    public void Every_flag_verify_gives_its_training_child_is_an_option_of_train()
    {
        // Every switch on, and every value off its default, so that each flag TrainArguments can write is written.
        var options = new TrainOptions
        {
            EvaluateEachEpoch = false,
            Norms = Torch.Telemetry.NormSchedule.EveryStep,
            Causes = new CauseSwitches
            {
                RunningMeanLogging = true,
                LossReduction = LossReduction.Sum,
                DropLast = true,
                Order = SampleOrder.SortedByLabel,
                RebuildOptimizerEachEpoch = true,
                LrWarmRestarts = true,
                ReloadWeightsAtBoundary = true,
                GradAccumulation = 3,
                AccumulationLeftover = AccumulationLeftover.Leak,
                MemorizeSubset = 64,
                FreshSamplesEachEpoch = true,
            },
        };
        var declared = OptionSpec.Of(typeof(TrainSettings)).SelectMany(o => o.Names).ToHashSet();

        var args = TrainArguments.For(options, "out");

        Assert.All(args.Where(a => a.StartsWith("--", StringComparison.Ordinal)), flag => Assert.Contains(flag, declared));
        Assert.Equal("sorted-by-label", args[args.ToList().IndexOf("--order") + 1]);
        Assert.Equal("leak", args[args.ToList().IndexOf("--accumulation-leftover") + 1]);
        Assert.Equal("every", args[args.ToList().IndexOf("--norms") + 1]);
        Assert.Contains("--fresh-samples", args);
    }

    private static IEnumerable<string> Table(string property) => property switch
    {
        nameof(TrainSettings.Order) => TrainingNames.Order.Names,
        nameof(TrainSettings.LossReduction) => TrainingNames.Reduction.Names,
        nameof(TrainSettings.AccumulationLeftover) => TrainingNames.Leftover.Names,
        nameof(TrainSettings.Norms) => TrainingNames.Norms.Names,
        _ => TrainingNames.Telemetry.Names,
    };
}
