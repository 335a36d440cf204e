using System.Text;

namespace EpochLens.Bench.Fuzz.Mutations;

/// <summary>Text in encodings the readers do not expect: invalid UTF-8, UTF-16 (with and without a BOM), stray BOMs.</summary>
internal static class EncodingMutations
{
    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xFE, 0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xC3],
    ];

    public static IEnumerable<Mutation> All()
    {
        yield return Mutation.OnContent("invalid-utf8", FileKinds.IsLines, (data, random) =>
        {
            var result = data;
            for (int i = 0, n = 1 + random.Next(6); i < n; i++)
            {
                result = ByteMutations.Insert(result, random.Next(result.Length + 1), InvalidUtf8[random.Next(InvalidUtf8.Length)]);
            }

            return result;
        });
        yield return Mutation.OnContent("utf16", FileKinds.IsLines, (data, random) =>
        {
            var encoding = new UnicodeEncoding(bigEndian: random.Next(2) == 0, byteOrderMark: random.Next(2) == 0);
            return [.. encoding.GetPreamble(), .. encoding.GetBytes(Encoding.UTF8.GetString(data))];
        });
        yield return Mutation.OnContent("stray-bom", FileKinds.IsLines, (data, random) =>
            ByteMutations.Insert(data, random.Next(2) == 0 ? 0 : random.Next(data.Length + 1), [0xEF, 0xBB, 0xBF]));
    }
}
