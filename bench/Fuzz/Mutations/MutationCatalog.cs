namespace EpochLens.Bench.Fuzz.Mutations;

/// <summary>Every mutation the fuzzer knows, in a fixed order (the order is part of what makes a run repeatable).</summary>
internal static class MutationCatalog
{
    public static IReadOnlyList<Mutation> All { get; } =
    [
        .. ByteMutations.All(),
        .. LineMutations.All(),
        .. NumberMutations.All(),
        .. EncodingMutations.All(),
        .. ColumnMutations.All(),
        .. JsonMutations.All(),
        .. TfRecordMutations.All(),
        .. NameMutations.All(),
        .. GzipMutations.All(),
        .. FileSystemMutations.All(),
        .. OptionMutations.All(),
    ];
}
