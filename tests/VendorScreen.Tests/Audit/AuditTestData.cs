using VendorScreen.Sources;

namespace VendorScreen.Tests.Audit;

/// <summary>Small lists and records the audit tests build themselves.</summary>
internal static class AuditTestData
{
    public const string ListId = "acme-blocklist";

    /// <summary>A custom blocklist with Globex Trading on it, optionally with an extra alias (a changed entry).</summary>
    /// <summary>The blocklist without Umbrella Holdings (delisted), with another entry in its place so that the list keeps its size
    /// (the loader refuses a version that loses half its entities).</summary>
    public static ListSnapshot BlocklistWithoutUmbrella(string version) => Blocklist(version) with
    {
        Entities =
        [
            Blocklist(version).Entities[0],
            new Entity("acme:zenith", EntityKind.Organization, "Zenith Quarry Equipment")
            {
                Names = [new EntityName("Zenith Quarry Equipment", NameKind.Primary)],
                Listings = [new Listing(ListId) { Program = "SUPPLIER-BAN" }],
            },
        ],
    };

    public static ListSnapshot Blocklist(string version, params string[] extraAliases) => new("acme", version)
    {
        Entities =
        [
            new Entity("acme:globex", EntityKind.Organization, "Globex Trading")
            {
                Names = [new EntityName("Globex Trading", NameKind.Primary), .. extraAliases.Select(a => new EntityName(a, NameKind.Alias))],
                Countries = ["AE"],
                Listings = [new Listing(ListId) { Program = "SUPPLIER-BAN" }],
            },
            new Entity("acme:umbrella", EntityKind.Organization, "Umbrella Holdings")
            {
                Names = [new EntityName("Umbrella Holdings", NameKind.Primary)],
                Listings = [new Listing(ListId) { Program = "SUPPLIER-BAN" }],
            },
        ],
        Lists = [new ListDefinition(ListId, "ACME supplier blocklist", ListCategory.Sanctions)],
        Sha256 = new string('a', 64),
        Location = "memory",
        FetchedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
    };

    /// <summary>A record for store tests, with a result that carries its request.</summary>
    public static ScreeningAuditRecord Record(string subjectId, ScreeningDecision decision, DateTimeOffset recordedAt, string? user = "analyst") => new()
    {
        Subject = "id:" + subjectId,
        RecordedAt = recordedAt,
        User = user,
        Result = new ScreeningResult
        {
            RequestId = subjectId,
            Request = new PartyScreeningRequest("Supplier " + subjectId) { Id = subjectId, Country = "DE" },
            Decision = decision,
            Reason = "test " + decision,
            DatasetVersion = "acme@1",
            Algorithm = "token-align-v4",
            Policy = "default",
            ScreenedAt = recordedAt,
            Hits = decision == ScreeningDecision.Clear
                ? []
                :
                [
                    new ScreeningHit
                    {
                        Field = "name",
                        Query = "Supplier " + subjectId,
                        EntityId = "acme:globex",
                        EntityName = "Globex Trading",
                        MatchedName = "Globex Trading",
                        ListedEntityId = "acme:globex",
                        ListedEntityName = "Globex Trading",
                        Score = 0.93,
                        Decision = decision,
                        Rule = "sanctions-strong-match",
                        Listings = [new Listing(ListId) { Program = "SUPPLIER-BAN" }],
                        Evidence = new MatchEvidence(MatchEvidence.Name, FactConfidence.Official) { SourceUrl = "https://example.org/list" },
                    },
                ],
        },
        Datasets = [new AuditedDataset("acme", "1") { Sha256 = new string('b', 64), Entities = 2 }],
        Entities = [new AuditedEntity("acme:globex", "Globex Trading", new string('c', 64)) { Names = ["Globex Trading"], Lists = [ListId + "/SUPPLIER-BAN"] }],
    };

    public static ScreeningDisposition Disposition(string id, string party = "Globex Trading", DateTimeOffset? expiresAt = null) => new()
    {
        Id = id,
        Party = party,
        EntityId = "acme:globex",
        Kind = DispositionKind.FalsePositive,
        DecidedBy = "analyst",
        Reason = "different company: other country and registration",
        DecidedAt = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero),
        ExpiresAt = expiresAt,
        EntityFingerprint = new string('d', 64),
    };
}

/// <summary>A source whose snapshot a test replaces, to publish a changed list on the next refresh.</summary>
internal sealed class SwitchableSource(ListSnapshot snapshot) : ISanctionListSource
{
    private ListSnapshot _snapshot = snapshot;

    public string Name => _snapshot.SourceName;

    public ListSnapshot Snapshot
    {
        get => Volatile.Read(ref _snapshot);
        set => Volatile.Write(ref _snapshot, value);
    }

    public ValueTask<ListSnapshot> LoadAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Snapshot);
}
