using System.Text;
using System.Text.Json;

namespace EpochLens.Bench.Fuzz.Mutations;

/// <summary>
/// Names from the log made hostile: CSV headers, JSON keys (escaped and raw), words in printed lines, MLflow metric
/// files, and the names of the files and folders themselves.
/// </summary>
internal static class NameMutations
{
    public static IEnumerable<Mutation> All()
    {
        yield return Mutation.OnContent("hostile-csv-header", kind => kind == FileKind.Csv, (data, random) =>
        {
            var lines = TextLines.Split(data);
            if (lines.Count == 0)
            {
                return data;
            }

            var fields = Encoding.UTF8.GetString(lines[0]).Split(',');
            fields[random.Next(fields.Length)] = HostileText.Pick(random);
            lines[0] = Encoding.UTF8.GetBytes(string.Join(',', fields));
            return TextLines.Join(lines);
        });
        yield return Mutation.OnContent("hostile-json-key", kind => kind is FileKind.JsonLines or FileKind.JsonDocument, (data, random) =>
        {
            string text = Encoding.UTF8.GetString(data);
            string key = random.Next(2) == 0 ? JsonSerializer.Serialize(HostileText.Pick(random)) : "\"" + HostileText.Pick(random) + "\"";
            string[] targets = ["\"loss\"", "\"step\"", "\"epoch\"", "\"learning_rate\"", "\"lr\""];
            string target = targets.FirstOrDefault(t => text.Contains(t, StringComparison.Ordinal)) ?? "\"";
            return Encoding.UTF8.GetBytes(random.Next(2) == 0 ? text.Replace(target, key, StringComparison.Ordinal) : ReplaceOnce(text, target, key));
        });
        yield return Mutation.OnContent("hostile-words", FileKinds.IsLines, (data, random) => LineMutations.EditLines(data, random, (lines, at) =>
        {
            string line = Encoding.UTF8.GetString(lines[at]);
            int cut = random.Next(line.Length + 1);
            lines[at] = Encoding.UTF8.GetBytes(line[..cut] + HostileText.Pick(random) + line[cut..]);
        }));
        yield return new Mutation("hostile-file-name", c => c.Primary is not null, (c, random) =>
        {
            var file = c.Primary!;
            string folder = Path.GetDirectoryName(file.Path) ?? "";
            string name = Path.GetFileName(file.Path);

            // Keep what detection goes by: the event-file prefix, the extension, an MLflow metric folder.
            string renamed = name.Contains("tfevents", StringComparison.Ordinal) ? name + HostileText.PickFileName(random) : HostileText.PickFileName(random) + name;
            Rename(c, file, Path.Combine(folder, renamed).Replace('\\', '/'));
        });
        yield return new Mutation("hostile-folder-name", c => c.Files.Count > 0, (c, random) =>
        {
            string folder = HostileText.PickFileName(random);
            foreach (var file in c.Files)
            {
                file.Path = folder + "/" + file.Path;
            }

            for (int i = 0; i < c.Fifos.Count; i++)
            {
                c.Fifos[i] = folder + "/" + c.Fifos[i];
            }

            for (int i = 0; i < c.Symlinks.Count; i++)
            {
                c.Symlinks[i] = (folder + "/" + c.Symlinks[i].Link, c.Symlinks[i].PointsTo);
            }

            c.Target = c.Target == "." ? folder : random.Next(2) == 0 ? folder : folder + "/" + c.Target;
        });
    }

    private static void Rename(FuzzCase c, CaseFile file, string path)
    {
        if (c.Target == file.Path)
        {
            c.Target = path;
        }

        file.Path = path;
    }

    private static string ReplaceOnce(string text, string target, string replacement)
    {
        int at = text.IndexOf(target, StringComparison.Ordinal);
        return at < 0 ? text : text[..at] + replacement + text[(at + target.Length)..];
    }
}
