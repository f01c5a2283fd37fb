using System.CommandLine;
using System.Globalization;
using VendorScreen.Cli.Input;
using VendorScreen.Cli.Output;

namespace VendorScreen.Cli;

/// <summary>The <c>vendorscreen audit export</c> command: the audit trail as JSON lines.</summary>
internal static class AuditCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">Where the command writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var since = new Option<string?>("--since")
        {
            Description = "Only records written at or after this date (00:00 UTC) or moment (ISO 8601, such as 2026-12-01T08:00:00Z).",
            HelpName = "DATE",
        };
        var output = CliOptions.Output("the records");
        var store = new StoreOptions(required: true);
        var export = new Command("export", "Write the audit trail as JSON lines, one recorded screening per line, oldest first: request, decision, hits and evidence, suppressed hits, list versions and SHA-256s, algorithm, policy, time and user.");
        export.Options.Add(store.Store);
        export.Options.Add(since);
        export.Options.Add(output);
        export.SetAction(async (parseResult, cancellationToken) =>
        {
            DateTimeOffset? from = null;
            if (parseResult.GetValue(since) is { } sinceText)
            {
                from = ParseSince(sinceText.Trim()) ?? throw new CliException($"invalid --since \"{sinceText}\" (expected yyyy-MM-dd or an ISO 8601 moment)");
            }

            var path = parseResult.GetValue(output);
            await store.UseAsync(parseResult, async open =>
            {
                var count = 0;
                await CommandOutput.WriteAsync(context, path, async writer =>
                {
                    await foreach (var record in open.Audit.ReadAsync(from, cancellationToken).ConfigureAwait(false))
                    {
                        await writer.WriteLineAsync(SafeText.Visible(record.ToJson()).AsMemory(), cancellationToken).ConfigureAwait(false);
                        count++;
                    }
                }, cancellationToken).ConfigureAwait(false);

                if (context.StderrIsTerminal || path is not null)
                {
                    context.Error(string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? "record" : "records")} exported from {open.Description}{(path is null ? string.Empty : $" to {path}")}"));
                }
            }, cancellationToken).ConfigureAwait(false);

            return ExitCodes.Success;
        });

        var command = new Command("audit", "Read the audit trail of a store.");
        command.Subcommands.Add(export);
        return command;
    }

    /// <summary>Reads a <c>--since</c> value: a date (00:00 UTC) or an ISO 8601 moment.</summary>
    /// <param name="text">The value.</param>
    /// <returns>The moment, or <see langword="null"/> when the value is neither.</returns>
    public static DateTimeOffset? ParseSince(string text)
    {
        if (InputFile.TryParseDate(text, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment) && text.Contains('T', StringComparison.Ordinal)
            ? moment
            : null;
    }
}
