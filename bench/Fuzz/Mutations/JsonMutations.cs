using System.Text;

namespace EpochLens.Bench.Fuzz.Mutations;

/// <summary>JSON made hostile in its structure: deep nesting, values of the wrong type, unclosed documents.</summary>
internal static class JsonMutations
{
    private static readonly string[] WrongValues = ["\"1.5\"", "true", "null", "[]", "{}", "[1,2,3]", "\"NaN\"", "\"\""];

    private static bool Json(FileKind kind) => kind is FileKind.JsonLines or FileKind.JsonDocument;

    public static IEnumerable<Mutation> All()
    {
        yield return Mutation.OnContent("deep-nesting", Json, (data, random) =>
        {
            int depth = random.Next(3) switch { 0 => 100, 1 => 10_000, _ => 1_000_000 };
            string open = random.Next(2) == 0 ? "[" : "{\"a\":";
            string close = open == "[" ? "]" : "}";
            var nested = new StringBuilder(depth * (open.Length + 1));
            nested.Insert(0, open, depth).Append('1').Insert(nested.Length, close, random.Next(2) == 0 ? depth : depth / 2);
            return InsertAtValue(data, random, nested.ToString());
        });
        yield return Mutation.OnContent("wrong-value-type", Json, (data, random) =>
            InsertAtValue(data, random, WrongValues[random.Next(WrongValues.Length)]));
        yield return Mutation.OnContent("unclosed", Json, (data, random) =>
        {
            int at = Array.LastIndexOf(data, random.Next(2) == 0 ? (byte)'}' : (byte)']');
            return at < 0 ? data : data[..at];
        });
    }

    /// <summary>Puts the text where a value starts (after a colon), or at a random place when there is none.</summary>
    private static byte[] InsertAtValue(byte[] data, Random random, string value)
    {
        var colons = new List<int>();
        for (int i = 0; i < data.Length && colons.Count < 100_000; i++)
        {
            if (data[i] == (byte)':')
            {
                colons.Add(i + 1);
            }
        }

        int at = colons.Count > 0 ? colons[random.Next(colons.Count)] : random.Next(data.Length + 1);
        int end = at;
        while (end < data.Length && data[end] is not ((byte)',' or (byte)'}' or (byte)']' or (byte)'\n'))
        {
            end++;
        }

        return [.. data.AsSpan(0, at), .. Encoding.UTF8.GetBytes(value), .. data.AsSpan(end)];
    }
}
