namespace EpochLens.Bench.Fuzz;

/// <summary>Builds, writes and runs the cases, a few at a time, and gathers their results in case order.</summary>
internal static class FuzzRun
{
    public static FuzzSummary Execute(FuzzOptions options, TextWriter? progress = null)
    {
        var seeds = SeedCatalog.Load(options.Seeds);
        var builder = new CaseBuilder(seeds, options.Seed);
        var runner = new CaseRunner(options);
        string work = Path.Combine(options.Output, $"seed-{options.Seed}");
        Directory.CreateDirectory(work);
        var results = new CaseResult[options.Cases];
        var outcomes = new int[Enum.GetValues<Outcome>().Length];
        int done = 0, defects = 0;

        // One line per finished case, so a run stopped early still has every outcome it reached.
        using var log = new StreamWriter(Path.Combine(options.Output, $"results-seed{options.Seed}-{options.First}-{options.Cases}.tsv"), append: true);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Parallel.For(0, options.Cases, new ParallelOptions { MaxDegreeOfParallelism = options.Jobs }, offset =>
        {
            int index = options.First + offset;
            string folder = Path.Combine(work, $"case-{index:D6}");
            CaseResult result;
            try
            {
                var fuzzCase = builder.Build(index);
                CaseMaterializer.Write(fuzzCase, folder);
                result = runner.Run(fuzzCase, folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // The fuzzer's own failure to write a case (a name the file system refuses) is no defect of the tool,
                // but is counted, so a run never silently tests less than it says.
                result = new CaseResult(index, "", [], [], Outcome.NotRun, -1, 0, 0, e.Message);
            }

            results[offset] = result;
            if (!result.IsDefect && !options.KeepAll)
            {
                Remove(folder);
            }

            Interlocked.Increment(ref outcomes[(int)result.Outcome]);
            lock (log)
            {
                log.WriteLine(string.Join('\t', result.Index, result.Outcome, result.ExitCode, result.Seconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
                    result.PeakKilobytes, string.Join('+', result.Mutations), result.SeedName, RawControlScan.Escape(string.Join(' ', result.Arguments.Skip(2)))));
                log.Flush();
            }

            int finished = Interlocked.Increment(ref done);
            if (result.IsDefect)
            {
                Interlocked.Increment(ref defects);
                progress?.WriteLine($"case {index}: {result.Outcome} ({string.Join('+', result.Mutations)}): {result.Detail}");
            }

            if (finished % 50 == 0)
            {
                var counts = string.Join(", ", Enum.GetValues<Outcome>().Select(o => $"{o} {Volatile.Read(ref outcomes[(int)o])}"));
                progress?.WriteLine($"{finished}/{options.Cases} cases, {Volatile.Read(ref defects)} defects, {clock.Elapsed.TotalMinutes:0.0} min: {counts}");
            }
        });

        return new FuzzSummary(options, results, clock.Elapsed);
    }

    /// <summary>Deletes a case folder; one the case made odd (a folder renamed away, a loop) is left, not fatal.</summary>
    private static void Remove(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
