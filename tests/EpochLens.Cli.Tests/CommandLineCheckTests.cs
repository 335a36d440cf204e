using EpochLens.Cli.CommandLine;

namespace EpochLens.Cli.Tests;

/// <summary>Misspelt, repeated and ill-typed options stop every command with a message that names the option.</summary>
public sealed class CommandLineCheckTests
{
    private static readonly string[] RunPaths = ["run"];

    public static TheoryData<string> CommandNames() => [.. CommandLineCheck.Commands.Keys.Order()];

    [Fact]
    public void Every_command_of_the_tool_is_checked()
    {
        Assert.Superset(new HashSet<string> { "analyze", "inspect", "train", "demo", "verify" }, CommandLineCheck.Commands.Keys.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void A_misspelt_option_is_an_error_that_suggests_the_real_one(string command)
    {
        var option = LongOptions(command).OrderByDescending(o => o.Length).First();
        // One letter dropped from the middle: "--steps-per-epoch" as "--steps-per-epch".
        string misspelt = option.Remove(option.Length / 2 + 1, 1);
        var problem = CommandLineCheck.Problem([command, "x", misspelt, "1"]);
        Assert.NotNull(problem);
        Assert.Contains(misspelt, problem, StringComparison.Ordinal);
        Assert.Contains($"did you mean {option}?", problem, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void An_option_given_twice_is_an_error(string command)
    {
        string option = LongOptions(command).First(o => o != "--debug");
        var values = TakesValue(command, option) ? new[] { option, "1", option, "2" } : [option, option];
        var problem = CommandLineCheck.Problem([command, .. values]);
        Assert.NotNull(problem);
        Assert.Contains($"{option} is given twice", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_option_given_a_word_names_the_option_what_it_takes_and_what_it_got()
    {
        var numeric = CommandLineCheck.Commands.Keys.SelectMany(c => CommandLineCheck.NumberOptions(c).Select(o => (Command: c, Option: o))).ToList();
        Assert.True(numeric.Count >= 8, $"only {numeric.Count} number options found");
        foreach (var (command, option) in numeric)
        {
            var problem = CommandLineCheck.Problem([command, option, "abc"]);
            Assert.NotNull(problem);
            Assert.StartsWith($"{option} takes a", problem, StringComparison.Ordinal);
            Assert.EndsWith("got 'abc'", problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Well_formed_command_lines_pass()
    {
        Assert.Null(CommandLineCheck.Problem(["analyze", "log.csv", "--steps-per-epoch", "5039", "--metric", "train/loss", "-o", "md", "--fail-on", "MEDIUM"]));
        Assert.Null(CommandLineCheck.Problem(["analyze", "log.csv", "--steps-per-epoch=-5"]));
        Assert.Null(CommandLineCheck.Problem(["--debug", "inspect", "runs", "--strict", "--help"]));
        Assert.Null(CommandLineCheck.Problem(["train", "--lr", "1e-3", "-b", "4", "--", "--anything"]));
        Assert.Null(CommandLineCheck.Problem(["--version"]));
    }

    [Fact]
    public void Values_of_the_wrong_kind_say_what_the_option_takes()
    {
        Assert.Equal("--fail-on takes one of none, low, medium, high; got 'severe'", CommandLineCheck.Problem(["analyze", "x", "--fail-on", "severe"]));
        Assert.Equal("--steps-per-epoch takes a number (N: steps per epoch); got nothing", CommandLineCheck.Problem(["analyze", "x", "--steps-per-epoch"]));
        Assert.Equal("--json is a switch and takes no value; got 'yes'", CommandLineCheck.Problem(["analyze", "x", "--json=yes"]));
        Assert.Equal("--epochs takes a whole number (N: epochs to train); got '2.5'", CommandLineCheck.Problem(["train", "--epochs", "2.5"]));
    }

    [Fact]
    public void A_misspelt_command_suggests_the_real_one()
    {
        Assert.Equal("unknown command 'analyse': did you mean 'analyze'? ('epochlens --help' lists the commands)", CommandLineCheck.Problem(["analyse", "x"]));
    }

    [Fact]
    public void The_tool_exits_2_on_a_misspelt_option_and_says_which_it_meant_on_standard_error_unwrapped()
    {
        var result = EpochLensProcess.Run(columns: null, "analyze", "/no/such/folder/with/a/long/name/that/would/not/fit/in/eighty/columns/log.csv", "--step-per-epoch", "158");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal("error: 'analyze' has no option --step-per-epoch: did you mean --steps-per-epoch?", result.Error.Trim());

        // A long error about a long path stays one line when standard error is a file or a pipe.
        var missing = EpochLensProcess.Run(columns: null, "analyze", "/no/such/folder/with/a/long/name/that/would/not/fit/in/eighty/columns/log.csv");
        Assert.Equal(2, missing.ExitCode);
        Assert.Single(missing.Error.Trim().Split('\n'));
    }

    private static IEnumerable<string> LongOptions(string command) => CommandLineCheck.LongOptions(command);

    private static bool TakesValue(string command, string option) => CommandLineCheck.TakesValue(command, option);

    [Fact]
    public void A_number_option_out_of_range_is_refused_naming_the_option_in_every_command()
    {
        var missed = new List<string>();
        foreach (var (command, settingsType) in CommandLineCheck.Commands)
        {
            foreach (var property in settingsType.GetProperties())
            {
                if (property.GetCustomAttributes(typeof(Spectre.Console.Cli.CommandOptionAttribute), false) is not [Spectre.Console.Cli.CommandOptionAttribute option]
                    || (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) is not { IsPrimitive: true } type || type == typeof(bool))
                {
                    continue;
                }

                // Any whole number is a seed.
                if (option.LongNames[0] == "seed")
                {
                    continue;
                }

                var settings = (Spectre.Console.Cli.CommandSettings)Activator.CreateInstance(settingsType)!;
                // The path argument, where the command takes one, so that the option is what is judged.
                foreach (var argument in settingsType.GetProperties().Where(p => p.GetCustomAttributes(typeof(Spectre.Console.Cli.CommandArgumentAttribute), false).Length > 0))
                {
                    argument.SetValue(settings, argument.PropertyType == typeof(string) ? "run" : argument.PropertyType == typeof(string[]) ? RunPaths : null);
                }

                property.SetValue(settings, Convert.ChangeType(-1, type, System.Globalization.CultureInfo.InvariantCulture));
                var result = settings.Validate();
                string name = "--" + option.LongNames[0];
                if (result.Successful || result.Message?.Contains(name, StringComparison.Ordinal) != true)
                {
                    missed.Add($"{command} {name} -1: {(result.Successful ? "accepted" : result.Message)}");
                }
            }
        }

        Assert.True(missed.Count == 0, string.Join("\n", missed));
    }
}
