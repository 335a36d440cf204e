using System.Text;

namespace EpochLens.Bench.Fuzz.Mutations;

/// <summary>CSV tables with a column duplicated, missing in the header or in rows, extra fields, an empty header.</summary>
internal static class ColumnMutations
{
    public static IEnumerable<Mutation> All()
    {
        static bool Csv(FileKind kind) => kind == FileKind.Csv;
        yield return Mutation.OnContent("column-duplicated", Csv, (data, random) => EachLine(data, random, (fields, column, _) => fields.Insert(column, fields[column])));
        yield return Mutation.OnContent("column-missing", Csv, (data, random) => EachLine(data, random, (fields, column, _) => fields.RemoveAt(column)));
        yield return Mutation.OnContent("header-name-duplicated", Csv, (data, random) => HeaderOnly(data, random, fields => fields[random.Next(fields.Count)] = fields[random.Next(fields.Count)]));
        yield return Mutation.OnContent("header-column-missing", Csv, (data, random) => HeaderOnly(data, random, fields => fields.RemoveAt(random.Next(fields.Count))));
        yield return Mutation.OnContent("header-emptied", Csv, (data, random) => HeaderOnly(data, random, fields => fields[random.Next(fields.Count)] = ""));
        yield return Mutation.OnContent("rows-ragged", Csv, (data, random) => EachLine(data, random, (fields, column, row) =>
        {
            if (row > 0 && random.Next(3) == 0)
            {
                fields.Add("1");
            }
        }));
        yield return Mutation.OnContent("header-only", Csv, (data, _) => TextLines.Join(TextLines.Split(data).Take(1)));
    }

    private static byte[] HeaderOnly(byte[] data, Random random, Action<List<string>> edit) => EachLine(data, random, (fields, _, row) =>
    {
        if (row == 0)
        {
            edit(fields);
        }
    });

    /// <summary>Applies an edit to every line's fields; the column chosen once, so rows and header stay aligned or not as the edit decides.</summary>
    private static byte[] EachLine(byte[] data, Random random, Action<List<string>, int, int> edit)
    {
        var lines = TextLines.Split(data);
        if (lines.Count == 0)
        {
            return data;
        }

        char delimiter = Encoding.Latin1.GetString(lines[0]).Contains('\t', StringComparison.Ordinal) ? '\t' : ',';
        int width = Encoding.Latin1.GetString(lines[0]).Split(delimiter).Length;
        int column = random.Next(width);
        for (int row = 0; row < lines.Count; row++)
        {
            var fields = Encoding.Latin1.GetString(lines[row]).Split(delimiter).ToList();
            if (column < fields.Count)
            {
                edit(fields, column, row);
            }

            lines[row] = Encoding.Latin1.GetBytes(string.Join(delimiter, fields));
        }

        return TextLines.Join(lines);
    }
}
