using System.Buffers;
using System.Globalization;
using System.Text.Json;
using VendorScreen.Cli.Input;

namespace VendorScreen.Cli.Output;

/// <summary>Writes one JSON object per input row and per line (JSON Lines).</summary>
internal sealed class JsonResultWriter : ResultWriter
{
    private readonly TextWriter _writer;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    public JsonResultWriter(TextWriter writer) => _writer = writer;

    public override void Write(InputRow row, ScreeningResult result)
    {
        var line = JsonLine.Write(_buffer, json => WriteResult(json, row, result));

        // The encoder escapes C0 and C1 controls but not bidi overrides and isolates: escape those too (only string values can hold them).
        _writer.WriteLine(SafeText.Visible(line));
    }

    public override void Flush() => _writer.Flush();

    private static void WriteResult(Utf8JsonWriter json, InputRow row, ScreeningResult result)
    {
        json.WriteStartObject();
        json.WriteString("id", row.Id);
        json.WriteString("decision", result.Decision.ToLowerCase());
        json.WriteStartArray("hits");
        foreach (var hit in result.Hits)
        {
            WriteHit(json, hit);
        }

        json.WriteEndArray();

        // Fields after the contract's three.
        json.WriteNullable("rule", result.DecidingRule);
        json.WriteString("reason", result.Reason);
        json.WriteString("asOf", result.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("datasetVersion", result.DatasetVersion);
        json.WriteString("algorithm", result.Algorithm);
        json.WriteString("policy", result.Policy);
        json.WriteNumber("line", row.Line);
        if (result.Suppressed.Count > 0)
        {
            // Hits that analysts' false-positive dispositions suppressed (--store): reported, never dropped silently.
            json.WriteObjects("suppressed", result.Suppressed, (json, suppressed) =>
            {
                json.WriteString("entityId", suppressed.Hit.EntityId);
                json.WriteString("listedEntityId", suppressed.Hit.ListedEntityId);
                json.WriteString("field", suppressed.Hit.Field);
                json.WriteString("query", suppressed.Hit.Query);
                json.WriteNumber("score", RoundScore(suppressed.Hit.Score));
                json.WriteString("disposition", suppressed.Disposition.Id);
                json.WriteString("decidedBy", suppressed.Disposition.DecidedBy);
                json.WriteString("dispositionReason", suppressed.Disposition.Reason);
            });
        }

        json.WriteEndObject();
    }

    private static void WriteHit(Utf8JsonWriter json, ScreeningHit hit)
    {
        json.WriteStartObject();
        json.WriteString("field", hit.Field);
        json.WriteString("query", hit.Query);
        json.WriteString("entityId", hit.EntityId);
        json.WriteString("entityName", hit.EntityName);
        json.WriteString("matchedName", hit.MatchedName);
        json.WriteNumber("score", RoundScore(hit.Score));
        json.WriteStrings("lists", ListsOf(hit.Listings));
        json.WriteStrings("path", PathOf(hit));
        json.WriteNullable("reason", hit.Reason);

        // Fields after the contract's nine.
        json.WriteString("decision", hit.Decision.ToLowerCase());
        json.WriteNullable("rule", hit.Rule);
        json.WriteString("listedEntityId", hit.ListedEntityId);
        json.WriteString("listedEntityName", hit.ListedEntityName);
        json.WriteNullable("matchedNameKind", hit.MatchedNameKind is { } kind ? ToKebab(kind) : null);
        if (hit.Evidence is { } evidence)
        {
            json.WriteStartObject("evidence");
            json.WriteString("kind", evidence.Kind);
            json.WriteString("confidence", evidence.Confidence.ToString().ToLowerInvariant());
            json.WriteNullable("sourceUrl", evidence.SourceUrl);
            json.WriteStrings("categories", evidence.Categories);
            json.WriteEndObject();
        }

        // The path's relations with share, dates, confidence and source; and the terms of an ownership sum.
        WriteSteps(json, "steps", hit.Path);
        if (hit.Ownership is { } sum)
        {
            json.WriteStartObject("ownership");
            json.WriteString("rule", sum.Rule);
            json.WriteNumber("sharePercent", sum.SharePercent);
            json.WriteNumber("thresholdPercent", sum.ThresholdPercent);
            json.WriteBoolean("thresholdInclusive", sum.ThresholdInclusive);
            json.WriteBoolean("hasUnknownShares", sum.HasUnknownShares);
            json.WriteNullable("limitReached", sum.LimitReached);
            json.WriteObjects("terms", sum.Terms, (json, term) =>
            {
                json.WriteString("ownerId", term.OwnerId);
                json.WriteString("ownerName", term.OwnerName);
                json.WriteNullable("sharePercent", term.SharePercent);
                json.WriteBoolean("blocked", term.Blocked);
                json.WriteNullable("basis", term.Basis);
                json.WriteStrings("ownerLists", term.OwnerLists);
                WriteSteps(json, "path", term.Path);
            });
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteSteps(Utf8JsonWriter json, string name, IReadOnlyList<PathStep> steps) => json.WriteObjects(name, steps, static (json, step) =>
    {
        json.WriteString("from", step.FromId);
        json.WriteString("fromName", step.FromName);
        json.WriteString("kind", step.Kind.ToKebabCase());
        json.WriteString("to", step.ToId);
        json.WriteString("toName", step.ToName);
        json.WriteNullable("sharePercent", step.Relation.SharePercent);
        json.WriteNullable("validFrom", step.Relation.ValidFrom?.ToString());
        json.WriteNullable("validTo", step.Relation.ValidTo?.ToString());
        json.WriteString("confidence", step.Relation.Confidence.ToString().ToLowerInvariant());
        json.WriteNullable("sourceUrl", step.Relation.SourceUrl);
    });

    private static string ToKebab(NameKind kind) => kind switch
    {
        NameKind.Primary => "primary",
        NameKind.Alias => "alias",
        NameKind.WeakAlias => "weak-alias",
        NameKind.Former => "former",
        NameKind.NativeScript => "native",
        NameKind.Brand => "brand",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
