using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using VendorScreen.Cli.Input;

namespace VendorScreen.Cli.Output;

/// <summary>Writes one JSON object per input row and per line (JSON Lines).</summary>
internal sealed class JsonResultWriter : ResultWriter
{
    private readonly TextWriter _writer;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    // The stream the writer encodes into, when it writes UTF-8 without a byte order mark (the spool's writers do): every line then
    // goes to it as UTF-8 bytes, most of them as the JSON writer made them, not decoded into text and encoded again.
    private readonly Stream? _stream;
    private readonly byte[] _newLine;

    public JsonResultWriter(TextWriter writer)
    {
        _writer = writer;
        if (writer is StreamWriter { Encoding: UTF8Encoding utf8 } streamWriter && utf8.Preamble.Length == 0)
        {
            // Whatever the writer holds goes first.
            streamWriter.Flush();
            _stream = streamWriter.BaseStream;
        }

        _newLine = Encoding.UTF8.GetBytes(writer.NewLine);
    }

    public override void Write(InputRow row, ScreeningResult result)
    {
        JsonLine.WriteUtf8(_buffer, json => WriteResult(json, row, result));
        var line = _buffer.WrittenSpan;

        // The encoder escapes C0 and C1 controls but not bidi overrides and isolates: a line that holds one (only string values can)
        // goes through SafeText.Visible, which escapes those too; any other is written as it is.
        var escaped = SafeText.HasControl(line) ? SafeText.Visible(Encoding.UTF8.GetString(line)) : null;
        if (_stream is { } stream)
        {
            stream.Write(escaped is null ? line : Encoding.UTF8.GetBytes(escaped));
            stream.Write(_newLine);
        }
        else
        {
            _writer.WriteLine(escaped ?? Encoding.UTF8.GetString(line));
        }
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
        if (result.Notes.Count > 0)
        {
            // What the screening could not read in the row (an FCC ID with no grantee code): reported, never dropped silently.
            json.WriteStrings("notes", result.Notes);
        }

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
