namespace EpochLens.Bench.Fuzz.Mutations;

/// <summary>
/// Files that are not regular files where a log is expected: FIFOs (named like logs, alone or beside good logs),
/// symlink loops, links to devices that never end, an empty folder.
/// </summary>
internal static class FileSystemMutations
{
    private static readonly string[] LogNames = ["metrics.csv", "events.out.tfevents.1.host", "trainer_state.json", "train.log", "steps.jsonl", "history.json"];

    private static readonly string[] Devices = ["/dev/zero", "/dev/urandom", "/dev/null", "/dev/full"];

    public static IEnumerable<Mutation> All()
    {
        yield return new Mutation("fifo-as-log", c => c.Primary is not null, (c, _) =>
        {
            var file = c.Primary!;
            c.Files.Remove(file);
            c.Primary = null;
            c.Fifos.Add(file.Path);
        });
        yield return new Mutation("fifo-beside-logs", c => true, (c, random) =>
        {
            c.Target = c.TargetFolder;
            c.Fifos.Add(Path.Combine(c.Target, LogNames[random.Next(LogNames.Length)]).Replace('\\', '/'));
        });
        yield return new Mutation("symlink-loop", c => true, (c, random) =>
        {
            c.Target = c.TargetFolder;
            string at = c.Target == "." ? "" : c.Target + "/";
            c.Symlinks.Add((at + "loop", "."));
            c.Symlinks.Add((at + "a.csv", "b.csv"));
            c.Symlinks.Add((at + "b.csv", "a.csv"));
            if (random.Next(3) == 0)
            {
                c.Target = at + "a.csv";
            }
        });
        yield return new Mutation("link-to-device", c => true, (c, random) =>
        {
            string link = LogNames[random.Next(LogNames.Length)];
            c.Symlinks.Add((link, Devices[random.Next(Devices.Length)]));
            c.Target = random.Next(2) == 0 ? link : ".";
        });
        yield return new Mutation("folder-emptied", c => c.Target == ".", (c, _) =>
        {
            c.Files.Clear();
            c.Primary = null;
        });
    }
}
