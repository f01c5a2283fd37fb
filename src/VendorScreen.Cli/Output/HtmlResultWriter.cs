using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using VendorScreen.Cli.Input;

namespace VendorScreen.Cli.Output;

/// <summary>What a report says about the run as a whole: the input, the lists screened against, the policy and the algorithm.</summary>
/// <param name="Input">The input file as the user named it.</param>
/// <param name="GeneratedAt">When the report was written.</param>
/// <param name="Policy">The policy name.</param>
/// <param name="Algorithm">The name-matching algorithm.</param>
/// <param name="Snapshots">The list snapshots screened against, with versions and SHA-256s.</param>
internal sealed record ReportInfo(string Input, DateTimeOffset GeneratedAt, string Policy, string Algorithm, IReadOnlyList<ListSnapshot> Snapshots);

/// <summary>
/// Writes one self-contained HTML page for a run, for an auditor to read in a browser or print: summary counts with a bar chart,
/// the lists screened against (version, SHA-256, entities, rejected records), the policy and algorithm, then every Block, Review
/// and Incomplete row with its hits, evidence path, reasons and the features that scored the match. Clear rows are counted and
/// the first <see cref="ClearRowsListed"/> are listed by id and name. No script, no external resource: the page works offline.
/// Flagged rows are held until the end (the summary comes first), so memory grows with the number of flagged rows only.
/// </summary>
internal sealed class HtmlResultWriter : ResultWriter
{
    /// <summary>The most clear rows listed by id; the others are counted.</summary>
    public const int ClearRowsListed = 1000;

    private static readonly string[] Order = ["block", "review", "incomplete"];

    private readonly TextWriter _writer;
    private readonly ReportInfo _info;
    private readonly Dictionary<ScreeningDecision, StringBuilder> _flagged = new()
    {
        [ScreeningDecision.Block] = new StringBuilder(),
        [ScreeningDecision.Review] = new StringBuilder(),
        [ScreeningDecision.Incomplete] = new StringBuilder(),
    };

    private readonly StringBuilder _clear = new();
    private readonly StringBuilder _clearedByDisposition = new();
    private int _clearedByDispositionCount;
    private readonly HashSet<string> _datasetVersions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceStatus> _sources = new(StringComparer.Ordinal);
    private int _clearListed;
    private DateOnly? _firstAsOf;
    private DateOnly? _lastAsOf;

    public HtmlResultWriter(TextWriter writer, ReportInfo info)
    {
        _writer = writer;
        _info = info;
    }

    public override void Write(InputRow row, ScreeningResult result)
    {
        _datasetVersions.Add(result.DatasetVersion);
        foreach (var source in result.Sources)
        {
            _sources[source.SourceName] = source;
        }

        _firstAsOf = _firstAsOf is { } first && first <= result.AsOf ? first : result.AsOf;
        _lastAsOf = _lastAsOf is { } last && last >= result.AsOf ? last : result.AsOf;
        if (result.Decision == ScreeningDecision.Clear && result.Suppressed.Count > 0)
        {
            // Cleared only because a disposition suppressed its hits: shown in full, so that nothing disappears without a trace.
            _clearedByDispositionCount++;
            WriteRow(_clearedByDisposition, row, result);
            return;
        }

        if (result.Decision == ScreeningDecision.Clear)
        {
            if (_clearListed < ClearRowsListed)
            {
                _clearListed++;
                _clear.Append("<tr><td>").Append(E(row.Id)).Append("</td><td>").Append(E(Describe(row.Request)));
                foreach (var note in result.Notes)
                {
                    _clear.Append("<br><span class=\"note\">").Append(E(note)).Append("</span>");
                }

                _clear.Append("</td><td>").Append(row.Line.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
            }

            return;
        }

        WriteRow(_flagged[result.Decision], row, result);
    }

    public override void Complete(DecisionCounts counts)
    {
        // The page is written in parts: the rows held for the run (the largest part by far) go from their builders to the
        // writer as they are, not copied into one page first.
        var html = new StringBuilder(16 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Screening report: ").Append(E(Path.GetFileName(_info.Input))).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");
        html.Append("<header>\n<h1>Screening report</h1>\n<p class=\"sub\">").Append(E(_info.Input)).Append(" · ")
            .Append(counts.Total.ToString("N0", CultureInfo.InvariantCulture)).Append(counts.Total == 1 ? " row" : " rows").Append("</p>\n</header>\n");

        WriteSummary(html, counts);
        WriteRun(html);
        WriteSources(html);

        foreach (var decision in new[] { ScreeningDecision.Block, ScreeningDecision.Review, ScreeningDecision.Incomplete })
        {
            var name = decision.ToLowerCase();
            html.Append("<section class=\"rows\" id=\"").Append(name).Append("\">\n<h2>").Append(Title(decision)).Append(" (")
                .Append(counts[decision].ToString("N0", CultureInfo.InvariantCulture)).Append(")</h2>\n");
            if (counts[decision] == 0)
            {
                html.Append("<p class=\"none\">No row.</p>\n");
            }
            else
            {
                WritePart(html);
                _writer.Write(_flagged[decision]);
            }

            html.Append("</section>\n");
        }

        var clear = counts[ScreeningDecision.Clear];
        html.Append("<section class=\"rows\" id=\"clear\">\n<h2>Clear (").Append(clear.ToString("N0", CultureInfo.InvariantCulture)).Append(")</h2>\n");
        if (clear == 0)
        {
            html.Append("<p class=\"none\">No row.</p>\n");
        }

        if (_clearedByDispositionCount > 0)
        {
            html.Append("<h3>Cleared by a disposition (").Append(_clearedByDispositionCount.ToString("N0", CultureInfo.InvariantCulture)).Append(")</h3>\n");
            WritePart(html);
            _writer.Write(_clearedByDisposition);
        }

        if (clear > _clearedByDispositionCount)
        {
            html.Append("<table class=\"clear\"><thead><tr><th>id</th><th>screened</th><th>line</th></tr></thead><tbody>\n").Append(_clear).Append("</tbody></table>\n");
            if (clear - _clearedByDispositionCount > _clearListed)
            {
                html.Append("<p class=\"note\">").Append((clear - _clearedByDispositionCount - _clearListed).ToString("N0", CultureInfo.InvariantCulture))
                    .Append(" more clear rows are counted above and not listed here; <code>--format json</code> writes every row.</p>\n");
            }
        }

        html.Append("</section>\n<footer>Written by VendorScreen ").Append(E(ToolVersion)).Append(" on ")
            .Append(E(_info.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))).Append(".</footer>\n</body>\n</html>\n");
        WritePart(html);
        _writer.Flush();
    }

    // Writes what the page's builder holds so far and empties it for the next part (the builder stays small: the rows held
    // for the run are written from their own builders).
    private void WritePart(StringBuilder html)
    {
        _writer.Write(html);
        html.Clear();
    }

    public override void Flush() => _writer.Flush();

    private static void WriteSummary(StringBuilder html, DecisionCounts counts)
    {
        html.Append("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"summary\">\n<table class=\"counts\"><tbody>\n");
        foreach (var decision in new[] { ScreeningDecision.Block, ScreeningDecision.Review, ScreeningDecision.Incomplete, ScreeningDecision.Clear })
        {
            html.Append("<tr><th><span class=\"badge ").Append(decision.ToLowerCase()).Append("\">").Append(decision.ToLowerCase()).Append("</span></th><td>")
                .Append(counts[decision].ToString("N0", CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        }

        html.Append("<tr class=\"total\"><th>total</th><td>").Append(counts.Total.ToString("N0", CultureInfo.InvariantCulture)).Append("</td></tr>\n</tbody></table>\n");

        // A horizontal bar per decision, scaled to the largest count; the numbers are in the table beside it.
        const int Width = 360, Bar = 22, Gap = 10, Label = 90;
        var decisions = new[] { ScreeningDecision.Block, ScreeningDecision.Review, ScreeningDecision.Incomplete, ScreeningDecision.Clear };
        var max = Math.Max(1, decisions.Max(d => counts[d]));
        var height = decisions.Length * (Bar + Gap);
        html.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-label=\"Rows per decision\" width=\"{Width + Label + 60}\" height=\"{height}\" viewBox=\"0 0 {Width + Label + 60} {height}\">\n");
        for (var i = 0; i < decisions.Length; i++)
        {
            var y = i * (Bar + Gap);
            var length = counts[decisions[i]] == 0 ? 0 : Math.Max(2, (int)Math.Round((double)counts[decisions[i]] / max * Width));
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 16}\">{decisions[i].ToLowerCase()}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect class=\"{decisions[i].ToLowerCase()}\" x=\"{Label}\" y=\"{y}\" width=\"{length}\" height=\"{Bar}\"></rect>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{Label + length + 6}\" y=\"{y + 16}\">{counts[decisions[i]].ToString("N0", CultureInfo.InvariantCulture)}</text>\n");
        }

        html.Append("</svg>\n</div>\n</section>\n");
    }

    private void WriteRun(StringBuilder html)
    {
        html.Append("<section id=\"run\">\n<h2>Run</h2>\n<table class=\"facts\"><tbody>\n");
        Fact(html, "input", _info.Input);
        Fact(html, "policy", _info.Policy);
        Fact(html, "algorithm", _info.Algorithm);
        Fact(html, "dataset version", _datasetVersions.Count == 0 ? "-" : string.Join(", ", _datasetVersions.Order(StringComparer.Ordinal)));
        Fact(html, "as of", _firstAsOf is not { } first || _lastAsOf is not { } last ? "-"
            : first == last ? first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : $"{first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} to {last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        Fact(html, "written", _info.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        Fact(html, "VendorScreen", ToolVersion);
        html.Append("</tbody></table>\n</section>\n");
    }

    private void WriteSources(StringBuilder html)
    {
        html.Append("<section id=\"lists\">\n<h2>Lists screened against</h2>\n<table class=\"lists\"><thead><tr><th>source</th><th>version</th><th>fetched</th><th>entities</th><th>rejected records</th><th>status</th><th>SHA-256</th></tr></thead><tbody>\n");
        foreach (var snapshot in _info.Snapshots)
        {
            _sources.TryGetValue(snapshot.SourceName, out var status);
            html.Append("<tr><td>").Append(E(snapshot.SourceName)).Append("</td><td>").Append(E(snapshot.Version)).Append("</td><td>")
                .Append(E(snapshot.FetchedAt == default ? "-" : snapshot.FetchedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))).Append("</td><td>")
                .Append(snapshot.Entities.Count.ToString("N0", CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(snapshot.RejectedRecords.Count.ToString("N0", CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(E(status is null ? "loaded" : status.IsUsable ? (status.Error is null ? "usable" : "usable: " + status.Error) : "not usable: " + (status.Error ?? "never loaded")))
                .Append("</td><td class=\"hash\">").Append(E(snapshot.Sha256 ?? "-")).Append("</td></tr>\n");
        }

        foreach (var status in _sources.Values.Where(s => _info.Snapshots.All(n => n.SourceName != s.SourceName)))
        {
            html.Append("<tr class=\"unusable\"><td>").Append(E(status.SourceName)).Append("</td><td>").Append(E(status.Version ?? "-"))
                .Append("</td><td>-</td><td>-</td><td>-</td><td>").Append(E(status.IsUsable ? "usable" : "not usable: " + (status.Error ?? "never loaded"))).Append("</td><td>-</td></tr>\n");
        }

        html.Append("</tbody></table>\n</section>\n");
    }

    private static void WriteRow(StringBuilder html, InputRow row, ScreeningResult result)
    {
        var decision = result.Decision.ToLowerCase();
        html.Append("<article class=\"row ").Append(decision).Append("\">\n<h3><span class=\"badge ").Append(decision).Append("\">").Append(decision)
            .Append("</span> ").Append(E(row.Id)).Append(" <span class=\"line\">line ").Append(row.Line.ToString(CultureInfo.InvariantCulture)).Append("</span></h3>\n");
        html.Append("<p class=\"screened\">").Append(E(Describe(row.Request))).Append("</p>\n");
        html.Append("<p class=\"reason\">").Append(E(result.Reason)).Append(result.DecidingRule is null ? string.Empty : $" <span class=\"rule\">[{E(result.DecidingRule)}]</span>").Append("</p>\n");
        foreach (var note in result.Notes)
        {
            // A value the screening could not read, and so did not screen.
            html.Append("<p class=\"note\">").Append(E(note)).Append("</p>\n");
        }

        foreach (var hit in result.Hits)
        {
            var hitDecision = hit.Decision.ToLowerCase();
            html.Append("<div class=\"hit\">\n<p class=\"match\"><span class=\"badge small ").Append(hitDecision).Append("\">").Append(hitDecision).Append("</span> ")
                .Append(E(hit.Field)).Append(" \u201C").Append(E(hit.Query)).Append("\u201D matches \u201C").Append(E(hit.MatchedName)).Append("\u201D, score ")
                .Append(FormatScore(hit.Score)).Append("</p>\n<table class=\"facts\"><tbody>\n");
            Fact(html, "listed entity", $"{hit.ListedEntityName} ({hit.ListedEntityId})");
            Fact(html, "lists", string.Join(", ", ListsOf(hit.Listings)));
            if (hit.Path.Count > 0)
            {
                html.Append("<tr><th>path</th><td class=\"path\">").Append(E(hit.EntityName));
                foreach (var step in hit.Path)
                {
                    var share = step.Relation.SharePercent is { } percent ? $" {percent.ToString("0.##", CultureInfo.InvariantCulture)}%" : string.Empty;
                    var dates = step.Relation.ValidFrom is null && step.Relation.ValidTo is null
                        ? string.Empty
                        : $" {step.Relation.ValidFrom?.ToString() ?? "…"} to {step.Relation.ValidTo?.ToString() ?? "now"}";
                    html.Append(" <span class=\"arrow\">\u2192 ").Append(E(step.Kind.ToKebabCase() + share + dates)).Append(" \u2192</span> ").Append(E(step.ToName));
                }

                html.Append("</td></tr>\n");
            }

            if (hit.Reason is not null)
            {
                Fact(html, "reason", hit.Reason + (hit.Rule is null ? string.Empty : $" [{hit.Rule}]"));
            }

            if (hit.Evidence is { } evidence)
            {
                html.Append("<tr><th>evidence</th><td>").Append(E($"{evidence.Kind}, {evidence.Confidence.ToString().ToLowerInvariant()}"));
                if (evidence.Categories.Count > 0)
                {
                    html.Append(E($", for {string.Join(", ", evidence.Categories)}"));
                }

                if (evidence.SourceUrl is { } url)
                {
                    html.Append(", <a href=\"").Append(E(url)).Append("\">").Append(E(url)).Append("</a>");
                }

                html.Append("</td></tr>\n");
            }

            html.Append("</tbody></table>\n");
            if (hit.Features.Count > 0)
            {
                html.Append("<details open><summary>How the name scored</summary>\n<table class=\"features\"><thead><tr><th>feature</th><th>score</th><th>weight</th><th>detail</th></tr></thead><tbody>\n");
                foreach (var feature in hit.Features)
                {
                    html.Append("<tr><td>").Append(E(feature.Feature)).Append("</td><td>").Append(FormatScore(feature.Score)).Append("</td><td>")
                        .Append(FormatScore(feature.Weight)).Append("</td><td>").Append(E(feature.Detail)).Append("</td></tr>\n");
                }

                html.Append("</tbody></table>\n</details>\n");
            }

            html.Append("</div>\n");
        }

        foreach (var suppressed in result.Suppressed)
        {
            var d = suppressed.Disposition;
            html.Append("<p class=\"suppressed\">Suppressed: ").Append(E(suppressed.Hit.Field)).Append(" \u201C").Append(E(suppressed.Hit.Query))
                .Append("\u201D matched ").Append(E($"{suppressed.Hit.ListedEntityName} ({suppressed.Hit.ListedEntityId})")).Append(", a false positive by disposition ")
                .Append(E(d.Id)).Append(E($" of {d.DecidedBy} on {d.DecidedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {d.Reason}"))
                .Append(E(d.ExpiresAt is { } expires ? $" (until {expires.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})" : string.Empty)).Append("</p>\n");
        }

        html.Append("</article>\n");
    }

    private static void Fact(StringBuilder html, string name, string value) =>
        html.Append("<tr><th>").Append(E(name)).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");

    /// <summary>What a row screened, in one line: the party name, or the product fields that were given.</summary>
    private static string Describe(ScreeningRequest request) => request switch
    {
        PartyScreeningRequest party => party.Name + (request.Country is null ? string.Empty : $" ({request.Country})"),
        ProductScreeningRequest product => string.Join("; ", new (string Name, string? Value)[]
            {
                ("title", product.Title), ("brand", product.Brand), ("manufacturer", product.Manufacturer), ("seller", product.Seller),
                ("model", product.Model), ("fcc_id", product.FccId), ("category", product.Category),
            }.Where(f => f.Value is not null).Select(f => $"{f.Name}: {f.Value}")),
        _ => request.ToString() ?? string.Empty,
    };

    private static string Title(ScreeningDecision decision) => decision switch
    {
        ScreeningDecision.Block => "Block",
        ScreeningDecision.Review => "Review",
        ScreeningDecision.Incomplete => "Incomplete",
        _ => "Clear",
    };

    /// <summary>HTML-encodes text after making control characters visible.</summary>
    private static string E(string? text) => HtmlEncoder.Default.Encode(SafeText.Visible(text));

    private static string ToolVersion { get; } =
        typeof(ScreeningEngine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    private const string Css = """
        :root { --block: #b3261e; --review: #a05a00; --clear: #1b6e3a; --incomplete: #6a1b9a; --ink: #1c1c1c; --muted: #5f6368; --rule: #dadce0; }
        * { box-sizing: border-box; }
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif; color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 24px; }
        h1 { font-size: 26px; margin: 0 0 4px; }
        h2 { font-size: 19px; border-bottom: 2px solid var(--rule); padding-bottom: 4px; margin-top: 28px; }
        h3 { font-size: 16px; margin: 0 0 6px; }
        .sub, .line, .note, footer, .none { color: var(--muted); }
        .line { font-weight: normal; font-size: 13px; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--rule); overflow-wrap: anywhere; }
        table.facts th { width: 160px; color: var(--muted); font-weight: 600; }
        table.counts { width: auto; min-width: 200px; }
        table.counts td { text-align: right; font-variant-numeric: tabular-nums; }
        tr.total th, tr.total td { font-weight: 700; }
        .summary { display: flex; gap: 32px; align-items: flex-start; flex-wrap: wrap; }
        svg.chart text { font: 13px system-ui, sans-serif; fill: var(--ink); }
        svg.chart rect.block { fill: var(--block); } svg.chart rect.review { fill: var(--review); }
        svg.chart rect.clear { fill: var(--clear); } svg.chart rect.incomplete { fill: var(--incomplete); }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff; font-size: 13px; font-weight: 700; }
        .badge.small { font-size: 11px; }
        .badge.block { background: var(--block); } .badge.review { background: var(--review); }
        .badge.clear { background: var(--clear); } .badge.incomplete { background: var(--incomplete); }
        article.row { border: 1px solid var(--rule); border-left: 6px solid var(--muted); border-radius: 4px; padding: 10px 14px; margin: 12px 0; }
        article.row.block { border-left-color: var(--block); } article.row.review { border-left-color: var(--review); } article.row.incomplete { border-left-color: var(--incomplete); }
        .screened { font-weight: 600; margin: 0 0 4px; }
        .reason { margin: 0 0 8px; }
        .rule { color: var(--muted); font-size: 13px; }
        .suppressed { color: var(--muted); font-size: 13px; border-top: 1px dashed var(--rule); padding-top: 4px; }
        .note { color: var(--review); font-size: 13px; }
        .hit { margin: 8px 0 0 8px; break-inside: avoid; }
        h3, .screened, .reason { break-after: avoid; }
        .match { margin: 4px 0; }
        .path .arrow { color: var(--muted); font-size: 13px; white-space: nowrap; }
        td.hash { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
        details summary { cursor: pointer; color: var(--muted); font-size: 13px; margin-top: 4px; }
        table.features { font-size: 13px; }
        table.features th, table.features td:nth-child(-n+3) { white-space: nowrap; overflow-wrap: normal; }
        footer { margin-top: 32px; font-size: 13px; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; }
          details > summary { display: none; }
          a { color: inherit; }
          h2 { break-after: avoid; }
        }

        """;
}
