namespace EpochLens.Reports.Html;

/// <summary>The report's only style sheet, inlined: readable on a laptop, figures scale to the page, print keeps figures whole.</summary>
internal static class ReportStyles
{
    public const string Css = """
        :root { --ink: #1d1d1f; --muted: #5f6368; --line: #d9dce1; --warn: #9a5b00; --ok: #1e7b34; --grey: #5f6368; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
        main { max-width: 1040px; margin: 0 auto; padding: 24px 28px 48px; }
        h1 { font-size: 1.5rem; margin: 0 0 4px; }
        h2 { font-size: 1.25rem; margin: 36px 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 4px; overflow-wrap: anywhere; }
        h3 { font-size: 1.1rem; margin: 28px 0 8px; }
        h4 { font-size: 1rem; margin: 0 0 6px; }
        .meta, figcaption, .muted { color: var(--muted); font-size: 0.9rem; }
        .verdict { font-size: 1.15rem; padding: 12px 16px; border-left: 6px solid var(--grey); background: #f5f6f7; margin: 12px 0; }
        .verdict.findings { border-color: var(--warn); background: #fff7ea; }
        .verdict.no-structure { border-color: var(--ok); background: #eef8f0; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 0.92rem; }
        th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
        th { background: #f5f6f7; word-break: normal; overflow-wrap: normal; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .finding { border: 1px solid var(--line); border-radius: 6px; padding: 14px 16px; margin: 14px 0; }
        .finding p { margin: 6px 0; }
        .badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 0.85rem; background: #eceef1; margin-right: 4px; }
        .badge.high { background: #fde2e1; } .badge.medium { background: #fff0cc; } .badge.low { background: #e6f0ff; }
        figure { margin: 16px 0; break-inside: avoid; page-break-inside: avoid; }
        figure svg { display: block; width: 100%; height: auto; max-width: 960px; border: 1px solid var(--line); }
        figcaption strong { color: var(--ink); }
        details { margin: 12px 0; } summary { cursor: pointer; font-weight: 600; }
        code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.9em; }
        .answer { font-size: 1.08rem; margin: 8px 0; }
        .side-by-side { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px; align-items: start; }
        .side-by-side .verdict { font-size: 1rem; }
        @media print {
          @page { size: A4; margin: 14mm; }
          body { font-size: 10pt; }
          main { max-width: none; padding: 0; }
          h2 { break-before: page; } main > section:first-of-type h2 { break-before: auto; }
          .side-by-side { grid-template-columns: 1fr 1fr; }
          h3, h4 { break-after: avoid; }
          .finding, table { break-inside: avoid; }
          .verdict { border-left-width: 4px; }
          figure svg { max-width: 100%; }
        }
        """;
}
