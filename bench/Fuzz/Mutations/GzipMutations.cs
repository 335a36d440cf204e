using System.IO.Compression;
using System.Text;

namespace EpochLens.Bench.Fuzz.Mutations;

/// <summary>
/// Compression hazards: a log gzipped (so its damage sits under the compression), gzip bombs of valid rows and of
/// zeros (gigabytes from megabytes, as concatenated gzip members), and compressed streams cut short or followed by junk.
/// </summary>
internal static class GzipMutations
{
    private const int BlockBytes = 1 << 20;

    private static readonly Dictionary<string, byte[]> BlockCache = [];

    public static IEnumerable<Mutation> All()
    {
        yield return new Mutation("gzipped", c => c.Primary is { IsGzip: false }, (c, _) =>
        {
            var file = c.Primary!;
            file.Content = Gzip.Compress(file.Content);
            Rename(c, file, file.Path + ".gz");
        });
        yield return new Mutation("gzip-bomb", c => c.Primary is not null, (c, random) =>
        {
            var file = c.Primary!;
            var (header, row) = file.Kind switch
            {
                FileKind.JsonLines => ("", "{\"loss\": 0.5}\n"),
                FileKind.Text => ("", "epoch 1 loss 0.5\n"),
                FileKind.JsonDocument => ("[", "{\"loss\": 0.5},"),
                _ => ("loss\n", "0.5\n"),
            };
            long gigabytes = random.Next(3) switch { 0 => 1, 1 => 4, _ => 16 };
            file.Content = Bomb(header, random.Next(4) == 0 ? "\0" : row, gigabytes);
            if (!file.IsGzip)
            {
                Rename(c, file, file.Path + ".gz");
            }
        });
        yield return new Mutation("gzip-cut", c => c.Files.Any(f => f.IsGzip), (c, random) =>
        {
            var file = c.Files.First(f => f.IsGzip);
            file.Content = file.Content[..random.Next(file.Content.Length + 1)];
        });
        yield return new Mutation("gzip-trailing-junk", c => c.Files.Any(f => f.IsGzip), (c, random) =>
        {
            var file = c.Files.First(f => f.IsGzip);
            var junk = new byte[1 + random.Next(100)];
            random.NextBytes(junk);
            file.Content = [.. file.Content, .. junk];
        });
    }

    /// <summary>Many copies of one compressed megabyte of rows: each member decompresses on its own, so the file is a valid gzip stream.</summary>
    private static byte[] Bomb(string header, string row, long gigabytes)
    {
        var block = Block(row);
        long copies = (gigabytes << 30) / BlockBytes;
        using var bomb = new MemoryStream();
        bomb.Write(Gzip.Compress(Encoding.UTF8.GetBytes(header)));
        for (long i = 0; i < copies; i++)
        {
            bomb.Write(block);
        }

        return bomb.ToArray();
    }

    private static byte[] Block(string row)
    {
        lock (BlockCache)
        {
            if (!BlockCache.TryGetValue(row, out var block))
            {
                var text = new StringBuilder(BlockBytes + row.Length);
                while (text.Length + row.Length <= BlockBytes)
                {
                    text.Append(row);
                }

                using var memory = new MemoryStream();
                using (var gzip = new GZipStream(memory, CompressionLevel.SmallestSize, leaveOpen: true))
                {
                    gzip.Write(Encoding.UTF8.GetBytes(text.ToString()));
                }

                BlockCache[row] = block = memory.ToArray();
            }

            return block;
        }
    }

    private static void Rename(FuzzCase c, CaseFile file, string path)
    {
        if (c.Target == file.Path)
        {
            c.Target = path;
        }

        file.Path = path;
    }
}
