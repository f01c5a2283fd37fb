using System.Security.Cryptography;
using System.Text.Json;
using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.VendorScreenJson;

/// <summary>Reads the library's own dataset format, <c>vendorscreen-dataset/1</c> (see <c>docs/dataset-format.md</c>).</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class VendorScreenJsonReader
{
    /// <summary>The format tag the document must carry.</summary>
    public const string FormatTag = "vendorscreen-dataset/1";

    /// <summary>The largest document the reader accepts, in bytes.</summary>
    public const int MaxDocumentBytes = 256 * 1024 * 1024;

    /// <summary>Reads a dataset document.</summary>
    /// <param name="utf8Json">The document bytes.</param>
    /// <param name="location">The file, URL or resource name, used in messages.</param>
    /// <param name="fetchedAt">When the bytes were fetched.</param>
    /// <returns>The snapshot, with every unusable record in <see cref="ListSnapshot.RejectedRecords"/>.</returns>
    /// <exception cref="SanctionListSourceException">The document is not valid JSON, too large, or not in the format.</exception>
    public static ListSnapshot Read(ReadOnlyMemory<byte> utf8Json, string location, DateTimeOffset fetchedAt)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (utf8Json.Length > MaxDocumentBytes)
        {
            throw new SanctionListSourceException("vendorscreen-json", location, $"document of {utf8Json.Length} bytes exceeds the limit of {MaxDocumentBytes} bytes");
        }

        var invalid = Utf8Validation.FirstInvalidByte(utf8Json.Span);
        if (invalid >= 0)
        {
            var line = utf8Json.Span[..invalid].Count((byte)'\n') + 1;
            throw new SanctionListSourceException("vendorscreen-json", $"{location} line {line}, byte offset {invalid}", "not valid UTF-8");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { MaxDepth = 32, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new SanctionListSourceException("vendorscreen-json", $"{location} line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}", "not valid JSON: " + ex.Message, ex);
        }

        using (doc)
        {
            try
            {
                return ReadRoot(doc.RootElement, utf8Json, location, fetchedAt);
            }
            catch (InvalidOperationException ex)
            {
                // System.Text.Json decodes strings lazily: an escaped unpaired surrogate ("\ud800") fails only here.
                throw new SanctionListSourceException("vendorscreen-json", location, "a string is not valid text: " + ex.Message, ex);
            }
        }
    }

    private static ListSnapshot ReadRoot(JsonElement root, ReadOnlyMemory<byte> utf8Json, string location, DateTimeOffset fetchedAt)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new SanctionListSourceException("vendorscreen-json", location, "the document must be a JSON object");
        }

        var format = GetString(root, "format");
        if (!string.Equals(format, FormatTag, StringComparison.Ordinal))
        {
            throw new SanctionListSourceException("vendorscreen-json", location, $"\"format\" must be \"{FormatTag}\" but is {(format is null ? "missing" : "\"" + format + "\"")}");
        }

        var source = GetString(root, "source");
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new SanctionListSourceException("vendorscreen-json", location, "\"source\" is missing");
        }

        var version = GetString(root, "version") ?? "unversioned";
        var rejected = new List<RejectedRecord>();
        var lists = ReadLists(root, rejected);
        var knownLists = new HashSet<string>(lists.Select(l => l.Id), StringComparer.Ordinal);
        var entities = ReadEntities(root, source, knownLists, rejected);
        var ids = new HashSet<string>(entities.Select(e => e.Id), StringComparer.Ordinal);
        var relations = ReadRelations(root, source, ids, rejected);

        return new ListSnapshot(source, version)
        {
            Entities = entities,
            Relations = relations,
            Lists = lists,
            FetchedAt = fetchedAt,
            Sha256 = Convert.ToHexString(SHA256.HashData(utf8Json.Span)).ToLowerInvariant(),
            Location = location,
            RejectedRecords = rejected,
        };
    }

    private static List<ListDefinition> ReadLists(JsonElement root, List<RejectedRecord> rejected)
    {
        var result = new List<ListDefinition>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = -1;
        foreach (var el in Array(root, "lists"))
        {
            i++;
            var path = $"$.lists[{i}]";
            var id = GetString(el, "id");
            var name = GetString(el, "name");
            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(name))
            {
                rejected.Add(new(path, "a list needs \"id\" and \"name\""));
                continue;
            }

            if (!TryParseCategory(GetString(el, "category"), out var category))
            {
                rejected.Add(new(path, $"unknown list category \"{GetString(el, "category")}\""));
                continue;
            }

            if (!seen.Add(id))
            {
                rejected.Add(new(path, $"duplicate list id \"{id}\""));
                continue;
            }

            result.Add(new ListDefinition(id, name, category)
            {
                Authority = GetString(el, "authority"),
                LegalBasis = GetString(el, "legalBasis"),
                ExtendsToAffiliates = el.TryGetProperty("extendsToAffiliates", out var ext) && ext.ValueKind == JsonValueKind.True,
                SourceUrl = GetString(el, "sourceUrl"),
                Notes = GetString(el, "notes"),
            });
        }

        return result;
    }

    private static List<Entity> ReadEntities(JsonElement root, string source, HashSet<string> knownLists, List<RejectedRecord> rejected)
    {
        var result = new List<Entity>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        ReadEach(root, "entities", rejected, (JsonElement el, ref string path) => ReadEntity(el, ref path, source, knownLists, seen, result, rejected));
        return result;
    }

    private static string? ReadEntity(JsonElement el, ref string path, string source, HashSet<string> knownLists, HashSet<string> seen, List<Entity> result,
        List<RejectedRecord> rejected)
    {
        var localId = GetString(el, "id");
        var name = GetString(el, "name");
        if (string.IsNullOrWhiteSpace(localId) || string.IsNullOrWhiteSpace(name))
        {
            return "an entity needs \"id\" and \"name\"";
        }

        path = $"{path} (id {localId})";
        if (!TryParseEntityKind(GetString(el, "kind"), out var kind))
        {
            return $"unknown entity kind \"{GetString(el, "kind")}\"";
        }

        var id = source + ":" + localId;
        if (!seen.Add(id))
        {
            return $"duplicate entity id \"{localId}\"";
        }

        var names = new List<EntityName> { new(name, NameKind.Primary) };
        var j = -1;
        foreach (var n in Array(el, "names"))
        {
            j++;
            var value = GetString(n, "value");
            if (string.IsNullOrWhiteSpace(value))
            {
                rejected.Add(new($"{path}.names[{j}]", "a name needs \"value\""));
                continue;
            }

            if (!TryParseNameKind(GetString(n, "kind"), out var nameKind) || !TryParseConfidence(GetString(n, "confidence"), out var nameConfidence))
            {
                rejected.Add(new($"{path}.names[{j}]", $"unknown name kind \"{GetString(n, "kind")}\" or confidence \"{GetString(n, "confidence")}\""));
                continue;
            }

            if (!TryGetScope(n, out var nameScope, out var nameScopeProblem))
            {
                rejected.Add(new($"{path}.names[{j}]", nameScopeProblem!));
                continue;
            }

            names.Add(new EntityName(value, nameKind)
            {
                Script = GetString(n, "script"),
                Language = GetString(n, "lang"),
                Confidence = nameConfidence,
                SourceUrl = GetString(n, "sourceUrl"),
                Scope = nameScope,
            });
        }

        var identifiers = new List<EntityIdentifier>();
        j = -1;
        foreach (var x in Array(el, "identifiers"))
        {
            j++;
            var scheme = GetString(x, "scheme");
            var value = GetString(x, "value");
            if (string.IsNullOrWhiteSpace(scheme) || string.IsNullOrWhiteSpace(value) || !TryParseConfidence(GetString(x, "confidence"), out var idConfidence))
            {
                rejected.Add(new($"{path}.identifiers[{j}]", "an identifier needs \"scheme\", \"value\" and a valid \"confidence\""));
                continue;
            }

            if (!TryGetDate(x, "validFrom", out var idFrom) || !TryGetDate(x, "validTo", out var idTo))
            {
                rejected.Add(new($"{path}.identifiers[{j}]", "\"validFrom\"/\"validTo\" must be yyyy, yyyy-MM or yyyy-MM-dd"));
                continue;
            }

            if (!TryGetScope(x, out var idScope, out var scopeProblem) || !TryGetBoolean(x, "weak", out var weak))
            {
                rejected.Add(new($"{path}.identifiers[{j}]", scopeProblem ?? "\"weak\" must be true or false"));
                continue;
            }

            identifiers.Add(new EntityIdentifier(scheme, value)
            {
                Confidence = idConfidence,
                SourceUrl = GetString(x, "sourceUrl"),
                Notes = GetString(x, "notes"),
                Weak = weak,
                Scope = idScope,
                ValidFrom = idFrom,
                ValidTo = idTo,
            });
        }

        var listings = new List<Listing>();
        j = -1;
        foreach (var l in Array(el, "listings"))
        {
            j++;
            var lpath = $"{path}.listings[{j}]";
            var listId = GetString(l, "list");
            if (string.IsNullOrWhiteSpace(listId) || !knownLists.Contains(listId))
            {
                rejected.Add(new(lpath, $"listing names list \"{listId}\", which is not defined in \"lists\""));
                continue;
            }

            if (!TryGetDate(l, "listedOn", out var listedOn) || !TryGetDate(l, "removedOn", out var removedOn) || !TryParseConfidence(GetString(l, "confidence"), out var lconf))
            {
                rejected.Add(new(lpath, "\"listedOn\"/\"removedOn\" must be yyyy, yyyy-MM or yyyy-MM-dd and \"confidence\" official, reported or uncertain"));
                continue;
            }

            listings.Add(new Listing(listId)
            {
                Program = GetString(l, "program"),
                Authority = GetString(l, "authority"),
                NameAsListed = GetString(l, "nameAsListed"),
                ListedOn = listedOn,
                RemovedOn = removedOn,
                Scope = GetString(l, "scope"),
                Citation = GetString(l, "citation"),
                SourceUrl = GetString(l, "sourceUrl"),
                Confidence = lconf,
            });
        }

        var entity = new Entity(id, kind, name)
        {
            Names = names,
            Countries = Array(el, "countries").Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetString()!.ToUpperInvariant()).ToArray(),
            Identifiers = identifiers,
            Listings = listings,
            Remarks = GetString(el, "remarks"),
            SourceName = source,
        };
        if (Lists.EntityChecks.FindProblem(entity) is { } problem)
        {
            return problem;
        }

        result.Add(entity);
        return null;
    }

    private static List<Relation> ReadRelations(JsonElement root, string source, HashSet<string> ids, List<RejectedRecord> rejected)
    {
        var result = new List<Relation>();
        ReadEach(root, "relations", rejected, (JsonElement el, ref string path) => ReadRelation(el, ref path, source, ids, result));
        return result;
    }

    private static string? ReadRelation(JsonElement el, ref string path, string source, HashSet<string> ids, List<Relation> result)
    {
        var from = GetString(el, "from");
        var to = GetString(el, "to");
        if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to))
        {
            return "a relation needs \"from\" and \"to\"";
        }

        path = $"{path} ({from} -> {to})";
        string fromId = source + ":" + from, toId = source + ":" + to;
        if (!ids.Contains(fromId) || !ids.Contains(toId))
        {
            return $"relation refers to an unknown entity \"{(ids.Contains(fromId) ? to : from)}\"";
        }

        if (!ModelText.TryParseRelationKind(GetString(el, "kind"), StringComparison.Ordinal, out var kind))
        {
            return $"unknown relation kind \"{GetString(el, "kind")}\"";
        }

        if (!TryGetDate(el, "validFrom", out var validFrom) || !TryGetDate(el, "validTo", out var validTo))
        {
            return "\"validFrom\"/\"validTo\" must be yyyy, yyyy-MM or yyyy-MM-dd";
        }

        if (!TryParseConfidence(GetString(el, "confidence"), out var confidence))
        {
            return $"unknown confidence \"{GetString(el, "confidence")}\"";
        }

        if (!TryGetScope(el, out var scope, out var scopeProblem))
        {
            return scopeProblem!;
        }

        decimal? share = el.TryGetProperty("sharePercent", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDecimal() : null;
        result.Add(new Relation(fromId, toId, kind)
        {
            ValidFrom = validFrom,
            ValidTo = validTo,
            Confidence = confidence,
            SharePercent = share,
            SourceUrl = GetString(el, "sourceUrl"),
            Notes = GetString(el, "notes"),
            Scope = scope,
        });
        return null;
    }

    /// <summary>Reads one record of a top-level array into its list.</summary>
    /// <returns>Why the record is rejected, or <see langword="null"/> when it was read.</returns>
    private delegate string? RecordReader(JsonElement element, ref string path);

    /// <summary>Reads every record of a top-level array in order: a record the reader refuses, or one holding a string that does
    /// not decode, is rejected at its path (<c>$.entities[3]</c>, which the reader may make more precise with the record's id)
    /// and the other records are kept.</summary>
    private static void ReadEach(JsonElement root, string property, List<RejectedRecord> rejected, RecordReader read)
    {
        var i = 0;
        foreach (var el in Array(root, property))
        {
            var path = $"$.{property}[{i++}]";
            try
            {
                if (read(el, ref path) is { } problem)
                {
                    rejected.Add(new(path, problem));
                }
            }
            catch (InvalidOperationException ex)
            {
                rejected.Add(Undecodable(path, ex));
            }
        }
    }

    /// <summary>A record with a string that does not decode to valid UTF-16: <see cref="JsonElement.GetString"/> throws for an unpaired
    /// surrogate escape such as <c>\ud800</c> only when the string is read.</summary>
    private static RejectedRecord Undecodable(string path, InvalidOperationException ex) =>
        new(path, "a text value is not valid Unicode (an unpaired surrogate escape): " + ex.Message);

    private static readonly JsonElement EmptyArray = JsonDocument.Parse("[]").RootElement.Clone();

    private static JsonElement.ArrayEnumerator Array(JsonElement parent, string property) =>
        parent.TryGetProperty(property, out var el) && el.ValueKind == JsonValueKind.Array ? el.EnumerateArray() : EmptyArray.EnumerateArray();

    private static string? GetString(JsonElement el, string property) =>
        el.ValueKind == JsonValueKind.Object && el.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Reads an optional <c>scope</c>: an array of known product categories (<see cref="ProductCategories"/>).</summary>
    private static bool TryGetScope(JsonElement el, out IReadOnlyList<string> scope, out string? problem)
    {
        scope = [];
        problem = null;
        if (!el.TryGetProperty("scope", out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        var values = new List<string>();
        if (v.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in v.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || !ProductCategories.IsKnown(item.GetString()))
                {
                    problem = $"\"scope\" names an unknown product category {item.GetRawText()}; known: {string.Join(", ", ProductCategories.All)}";
                    return false;
                }

                values.Add(item.GetString()!);
            }

            scope = values.Distinct(StringComparer.Ordinal).ToArray();
            return true;
        }

        problem = $"\"scope\" must be an array of product categories ({string.Join(", ", ProductCategories.All)})";
        return false;
    }

    private static bool TryGetBoolean(JsonElement el, string property, out bool value)
    {
        value = false;
        if (!el.TryGetProperty(property, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            value = v.GetBoolean();
            return true;
        }

        return false;
    }

    private static bool TryGetDate(JsonElement el, string property, out FactDate? date)
    {
        date = null;
        if (!el.TryGetProperty(property, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (v.ValueKind == JsonValueKind.String && FactDate.TryParse(v.GetString(), out var d))
        {
            date = d;
            return true;
        }

        return false;
    }

    // Enum values are spelt as their names in lower kebab case; an absent value is the member that stands for "not said".
    internal static bool TryParseConfidence(string? text, out FactConfidence value) => TryParseOr(text, FactConfidence.Official, out value);

    internal static bool TryParseEntityKind(string? text, out EntityKind value) => TryParseOr(text, EntityKind.Unknown, out value);

    // Name kinds keep their own table: a native-script name is spelt "native".
    internal static bool TryParseNameKind(string? text, out NameKind value)
    {
        value = text switch
        {
            "primary" => NameKind.Primary,
            null or "alias" => NameKind.Alias,
            "weak-alias" => NameKind.WeakAlias,
            "former" => NameKind.Former,
            "native" => NameKind.NativeScript,
            "brand" => NameKind.Brand,
            _ => (NameKind)(-1),
        };
        return (int)value >= 0;
    }

    internal static bool TryParseCategory(string? text, out ListCategory value) => TryParseOr(text, ListCategory.Other, out value);

    private static bool TryParseOr<TEnum>(string? text, TEnum absent, out TEnum value)
        where TEnum : struct, Enum
    {
        if (text is null)
        {
            value = absent;
            return true;
        }

        return ModelText.TryParseKebab(text, out value);
    }
}
