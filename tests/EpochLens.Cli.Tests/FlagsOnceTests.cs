using EpochLens.Cli.CommandLine;
using EpochLens.Cli.Commands;

namespace EpochLens.Cli.Tests;

/// <summary>A flag means one thing in every command: a user who learned it in one need not relearn it in another.</summary>
public sealed class FlagsOnceTests
{
    private static readonly Type[] Commands =
        [.. typeof(CommonSettings).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Spectre.Console.Cli.CommandSettings)) && !t.IsAbstract)];

    [Fact]
    public void Every_name_of_a_flag_stands_with_the_same_other_names_and_takes_a_value_in_every_command_or_in_none()
    {
        var uses = Commands.SelectMany(c => OptionSpec.Of(c).SelectMany(o => o.Names.Select(n => (Name: n, Command: c.Name, Option: o))));
        foreach (var group in uses.GroupBy(u => u.Name))
        {
            var kinds = group.Select(u => $"{string.Join('|', u.Option.Names.Order(StringComparer.Ordinal))} takes a value: {u.Option.TakesValue}")
                .Distinct().ToList();
            Assert.True(kinds.Count == 1, $"{group.Key} means different things: {string.Join("; ", group.Select(u => $"{u.Command}: {string.Join('|', u.Option.Names)} {u.Option.Placeholder}"))}");
        }
    }

    [Fact]
    public void The_commands_that_take_options_are_all_checked()
    {
        // analyze, inspect, watch, summarize, train, demo, verify: a command left out of the check above would hide a clash.
        Assert.True(Commands.Length >= 7, string.Join(", ", Commands.Select(c => c.Name)));
    }
}
