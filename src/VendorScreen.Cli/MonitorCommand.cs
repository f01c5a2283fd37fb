using System.CommandLine;
using System.Globalization;
using CsvHelper;
using VendorScreen.Cli.Input;
using VendorScreen.Cli.Output;
using VendorScreen.Policies;

namespace VendorScreen.Cli;

/// <summary>The <c>vendorscreen monitor</c> command: re-screens a supplier master and writes only the rows whose decision changed
/// since their last recorded screening, with the list change behind each.</summary>
internal static class MonitorCommand
{
    public static readonly IReadOnlyList<string> Formats = ["json", "table", "csv"];

    /// <summary>The CSV header, a stable contract.</summary>
    public static readonly IReadOnlyList<string> CsvHeader = ["id", "line", "previous", "decision", "changes", "reason"];

    /// <summary>Creates the command.</summary>
    /// <param name="context">Where the command writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("input.csv") { Description = "The supplier master: the same CSV columns as screen; keep an id column so that rows are recognised between runs." };
        var format = CliOptions.Format("json (one object per changed row and line), table or csv.", Formats);
        var output = CliOptions.Output("the changed rows");
        var asOf = CliOptions.AsOf();
        var policy = new Option<string>("--policy") { Description = $"The decision policy: {string.Join(", ", ScreeningPolicies.Names)}.", HelpName = "NAME", DefaultValueFactory = _ => "default" };
        var store = new StoreOptions(required: true);
        var sources = new SourceOptions();
        var command = new Command("monitor", "Re-screen a supplier master, record every screening in the store, and write only the rows whose decision changed since their last recorded screening (a row never screened before counts as changed, with previous null).");
        command.Arguments.Add(input);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(asOf);
        command.Options.Add(policy);
        store.AddTo(command);
        sources.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var selection = sources.Read(parseResult, context);
            var ctx = selection.Context;
            var chosen = ScreenCommand.Choose("--format", parseResult.GetValue(format) ?? "json", Formats);
            var policyName = ScreenCommand.Choose("--policy", parseResult.GetValue(policy) ?? "default", ScreeningPolicies.Names);
            var defaultAsOf = CliOptions.ParseDate("--as-of", parseResult.GetValue(asOf));

            var inputPath = parseResult.GetRequiredValue(input);
            var outputPath = parseResult.GetValue(output);
            CliOptions.CheckOutputIsNotInput(outputPath, inputPath);

            var table = InputFile.Read(inputPath, defaultAsOf);
            var duplicate = table.Rows.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new CliException($"{inputPath}:{duplicate.Skip(1).First().Line}: id \"{duplicate.Key}\" appears more than once; monitor needs one row per id");
            }

            using var engine = await EngineFactory.CreateAsync(selection, policyName, null, requireUsable: true, cancellationToken).ConfigureAwait(false);
            var changes = await store.UseAsync(parseResult, async open =>
            {
                var screening = engine.WithDispositions(open.Dispositions, engine.Datasets, ctx.TimeProvider);
                using var monitor = new ScreeningMonitor(screening, open.Audit, engine.Datasets, store.GetUser(parseResult), ctx.TimeProvider);
                return await monitor.RescreenAsync(table.Rows.Select(r => r.Request), cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);

            var rows = table.Rows.ToDictionary(r => ScreeningAuditRecord.SubjectOf(r.Request), StringComparer.Ordinal);
            await CommandOutput.WriteAsync(ctx, outputPath, writer =>
            {
                Write(writer, chosen, changes.Select(c => (Row: rows[c.Subject], Change: c)).OrderBy(p => p.Row.Line).ToList());
                return Task.CompletedTask;
            }, cancellationToken).ConfigureAwait(false);

            if (ctx.StderrIsTerminal || outputPath is not null)
            {
                ctx.Error(string.Create(CultureInfo.InvariantCulture, $"{changes.Count} of {table.Rows.Count} rows changed decision{(outputPath is null ? string.Empty : $" (written to {outputPath})")}"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(TextWriter writer, string format, List<(InputRow Row, DecisionChange Change)> changes)
    {
        switch (format)
        {
            case "json":
                foreach (var (row, change) in changes)
                {
                    writer.WriteLine(ToJson(row, change));
                }

                break;
            case "csv":
                using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true))
                {
                    foreach (var column in CsvHeader)
                    {
                        csv.WriteField(column);
                    }

                    csv.NextRecord();
                    foreach (var (row, change) in changes)
                    {
                        csv.WriteField(SafeText.CsvCell(row.Id));
                        csv.WriteField(row.Line.ToString(CultureInfo.InvariantCulture));
                        csv.WriteField(SafeText.CsvCell(Previous(change)));
                        csv.WriteField(SafeText.CsvCell(change.Result.Decision.ToLowerCase()));
                        csv.WriteField(SafeText.CsvCell(Describe(change.ListChanges)));
                        csv.WriteField(SafeText.CsvCell(change.Result.Reason));
                        csv.NextRecord();
                    }
                }

                break;
            default:
                if (changes.Count == 0)
                {
                    writer.WriteLine("no decision changed");
                    break;
                }

                var idWidth = Math.Min(40, Math.Max(2, changes.Max(c => c.Row.Id.Length)));
                writer.WriteLine($"{"id".PadRight(idWidth)}  {"previous",-10}  {"decision",-10}  change");
                foreach (var (row, change) in changes)
                {
                    writer.WriteLine(SafeText.Visible($"{row.Id.PadRight(idWidth)}  {Previous(change),-10}  {change.Result.Decision.ToLowerCase(),-10}  {Describe(change.ListChanges)}"));
                }

                break;
        }
    }

    private static string Previous(DecisionChange change) => change.Previous?.ToLowerCase() ?? "(none)";

    /// <summary>Describes list changes on one line: <c>entity-added ofac-sdn:123 "NAME"; entity-removed ...</c>.</summary>
    private static string Describe(IReadOnlyList<ListChange> changes) => changes.Count == 0
        ? "no list change (first screening, or another policy, algorithm, disposition or date)"
        : string.Join("; ", changes.Select(c => $"{c.Kind} {c.EntityId} \"{c.EntityName}\"" + (c.Kind == ListChange.NamesChanged
            ? $" (added: {string.Join(", ", c.AddedNames)}; removed: {string.Join(", ", c.RemovedNames)})"
            : string.Empty)));

    private static string ToJson(InputRow row, DecisionChange change) => SafeText.Visible(JsonLine.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("id", row.Id);
        json.WriteNullable("previous", change.Previous?.ToLowerCase());
        json.WriteString("decision", change.Result.Decision.ToLowerCase());
        json.WriteObjects("changes", change.ListChanges, (json, c) =>
        {
            json.WriteString("kind", c.Kind);
            json.WriteString("entityId", c.EntityId);
            json.WriteString("entityName", c.EntityName);
            json.WriteStrings("addedNames", c.AddedNames);
            json.WriteStrings("removedNames", c.RemovedNames);
        });
        json.WriteObjects("hits", change.Result.Hits, (json, hit) =>
        {
            json.WriteString("field", hit.Field);
            json.WriteString("query", hit.Query);
            json.WriteString("entityId", hit.EntityId);
            json.WriteString("entityName", hit.EntityName);
            json.WriteString("listedEntityId", hit.ListedEntityId);
            json.WriteNumber("score", Math.Round(hit.Score, 4));
            json.WriteString("decision", hit.Decision.ToLowerCase());
        });
        json.WriteString("reason", change.Result.Reason);
        if (change.PreviousRecord is { } before)
        {
            json.WriteString("previousScreenedAt", before.Result.ScreenedAt);
            json.WriteString("previousDatasetVersion", before.Result.DatasetVersion);
        }

        json.WriteString("datasetVersion", change.Result.DatasetVersion);
        json.WriteNumber("line", row.Line);
        json.WriteEndObject();
    }));
}
