using System.Reflection;

namespace EpochLens.Cli.CommandLine;

/// <summary>One option of a command as its settings class declares it: its names, its value's placeholder and type.</summary>
/// <param name="Names">Every spelling, e.g. "-o" and "--output".</param>
/// <param name="Placeholder">What the help calls its value ("N", "FILE"), or null for a flag.</param>
/// <param name="ValueType">The property's type, without Nullable.</param>
/// <param name="Converted">True when the property names its own converter, so its text is not checked here.</param>
/// <param name="Meaning">The first words of its help ("Steps per epoch"), or empty.</param>
internal sealed record OptionSpec(IReadOnlyList<string> Names, string? Placeholder, Type ValueType, bool Converted, string Meaning)
{
    public bool TakesValue => Placeholder is not null;

    /// <summary>The name help shows first among the long ones: "--output" for "-o|--output".</summary>
    public string Name => Names.FirstOrDefault(n => n.StartsWith("--", StringComparison.Ordinal)) ?? Names[0];

    /// <summary>The options of <paramref name="settings"/> and its base classes.</summary>
    public static IReadOnlyList<OptionSpec> Of(Type settings)
    {
        var options = new List<OptionSpec>();
        foreach (var property in settings.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<CommandOptionAttribute>() is not { } option) continue;

            var names = option.LongNames.Select(n => "--" + n).Concat(option.ShortNames.Select(n => "-" + n)).ToList();
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            string? placeholder = option.ValueName is { Length: > 0 } value && type != typeof(bool) ? value : null;
            options.Add(new OptionSpec(names, placeholder, type, property.GetCustomAttribute<TypeConverterAttribute>() is not null, HelpStart(property)));
        }

        return options;
    }

    /// <summary>The help's first clause, up to a bracket, a full stop or a colon: "Steps per epoch".</summary>
    private static string HelpStart(PropertyInfo property)
    {
        var text = property.GetCustomAttribute<DescriptionAttribute>()?.Description ?? "";
        int end = text.IndexOfAny(['(', '.', ':', ';']);
        return (end >= 0 ? text[..end] : text).Trim();
    }
}
