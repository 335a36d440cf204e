using System.Text;
using System.Text.RegularExpressions;

namespace EpochLens.Bench.Fuzz.Mutations;

/// <summary>
/// Numbers in a text log (steps, epochs, losses, counters) replaced by extremes: huge, negative, at the edges of
/// 64-bit integers, NaN and infinities in their spellings, 10,000-digit numbers, denormals, hex.
/// </summary>
internal static partial class NumberMutations
{
    private static readonly string[] Extremes =
    [
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "4611686018427387904", "-4611686018427387904",
        "99999999999999999999", "18446744073709551615", "2147483648", "-2147483649", "1e308", "-1e308", "1e309", "4.9e-324",
        "1e-400", "NaN", "nan", "-nan", "Infinity", "-Infinity", "inf", "-inf", "1.#INF", "0", "-0", "-1", "-5039", "0x1F",
        "1e18", "3.5e15", "1_000", "1,5", "+7", ".5", "5.", "--1", "1e", "e5", "0.1.2",
    ];

    public static IEnumerable<Mutation> All()
    {
        yield return Mutation.OnContent("numbers-extreme", FileKinds.IsLines, (data, random) => Replace(data, random, _ => Extremes[random.Next(Extremes.Length)]));
        yield return Mutation.OnContent("numbers-10000-digits", FileKinds.IsLines, (data, random) => Replace(data, random, _ => LongNumber(random)));
        yield return Mutation.OnContent("numbers-negated", FileKinds.IsLines, (data, random) => Replace(data, random, n => n.StartsWith('-') ? n[1..] : "-" + n));
        yield return Mutation.OnContent("numbers-scaled", FileKinds.IsLines, (data, random) => Replace(data, random, n => n + "000000000000"));
    }

    private static string LongNumber(Random random)
    {
        var digits = new StringBuilder(random.Next(2) == 0 ? "-" : "");
        digits.Append((char)('1' + random.Next(9)));
        digits.Append('7', 10_000);
        if (random.Next(2) == 0)
        {
            digits.Append(".5");
        }

        return digits.ToString();
    }

    /// <summary>Replaces one to five (sometimes every) numbers of the text; Latin-1 keeps any other bytes as they were.</summary>
    private static byte[] Replace(byte[] data, Random random, Func<string, string> replacement)
    {
        string text = Encoding.Latin1.GetString(data);
        var matches = NumberPattern().Matches(text);
        if (matches.Count == 0)
        {
            return data;
        }

        bool all = random.Next(8) == 0;
        var chosen = new HashSet<int>();
        int count = all ? matches.Count : 1 + random.Next(5);
        for (int i = 0; i < count; i++)
        {
            chosen.Add(all ? i : random.Next(matches.Count));
        }

        var result = new StringBuilder(text.Length + 64);
        int last = 0;
        for (int i = 0; i < matches.Count; i++)
        {
            if (!chosen.Contains(i))
            {
                continue;
            }

            var match = matches[i];
            result.Append(text, last, match.Index - last).Append(replacement(match.Value));
            last = match.Index + match.Length;
        }

        result.Append(text, last, text.Length - last);
        return Encoding.Latin1.GetBytes(result.ToString());
    }

    [GeneratedRegex(@"-?\d+(\.\d+)?([eE][-+]?\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
