using System.CommandLine;
using System.Globalization;
using VendorScreen.Cli.Output;

namespace VendorScreen.Cli;

/// <summary>The <c>vendorscreen disposition add|list|remove</c> commands: analysts' false-positive and true-match records.</summary>
internal static class DispositionCommand
{
    public static readonly IReadOnlyList<string> Kinds = ["false-positive", "true-match"];

    public static readonly IReadOnlyList<string> Formats = CliOptions.TableOrJson;

    /// <summary>Creates the command.</summary>
    /// <param name="context">Where the command writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var command = new Command("disposition", "Record, list and remove analysts' dispositions: a hit (party and listed entity) judged a false positive or a true match.");
        command.Subcommands.Add(CreateAdd(context));
        command.Subcommands.Add(CreateList(context));
        command.Subcommands.Add(CreateRemove(context));
        return command;
    }

    private static Command CreateAdd(CliContext context)
    {
        var party = new Option<string>("--party") { Description = "The screened party: the row id, or the screened name or field value.", HelpName = "TEXT", Required = true };
        var entity = new Option<string>("--entity") { Description = "The id of the listed (or matched) entity, as the hit shows it (entityId or listedEntityId).", HelpName = "ID", Required = true };
        var kind = new Option<string>("--kind") { Description = "false-positive (suppress the hit in later screenings) or true-match (record it).", HelpName = "false-positive|true-match", Required = true };
        kind.CompletionSources.Add([.. Kinds]);
        var reason = new Option<string>("--reason") { Description = "Why: what the analyst checked.", HelpName = "TEXT", Required = true };
        var expires = new Option<string?>("--expires") { Description = "The last day (UTC) the disposition applies; default: no expiry.", HelpName = "yyyy-MM-dd" };
        var store = new StoreOptions(required: true);
        var sources = new SourceOptions();
        var add = new Command("add", "Record a disposition. The entity is looked up in the lists (the embedded dataset and --source) to fingerprint its entry: a later change of the entry ends a false-positive suppression.");
        add.Options.Add(party);
        add.Options.Add(entity);
        add.Options.Add(kind);
        add.Options.Add(reason);
        add.Options.Add(expires);
        store.AddTo(add);
        sources.AddTo(add);
        add.SetAction(async (parseResult, cancellationToken) =>
        {
            var selection = sources.Read(parseResult, context);
            var ctx = selection.Context;
            var kindValue = ScreenCommand.Choose("--kind", parseResult.GetRequiredValue(kind), Kinds) == "true-match" ? DispositionKind.TrueMatch : DispositionKind.FalsePositive;
            var now = ctx.TimeProvider.GetUtcNow();
            DateTimeOffset? expiresAt = null;
            var expiresText = parseResult.GetValue(expires);
            if (CliOptions.ParseDate("--expires", expiresText) is { } day)
            {
                expiresAt = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                if (expiresAt <= now)
                {
                    throw new CliException($"--expires {expiresText} is in the past");
                }
            }

            var entityId = parseResult.GetRequiredValue(entity).Trim();
            using var engine = await EngineFactory.CreateAsync(selection, "default", null, requireUsable: true, cancellationToken).ConfigureAwait(false);
            var found = engine.Dataset?.FindEntity(entityId)
                ?? throw new CliException($"--entity {entityId}: no entity with this id in the loaded lists (the hit's entityId or listedEntityId; load its list with --source)");
            ScreeningDisposition disposition;
            try
            {
                disposition = ScreeningDisposition.Create(parseResult.GetRequiredValue(party), found, kindValue, store.GetUser(parseResult), parseResult.GetRequiredValue(reason), now, expiresAt);
            }
            catch (ArgumentException ex)
            {
                throw new CliException(CliContext.OneLine(ex.Message), ex);
            }

            await store.UseAsync(parseResult, open => open.Dispositions.AddDispositionAsync(disposition, cancellationToken), cancellationToken).ConfigureAwait(false);

            ctx.Stdout.WriteLine(SafeText.Visible($"added disposition {disposition.Id}: {disposition.Party} / {disposition.EntityId} ({found.PrimaryName}) {Kind(disposition.Kind)}{(expiresAt is null ? string.Empty : $", until {LastDay(expiresAt.Value)}")}"));
            return ExitCodes.Success;
        });
        return add;
    }

    private static Command CreateList(CliContext context)
    {
        var all = new Option<bool>("--all") { Description = "Also list removed dispositions." };
        var format = CliOptions.Format("table (for people) or json (one object per line).", Formats);
        var store = new StoreOptions(required: true);
        var list = new Command("list", "List the dispositions of a store, oldest first.");
        list.Options.Add(all);
        list.Options.Add(format);
        list.Options.Add(store.Store);
        list.SetAction(async (parseResult, cancellationToken) =>
        {
            var chosen = ScreenCommand.Choose("--format", parseResult.GetValue(format) ?? "table", Formats);
            var dispositions = await store.UseAsync(parseResult, open => open.Dispositions.ListDispositionsAsync(parseResult.GetValue(all), cancellationToken), cancellationToken)
                .ConfigureAwait(false);

            var now = context.TimeProvider.GetUtcNow();
            foreach (var d in dispositions)
            {
                context.Stdout.WriteLine(chosen == "json" ? ToJson(d, now) : SafeText.Visible(
                    $"{d.Id}  {Kind(d.Kind),-14}  {State(d, now),-8}  {d.Party} / {d.EntityId}  by {d.DecidedBy} {d.DecidedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
                    + (d.ExpiresAt is { } e ? $" until {LastDay(e)}" : string.Empty) + $": {d.Reason}"));
            }

            if (chosen == "table" && dispositions.Count == 0)
            {
                context.Stdout.WriteLine("no dispositions");
            }

            return ExitCodes.Success;
        });
        return list;
    }

    private static Command CreateRemove(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The disposition id (see: vendorscreen disposition list)." };
        var store = new StoreOptions(required: true);
        var remove = new Command("remove", "Remove a disposition: it no longer applies, and stays listed with --all for the audit trail.");
        remove.Arguments.Add(id);
        store.AddTo(remove);
        remove.SetAction(async (parseResult, cancellationToken) =>
        {
            var target = parseResult.GetRequiredValue(id).Trim();
            var removed = await store.UseAsync(parseResult, async open =>
                await open.Dispositions.RemoveDispositionAsync(target, store.GetUser(parseResult), context.TimeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false)
                ?? throw new CliException($"no standing disposition with id \"{target}\" in {open.Description}"), cancellationToken).ConfigureAwait(false);

            context.Stdout.WriteLine(SafeText.Visible($"removed disposition {removed.Id}: {removed.Party} / {removed.EntityId}"));
            return ExitCodes.Success;
        });
        return remove;
    }

    public static string Kind(DispositionKind kind) => kind == DispositionKind.TrueMatch ? "true-match" : "false-positive";

    private static string State(ScreeningDisposition d, DateTimeOffset now) =>
        d.RemovedAt is not null ? "removed" : d.ExpiresAt is { } e && e <= now ? "expired" : "active";

    /// <summary>The last day a disposition applies: the day before its expiry moment (UTC).</summary>
    private static string LastDay(DateTimeOffset expiresAt) =>
        DateOnly.FromDateTime(expiresAt.UtcDateTime.AddTicks(-1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string ToJson(ScreeningDisposition d, DateTimeOffset now) => SafeText.Visible(JsonLine.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("id", d.Id);
        json.WriteString("party", d.Party);
        json.WriteString("entityId", d.EntityId);
        json.WriteString("kind", Kind(d.Kind));
        json.WriteString("state", State(d, now));
        json.WriteString("decidedBy", d.DecidedBy);
        json.WriteString("decidedAt", d.DecidedAt);
        json.WriteString("reason", d.Reason);
        json.WriteNullable("expiresAt", d.ExpiresAt);

        json.WriteString("entityFingerprint", d.EntityFingerprint);
        if (d.RemovedAt is { } r)
        {
            json.WriteString("removedAt", r);
            json.WriteString("removedBy", d.RemovedBy);
        }

        json.WriteEndObject();
    }));
}
