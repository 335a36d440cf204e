namespace EpochLens.Cli.CommandLine;

/// <summary>
/// Checks a command line against the options its command declares before the parser sees it, so that a misspelt
/// option (which the parser would pass on as a remaining argument and ignore), an option given twice, or a value
/// of the wrong kind stops the run with a message that names the option, what it takes and what it got, and the
/// closest real option.
/// </summary>
public static class CommandLineCheck
{
    private static readonly string[] HelpOptions = ["-h", "--help", "-?"];

    /// <summary>The commands of this assembly by name ("analyze" for AnalyzeCommand) with their settings types.</summary>
    public static IReadOnlyDictionary<string, Type> Commands { get; } = typeof(CommandLineCheck).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(ICommand).IsAssignableFrom(t) && t.Name.EndsWith("Command", StringComparison.Ordinal))
        .Select(t => (Name: t.Name[..^"Command".Length].ToLowerInvariant(), Settings: SettingsOf(t)))
        .Where(c => c.Settings is not null)
        .ToDictionary(c => c.Name, c => c.Settings!, StringComparer.Ordinal);

    /// <summary>The long option names of <paramref name="command"/>, as help lists them.</summary>
    public static IEnumerable<string> LongOptions(string command) =>
        OptionSpec.Of(Commands[command]).SelectMany(o => o.Names).Where(n => n.StartsWith("--", StringComparison.Ordinal));

    /// <summary>Whether <paramref name="option"/> of <paramref name="command"/> takes a value.</summary>
    public static bool TakesValue(string command, string option) =>
        OptionSpec.Of(Commands[command]).Single(o => o.Names.Contains(option, StringComparer.Ordinal)).TakesValue;

    /// <summary>The options of <paramref name="command"/> whose value is a number.</summary>
    public static IEnumerable<string> NumberOptions(string command) =>
        OptionSpec.Of(Commands[command]).Where(o => o.TakesValue && !o.Converted && o.ValueType.IsPrimitive).Select(o => o.Name);

    /// <summary>What is wrong with <paramref name="args"/>, in one sentence, or null when the parser may have them.</summary>
    public static string? Problem(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        int at = 0;
        while (at < args.Count && args[at].StartsWith('-')) at++;

        if (at == args.Count) return null;

        string name = args[at];
        if (!Commands.TryGetValue(name, out var settings))
        {
            var closest = Closest(name, Commands.Keys);
            return closest is null ? null : $"unknown command '{name}': did you mean '{closest}'? ('epochlens --help' lists the commands)";
        }

        return Problem(name, OptionSpec.Of(settings), args.Skip(at + 1).ToList());
    }

    private static string? Problem(string command, IReadOnlyList<OptionSpec> options, List<string> args)
    {
        var given = new Dictionary<OptionSpec, string>();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg == "--") return null;

            if (!arg.StartsWith('-') || arg.Length == 1 || IsNumber(arg) || HelpOptions.Contains(arg, StringComparer.Ordinal))
                continue;

            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            string name = equals > 0 ? arg[..equals] : arg;
            var option = options.FirstOrDefault(o => o.Names.Contains(name, StringComparer.Ordinal));
            if (option is null)
            {
                var closest = Closest(name, options.SelectMany(o => o.Names.Where(n => n.StartsWith("--", StringComparison.Ordinal))));
                return closest is null
                    ? $"'{command}' has no option {name}: 'epochlens {command} --help' lists its options"
                    : $"'{command}' has no option {name}: did you mean {closest}?";
            }

            string? value = null;
            if (option.TakesValue)
            {
                if (equals > 0)
                {
                    value = arg[(equals + 1)..];
                }
                else if (i + 1 < args.Count && (!args[i + 1].StartsWith('-') || IsNumber(args[i + 1])))
                {
                    value = args[++i];
                }
                else
                {
                    return $"{option.Name} takes {Takes(option)}; got nothing";
                }

                if (WrongValue(option, value) is { } wrong) return wrong;
            }
            else if (equals > 0)
            {
                return $"{option.Name} is a switch and takes no value; got '{arg[(equals + 1)..]}'";
            }

            if (given.TryGetValue(option, out var earlier))
            {
                return option.TakesValue
                    ? $"{option.Name} is given twice ('{earlier}' and '{value}'): give it once"
                    : $"{option.Name} is given twice: give it once";
            }

            given[option] = value ?? "";
        }

        return null;
    }

    /// <summary>Why <paramref name="value"/> cannot be the option's value, or null when it can (or its own converter decides).</summary>
    private static string? WrongValue(OptionSpec option, string value)
    {
        var type = option.ValueType;
        if (option.Converted || type == typeof(string)) return null;

        bool fits = type.IsEnum
            ? Enum.GetNames(type).Contains(value.Trim(), StringComparer.OrdinalIgnoreCase)
            : type == typeof(int) ? int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            : type == typeof(long) ? long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            : type == typeof(double) ? double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d)
            : true;
        return fits ? null : $"{option.Name} takes {Takes(option)}; got '{value}'";
    }

    /// <summary>"a whole number (N)", "a number (RATE)", "one of none, low, medium, high".</summary>
    private static string Takes(OptionSpec option)
    {
        var type = option.ValueType;
        string what = option.Meaning.Length is > 0 and <= 60 ? $"{option.Placeholder}: {LowerFirst(option.Meaning)}" : option.Placeholder ?? "";
        return type.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant()))}"
            : type == typeof(int) || type == typeof(long) ? $"a whole number ({what})"
            : type == typeof(double) ? $"a number ({what})"
            : $"a value ({what})";
    }

    /// <summary>"Steps per epoch" as "steps per epoch", leaving "HTML report" and a name such as "Adam's" as they are.</summary>
    private static string LowerFirst(string text)
    {
        var first = text.Split(' ')[0];
        return first.Length > 1 && char.IsUpper(first[0]) && first[1..].All(char.IsLower) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    private static bool IsNumber(string arg) => double.TryParse(arg, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>The candidate nearest to <paramref name="name"/> by edit distance, when near enough to be a slip.</summary>
    private static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            int distance = EditDistance(name.ToLowerInvariant(), candidate);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        bool prefix = best is not null && best.StartsWith(name, StringComparison.OrdinalIgnoreCase) && name.TrimStart('-').Length >= 3;
        return best is not null && (bestDistance <= Math.Max(2, name.Length / 4) || prefix) ? best : null;
    }

    /// <summary>Edits (insert, delete, replace, swap of neighbours) between two strings.</summary>
    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;

        for (int j = 0; j <= b.Length; j++) d[0, j] = j;

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }

    private static Type? SettingsOf(Type command)
    {
        for (var type = command; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericArguments() is [var settings] && typeof(CommandSettings).IsAssignableFrom(settings))
                return settings;
        }

        return null;
    }
}
