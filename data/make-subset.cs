#:project ../src/EpochLens.Torch/EpochLens.Torch.csproj

// Makes the Fashion-MNIST subset EpochLens embeds: 5039 training images from the 60000 of the training
// set and 1000 held-out images from the 10000 of t10k, class-stratified and seeded, written as gzip IDX.
// Usage: dotnet run data/make-subset.cs -- <fashion-mnist folder> <output folder>
// See data/README.md for the selection rule; the same input always gives the same output bytes.

using System.Security.Cryptography;
using EpochLens.Torch.Data;

const int TrainCount = 5039; // the epoch size of the run EpochLens was built to explain
const int HeldOutCount = 1000;
const ulong Seed = 5039;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: dotnet run data/make-subset.cs -- <fashion-mnist folder> <output folder>");
    return 2;
}

var source = IdxDirectory.Load(args[0]);
var output = args[1];
Directory.CreateDirectory(output);

// Separate generators per split, so changing one split's size never changes the other's images.
var train = source.Train.Subset(StratifiedSample(source.Train.Labels, TrainCount, new SplitMix64(Seed)));
var heldOut = source.HeldOut.Subset(StratifiedSample(source.HeldOut.Labels, HeldOutCount, new SplitMix64(Seed + 1)));

Save(train, "train");
Save(heldOut, "t10k");
Console.WriteLine($"train    {train.Count} images, per class {string.Join(" ", train.CountPerClass())}");
Console.WriteLine($"held out {heldOut.Count} images, per class {string.Join(" ", heldOut.CountPerClass())}");
foreach (var path in Directory.GetFiles(output, "*.gz").Order(StringComparer.Ordinal))
{
    var bytes = File.ReadAllBytes(path);
    Console.WriteLine($"{Convert.ToHexStringLower(SHA256.HashData(bytes))}  {Path.GetFileName(path)}  ({bytes.Length} bytes)");
}

return 0;

void Save(LabeledImages images, string prefix)
{
    IdxFile.Write(
        Path.Combine(output, $"{prefix}-images-idx3-ubyte.gz"),
        new IdxArray([images.Count, images.Rows, images.Columns], images.Pixels),
        gzip: true);
    IdxFile.Write(
        Path.Combine(output, $"{prefix}-labels-idx1-ubyte.gz"),
        new IdxArray([images.Count], images.Labels),
        gzip: true);
}

// Class c gets total / 10 images, and the first total % 10 classes (by label) one more, so the counts differ
// by at most one. Within a class, a partial Fisher-Yates shuffle of its source indices (in source order)
// picks the images. The picks are then sorted, so the subset keeps the source's order.
static int[] StratifiedSample(byte[] labels, int total, SplitMix64 random)
{
    var picked = new List<int>(total);
    for (var label = 0; label < LabeledImages.ClassCount; label++)
    {
        var want = (total / LabeledImages.ClassCount) + (label < total % LabeledImages.ClassCount ? 1 : 0);
        var members = Enumerable.Range(0, labels.Length).Where(i => labels[i] == label).ToArray();
        if (members.Length < want)
        {
            throw new InvalidOperationException($"class {label} has {members.Length} images, fewer than the {want} wanted");
        }

        for (var i = 0; i < want; i++)
        {
            var j = i + (int)random.NextBelow((ulong)(members.Length - i));
            (members[i], members[j]) = (members[j], members[i]);
        }

        picked.AddRange(members.AsSpan(0, want));
    }

    picked.Sort();
    return [.. picked];
}

// SplitMix64 (Steele, Lea and Flood 2014), written out rather than System.Random so the selection
// depends on nothing that a runtime update could change.
sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    // Rejection sampling keeps the draw exactly uniform: no modulo bias.
    public ulong NextBelow(ulong bound)
    {
        var limit = ulong.MaxValue - (ulong.MaxValue % bound);
        ulong x;
        do
        {
            x = Next();
        }
        while (x >= limit);
        return x % bound;
    }
}
