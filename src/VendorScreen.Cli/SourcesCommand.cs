using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using VendorScreen.Cli.Output;

namespace VendorScreen.Cli;

/// <summary>The <c>vendorscreen sources</c> command: loads the sources and prints one line per source.</summary>
internal static class SourcesCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">Where the command writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var format = CliOptions.Format("Output format: table or json (one object per source and line).", CliOptions.TableOrJson);
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also list every rejected record." };
        var sources = new SourceOptions();

        var command = new Command("sources", "Load the lists and show their versions, hashes and counts.");
        sources.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(verbose);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            sources.Read(parseResult, context),
            parseResult.GetValue(format) ?? "table",
            parseResult.GetValue(verbose),
            cancellationToken));
        return command;
    }

    /// <summary>Runs the command.</summary>
    /// <param name="sources">Where to write, and the lists to load.</param>
    /// <param name="format">The output format.</param>
    /// <param name="verbose">Whether to list rejected records.</param>
    /// <param name="cancellationToken">A token to stop.</param>
    /// <returns>0, or 3 when a source could not be loaded.</returns>
    public static async Task<int> RunAsync(SourceSelection sources, string format, bool verbose, CancellationToken cancellationToken)
    {
        var context = sources.Context;
        format = ScreenCommand.Choose("--format", format, CliOptions.TableOrJson);
        using var engine = await EngineFactory.CreateAsync(sources, "default", algorithm: null, requireUsable: false, cancellationToken).ConfigureAwait(false);
        var entries = Pair(engine);
        if (format == "json")
        {
            foreach (var (status, snapshot) in entries)
            {
                context.Stdout.WriteLine(ToJson(status, snapshot, verbose));
            }
        }
        else
        {
            WriteTable(context, entries, verbose);
        }

        await context.Stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        var failed = entries.FirstOrDefault(e => !e.Status.IsUsable).Status;
        if (failed is not null)
        {
            context.Error($"source \"{failed.SourceName}\" could not be loaded: {failed.Error ?? "unknown error"}");
            return ExitCodes.SourceFailed;
        }

        return ExitCodes.Success;
    }

    /// <summary>Pairs each source's status with its snapshot. The dataset holds the snapshots of the sources that have one,
    /// in source order, so they line up with the statuses that carry a version.</summary>
    private static List<(SourceStatus Status, ListSnapshot? Snapshot)> Pair(ScreeningEngine engine)
    {
        var snapshots = engine.Dataset?.Snapshots ?? [];
        var next = 0;
        var entries = new List<(SourceStatus, ListSnapshot?)>();
        foreach (var status in engine.Sources)
        {
            var snapshot = status.Version is not null && next < snapshots.Count ? snapshots[next++] : null;
            entries.Add((status, snapshot));
        }

        return entries;
    }

    private static string ToJson(SourceStatus status, ListSnapshot? snapshot, bool verbose) => SafeText.Visible(JsonLine.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("source", snapshot?.SourceName ?? status.SourceName);
        json.WriteNullable("version", snapshot?.Version);
        json.WriteNullable("sha256", snapshot?.Sha256);
        json.WriteNumber("entities", snapshot?.Entities.Count ?? 0);
        json.WriteNumber("names", snapshot?.NameCount ?? 0);
        json.WriteNumber("relations", snapshot?.Relations.Count ?? 0);
        json.WriteNumber("rejected", snapshot?.RejectedRecords.Count ?? 0);

        // Fields after the contract's seven.
        json.WriteString("name", status.SourceName);
        json.WriteNullable("location", snapshot?.Location);
        json.WriteNullable("fetchedAt", snapshot is null || snapshot.FetchedAt == default ? null : snapshot.FetchedAt.ToString("O", CultureInfo.InvariantCulture));
        json.WriteBoolean("usable", status.IsUsable);
        json.WriteNullable("error", status.Error);
        if (verbose)
        {
            json.WriteObjects("rejectedRecords", snapshot?.RejectedRecords ?? [], (json, record) =>
            {
                json.WriteString("position", record.Position);
                json.WriteString("reason", record.Reason);
            });
        }

        json.WriteEndObject();
    }));

    private static void WriteTable(CliContext context, List<(SourceStatus Status, ListSnapshot? Snapshot)> entries, bool verbose)
    {
        var console = TableResultWriter.CreateConsole(context.Stdout, context.StdoutIsTerminal);
        var table = new Table { Border = context.StdoutIsTerminal ? TableBorder.Rounded : TableBorder.Ascii };
        foreach (var column in new[] { "source", "version", "entities", "names", "relations", "rejected", "sha256", "status" })
        {
            table.AddColumn(column);
        }

        foreach (var (status, snapshot) in entries)
        {
            table.AddRow(
                TableResultWriter.Cell(snapshot?.SourceName ?? status.SourceName),
                TableResultWriter.Cell(snapshot?.Version ?? "-"),
                new Text(Count(snapshot?.Entities.Count)),
                new Text(Count(snapshot?.NameCount)),
                new Text(Count(snapshot?.Relations.Count)),
                new Text(Count(snapshot?.RejectedRecords.Count)),
                new Text(snapshot?.Sha256 is { Length: > 12 } sha ? sha[..12] : snapshot?.Sha256 ?? "-"),
                status.IsUsable
                    ? TableResultWriter.Cell(status.Error is null ? "ok" : "ok (" + CliContext.OneLine(status.Error) + ")", new Style(Color.Green))
                    : TableResultWriter.Cell("unusable: " + CliContext.OneLine(status.Error ?? "unknown error"), new Style(Color.Red)));
        }

        console.Write(table);
        if (verbose)
        {
            foreach (var (status, snapshot) in entries)
            {
                foreach (var record in snapshot?.RejectedRecords ?? [])
                {
                    context.Stdout.WriteLine(CliContext.OneLine($"{snapshot!.SourceName}: rejected {record.Position}: {record.Reason}"));
                }
            }
        }
    }

    private static string Count(int? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "-";
}
