using System.Diagnostics;
using EpochLens.Readers;
using EpochLens.Readers.Input;
using EpochLens.Readers.Text;

namespace EpochLens.Bench.TextLogSpeed;

/// <summary>Times each stage of the text reader alone on the same file, to show where the time goes.</summary>
internal static class Stages
{
    public static void Print(string file, double megabytes)
    {
        var options = ReadOptions.Default;
        var reporter = new ProblemReporter(file, new ProblemLog(), strict: false);
        var clock = Stopwatch.StartNew();
        long segments = 0;
        using (var lines = new ConsoleLineReader(file, options, reporter))
        {
            while (lines.TryRead(out _))
            {
                segments++;
            }
        }

        double scan = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var tokenizer = new LineTokenizer();
        long fields = 0;
        using (var lines = new ConsoleLineReader(file, options, reporter))
        {
            while (lines.TryRead(out var text))
            {
                tokenizer.Tokenize(text);
                fields += tokenizer.Count;
            }
        }

        double tokenize = clock.Elapsed.TotalSeconds;
        clock.Restart();
        TextLogParser parser;
        using (var lines = new ConsoleLineReader(file, options, reporter))
        {
            parser = new TextLogParser(new(file, options, reporter, lines));
            while (lines.TryRead(out var text))
            {
                parser.Parse(text);
            }
        }

        double parse = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var logs = new TextLogBuilder(file, options, reporter, parser).Build();
        double build = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"stages: line scanning {scan:F3} s ({megabytes / scan:F0} MB/s, {segments:N0} lines); + tokenizing {tokenize:F3} s ({fields:N0} fields); + parsing {parse:F3} s; building {build:F3} s ({logs.Count} log)");
    }
}
