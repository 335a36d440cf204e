namespace EpochLens.Bench.Fuzz.Mutations;

/// <summary>One way of damaging a case; <see cref="AppliesTo"/> keeps it to the cases it makes sense for.</summary>
internal sealed record Mutation(string Name, Func<FuzzCase, bool> AppliesTo, Action<FuzzCase, Random> Apply)
{
    /// <summary>
    /// A change of one file's content (decompressed first when the file is gzipped, and compressed again after),
    /// for files of the given kinds.
    /// </summary>
    public static Mutation OnContent(string name, Func<FileKind, bool> kinds, Func<byte[], Random, byte[]> change) =>
        new(name, c => c.Files.Any(f => kinds(f.Kind)), (c, random) =>
        {
            var file = c.PickFile(random) is { } picked && kinds(picked.Kind) ? picked : c.Files.First(f => kinds(f.Kind));
            var content = file.IsGzip ? Gzip.TryDecompress(file.Content) : file.Content;
            if (content is null)
            {
                // Already damaged as gzip: change the compressed bytes themselves.
                file.Content = change(file.Content, random);
                return;
            }

            var changed = change(content, random);
            file.Content = file.IsGzip ? Gzip.Compress(changed) : changed;
        });

    /// <summary>A change of one file's bytes as stored (a gzipped file's compressed bytes).</summary>
    public static Mutation OnStoredBytes(string name, Func<byte[], Random, byte[]> change) =>
        new(name, c => c.Files.Count > 0, (c, random) =>
        {
            var file = c.PickFile(random)!;
            file.Content = change(file.Content, random);
        });

    public static bool AnyKind(FileKind kind) => true;
}
