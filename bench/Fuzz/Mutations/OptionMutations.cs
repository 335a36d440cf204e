namespace EpochLens.Bench.Fuzz.Mutations;

/// <summary>Options with hostile values: epoch lengths out of range, a forced wrong format, hostile metric and column names.</summary>
internal static class OptionMutations
{
    private static readonly string[] StepsPerEpoch = ["0", "-1", "1", "2", "3", "99999999999999999999", "9223372036854775807", "4611686018427387904", "1000000000", "abc", "5039", "1.5"];

    private static readonly string[] Formats = ["tensorboard", "csv", "jsonl", "json", "mlflow", "huggingface", "keras", "mmengine", "text", "epochlens", "nope"];

    private static readonly string[] Metrics = ["loss", "train/loss", "missing", "", "val_loss", "lr"];

    public static IEnumerable<Mutation> All()
    {
        yield return new Mutation("option-steps-per-epoch", c => c.Command == "analyze", (c, random) =>
            c.Options.AddRange(["--steps-per-epoch", StepsPerEpoch[random.Next(StepsPerEpoch.Length)]]));
        yield return new Mutation("option-format", c => true, (c, random) => c.Options.AddRange(["--format", Formats[random.Next(Formats.Length)]]));
        yield return new Mutation("option-metric", c => true, (c, random) =>
            c.Options.AddRange(["--metric", random.Next(2) == 0 ? HostileText.PickFileName(random) : Metrics[random.Next(Metrics.Length)]]));
        yield return new Mutation("option-columns", c => true, (c, random) =>
            c.Options.AddRange([random.Next(2) == 0 ? "--step-column" : "--epoch-column", random.Next(2) == 0 ? HostileText.PickFileName(random) : Metrics[random.Next(Metrics.Length)]]));
        yield return new Mutation("option-no-infer", c => c.Command == "analyze", (c, _) => c.Options.Add("--no-infer"));
        yield return new Mutation("option-strict", c => c.Command == "inspect", (c, _) => c.Options.Add("--strict"));
    }
}
