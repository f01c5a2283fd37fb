using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace VendorScreen;

/// <summary>
/// One recorded screening: what was screened (the request inside <see cref="Result"/>), what was decided and why (hits, evidence,
/// suppressed hits), against which list versions and their SHA-256s, with which algorithm and policy, when and by whom. Records are
/// append-only: a store never changes or deletes one.
/// </summary>
/// <remarks>Instances are immutable and safe for concurrent use. The JSON form (<see cref="ToJson"/>) is what
/// <c>vendorscreen audit export</c> writes, one record per line.</remarks>
public sealed record ScreeningAuditRecord
{
    /// <summary>Gets the position of the record in its store, increasing with each append; 0 before the record is stored.</summary>
    public long Sequence { get; init; }

    /// <summary>Gets the key that ties screenings of the same party or product together over time (<see cref="SubjectOf"/>).</summary>
    public required string Subject { get; init; }

    /// <summary>Gets the result, with the request it answers.</summary>
    public required ScreeningResult Result { get; init; }

    /// <summary>Gets when the record was written.</summary>
    public DateTimeOffset RecordedAt { get; init; }

    /// <summary>Gets who ran the screening (a user name or service identity), if known.</summary>
    public string? User { get; init; }

    /// <summary>Gets the list snapshots the dataset was built from: source, version, SHA-256 of the bytes read, location, entity count.</summary>
    public IReadOnlyList<AuditedDataset> Datasets { get; init; } = [];

    /// <summary>Gets the entities the hits (and suppressed hits) refer to, as the dataset had them: names, lists and the fingerprint
    /// of the entry, so that a later screening can tell what changed on the list.</summary>
    public IReadOnlyList<AuditedEntity> Entities { get; init; } = [];

    /// <summary>Gets the version of the library that screened.</summary>
    public string? LibraryVersion { get; init; }

    /// <summary>Writes the record as one line of JSON (camel case, enums as names, <see langword="null"/> values left out).</summary>
    /// <returns>The JSON text, without line breaks.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, Audit.AuditJsonContext.Default.ScreeningAuditRecord);

    /// <summary>Reads a record written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The text is not a record; the message names the path.</exception>
    public static ScreeningAuditRecord FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, Audit.AuditJsonContext.Default.ScreeningAuditRecord)
            ?? throw new JsonException("The audit record is JSON null.");
    }

    /// <summary>Gets the subject key of a request: <c>id:</c> and the request id when it has one, else <c>request:</c> and a hash of
    /// the request's fields (without its as-of date), so that the same row screened again has the same subject.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The subject key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public static string SubjectOf(ScreeningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.IsNullOrWhiteSpace(request.Id))
        {
            return "id:" + request.Id.Trim();
        }

        var json = JsonSerializer.Serialize(request with { AsOf = null }, VendorScreenJsonContext.Default.ScreeningRequest);
        return "request:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..32].ToLowerInvariant();
    }

    /// <summary>The informational version of the library, for <see cref="LibraryVersion"/>.</summary>
    internal static string? CurrentLibraryVersion { get; } =
        typeof(ScreeningAuditRecord).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ScreeningAuditRecord).Assembly.GetName().Version?.ToString();

    /// <summary>Builds the record of a result screened against a generation.</summary>
    /// <param name="result">The result (with its request).</param>
    /// <param name="generation">The generation screened against, or <see langword="null"/> when unknown.</param>
    /// <param name="user">Who screened.</param>
    /// <param name="recordedAt">When.</param>
    /// <returns>The record, not yet stored.</returns>
    internal static ScreeningAuditRecord Create(ScreeningResult result, ScreeningDatasetGeneration? generation, string? user, DateTimeOffset recordedAt)
    {
        var request = result.Request ?? throw new ArgumentException("The result carries no request; only results of the engine can be recorded.", nameof(result));
        var dataset = generation is not null && string.Equals(generation.Dataset.Version, result.DatasetVersion, StringComparison.Ordinal) ? generation.Dataset : null;
        var datasets = dataset?.Snapshots.Select(s => new AuditedDataset(s.SourceName, s.Version)
        {
            Sha256 = s.Sha256,
            Location = s.Location,
            FetchedAt = s.FetchedAt,
            Entities = s.Entities.Count,
        }).ToArray() ?? [];
        var ids = result.Hits.Concat(result.Suppressed.Select(s => s.Hit))
            .SelectMany(h => new[] { h.EntityId, h.ListedEntityId })
            .Distinct(StringComparer.Ordinal);
        var entities = new List<AuditedEntity>();
        foreach (var id in ids)
        {
            if (dataset?.FindEntity(id) is { } entity)
            {
                entities.Add(AuditedEntity.Of(entity));
            }
        }

        return new ScreeningAuditRecord
        {
            Subject = SubjectOf(request),
            Result = result,
            RecordedAt = recordedAt,
            User = string.IsNullOrWhiteSpace(user) ? null : user.Trim(),
            Datasets = datasets,
            Entities = entities,
            LibraryVersion = CurrentLibraryVersion,
        };
    }
}

/// <summary>One list snapshot a recorded screening ran against.</summary>
/// <param name="SourceName">The source name.</param>
/// <param name="Version">The list version.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record AuditedDataset(string SourceName, string Version)
{
    /// <summary>Gets the lower-case hex SHA-256 of the bytes read, if known.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Gets where the list was read from.</summary>
    public string? Location { get; init; }

    /// <summary>Gets when the bytes were fetched.</summary>
    public DateTimeOffset FetchedAt { get; init; }

    /// <summary>Gets the number of entities the snapshot had.</summary>
    public int Entities { get; init; }
}

/// <summary>An entity a recorded screening hit, as the list had it then.</summary>
/// <param name="Id">The entity id.</param>
/// <param name="Name">The primary name.</param>
/// <param name="Fingerprint">The fingerprint of the entry (<see cref="ScreeningDisposition.Fingerprint"/>).</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record AuditedEntity(string Id, string Name, string Fingerprint)
{
    /// <summary>Gets every name of the entity.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>Gets the entity's listings as <c>list</c> or <c>list/program</c>.</summary>
    public IReadOnlyList<string> Lists { get; init; } = [];

    /// <summary>Captures an entity.</summary>
    /// <param name="entity">The entity.</param>
    /// <returns>The captured entity.</returns>
    internal static AuditedEntity Of(Entity entity) => new(entity.Id, entity.PrimaryName, ScreeningDisposition.Fingerprint(entity))
    {
        Names = entity.Names.Select(n => n.Value).Prepend(entity.PrimaryName).Distinct(StringComparer.Ordinal).ToArray(),
        Lists = entity.Listings.Select(l => l.Program is null ? l.ListId : string.Create(CultureInfo.InvariantCulture, $"{l.ListId}/{l.Program}"))
            .Distinct(StringComparer.Ordinal).ToArray(),
    };
}
