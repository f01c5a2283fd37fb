using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.BisDpl;

/// <summary>One row of the BIS Denied Persons List file.</summary>
internal sealed record BisDplRecord(int Line, string? Name, string? StreetAddress, string? City, string? State, string? Country,
    string? PostalCode, string? EffectiveDate, string? ExpirationDate, string? StandardOrder, string? LastUpdate, string? Action, string? FrCitation);

/// <summary>The rows of a DPL file and the rows the reader rejected.</summary>
internal sealed record BisDplDocument(IReadOnlyList<BisDplRecord> Records, IReadOnlyList<RejectedRecord> Rejected);

/// <summary>Reads the BIS Denied Persons List: tab-separated, quoted fields, a 12-column header
/// (<c>Name, Street_Address, City, State, Country, Postal_Code, Effective_Date, Expiration_Date, Standard_Order,
/// Last_Update, Action, FR_Citation</c>).</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class BisDplReader
{
    /// <summary>The header columns.</summary>
    public static readonly string[] Columns =
        ["Name", "Street_Address", "City", "State", "Country", "Postal_Code", "Effective_Date", "Expiration_Date", "Standard_Order", "Last_Update", "Action", "FR_Citation"];

    /// <summary>Reads DPL text.</summary>
    /// <exception cref="SanctionListSourceException">The header is not a DPL header, a line is too long, or quoting is broken beyond repair.</exception>
    public static BisDplDocument Read(string text, string sourceName, string location)
    {
        var rows = CsvRows.Read(text, "\t", sourceName, location);
        if (rows.Count == 0)
        {
            throw new SanctionListSourceException(sourceName, location, "the file is empty; a DPL file starts with a header line");
        }

        var index = CsvRows.IndexHeader(rows[0].Fields);
        CsvRows.Require(index, Columns, sourceName, location, rows[0].Line, "BIS Denied Persons List (tab-separated)");
        var records = new List<BisDplRecord>();
        var rejected = new List<RejectedRecord>();
        foreach (var row in rows.Skip(1))
        {
            if (row.BadData is not null)
            {
                rejected.Add(new RejectedRecord($"{location}:{row.Line}", row.BadData));
                continue;
            }

            if (row.Fields.Length < Columns.Length)
            {
                rejected.Add(new RejectedRecord($"{location}:{row.Line}", $"record has {row.Fields.Length} fields; the header has {Columns.Length}"));
                continue;
            }

            string? F(string column) => ListText.Clean(row[index[column]]);
            records.Add(new BisDplRecord(row.Line, F("Name"), F("Street_Address"), F("City"), F("State"), F("Country"), F("Postal_Code"),
                F("Effective_Date"), F("Expiration_Date"), F("Standard_Order"), F("Last_Update"), F("Action"), F("FR_Citation")));
        }

        return new BisDplDocument(records, rejected);
    }
}

/// <summary>Maps DPL rows to entities. The list prints one row per address of a denial order; rows with the same name,
/// effective date and Federal Register citation are one entity <c>bis-dpl:&lt;key&gt;</c> with all the addresses.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class BisDplMapper
{
    /// <summary>The id prefix and source name.</summary>
    public const string Prefix = "bis-dpl";

    private const string SourceUrl = "https://www.bis.doc.gov/index.php/the-denied-persons-list";

    public static void Map(BisDplDocument document, SnapshotAssembler assembler)
    {
        foreach (var rejected in document.Rejected)
        {
            assembler.Reject(rejected.Position, rejected.Reason);
        }

        var groups = new List<List<BisDplRecord>>();
        var byKey = new Dictionary<string, List<BisDplRecord>>(StringComparer.Ordinal);
        foreach (var record in document.Records)
        {
            if (record.Name is null)
            {
                assembler.RejectLine(record.Line, "the row has no name");
                continue;
            }

            var key = ListText.StableKey(record.Name, record.EffectiveDate, record.FrCitation);
            if (!byKey.TryGetValue(key, out var group))
            {
                group = [];
                byKey[key] = group;
                groups.Add(group);
            }

            group.Add(record);
        }

        foreach (var group in groups)
        {
            var first = group[0];
            var names = new NameSet();
            names.Add(first.Name, NameKind.Primary);
            var identifiers = new IdentifierSet();
            var countries = new OrderedSet();
            var remarks = new OrderedSet();
            foreach (var row in group)
            {
                identifiers.Add(IdentifierSchemes.Address, ListText.Join(", ", [row.StreetAddress, row.City, row.State, row.PostalCode, row.Country]));
                countries.Add(Countries.ToIso2(row.Country));
                remarks.Add(row.Action);
            }

            var listing = new Listing("us-bis-dpl")
            {
                Program = "EAR Part 764 (Denial of export privileges)",
                Authority = "Bureau of Industry and Security",
                NameAsListed = first.Name,
                ListedOn = ListText.MonthFirstDate(first.EffectiveDate) ?? ListText.IsoDate(first.EffectiveDate),
                RemovedOn = ListText.MonthFirstDate(first.ExpirationDate) ?? ListText.IsoDate(first.ExpirationDate),
                Scope = string.Equals(first.StandardOrder, "Y", StringComparison.OrdinalIgnoreCase) ? "Standard denial order." : null,
                Citation = first.FrCitation,
                SourceUrl = SourceUrl,
            };

            if (first.LastUpdate is { } updated)
            {
                remarks.Add("Last update: " + updated);
            }

            var entity = new Entity(Prefix + ":" + ListText.StableKey(first.Name, first.EffectiveDate, first.FrCitation), EntityKind.Unknown, names.Primary!)
            {
                Names = names.ToList(),
                Countries = countries.ToList(),
                Identifiers = identifiers.ToList(),
                Listings = [listing],
                SourceName = assembler.SourceName,
                Remarks = remarks.Join(" | "),
            };
            assembler.Add(entity, $"{assembler.Location}:{first.Line}");
        }
    }
}

/// <summary>The BIS Denied Persons List, tab-separated (<c>dpl.txt</c>). Rows of one denial order become one entity
/// <c>bis-dpl:&lt;key&gt;</c> on <c>us-bis-dpl</c> with the effective and expiration dates and the Federal Register
/// citation.</summary>
/// <remarks>Instances are safe for concurrent use; every <see cref="LoadAsync"/> reads the file again.</remarks>
public sealed class BisDplFileSource : ISanctionListSource
{
    private readonly string _path;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="BisDplFileSource"/> class.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="timeProvider">The clock for <see cref="ListSnapshot.FetchedAt"/>; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public BisDplFileSource(string path, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = path;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    /// <remarks>Always <c>bis-dpl</c>, the prefix of the entity ids.</remarks>
    public string Name => BisDplMapper.Prefix;

    /// <inheritdoc />
    public ValueTask<ListSnapshot> LoadAsync(CancellationToken cancellationToken = default) =>
        ListFileLoader.LoadAsync(_path, Name, _timeProvider, Read, cancellationToken);

    /// <summary>Reads DPL bytes.</summary>
    /// <param name="content">The file content (UTF-8, or Windows-1252 when not valid UTF-8).</param>
    /// <param name="location">The file or URL, used in positions and messages.</param>
    /// <param name="fetchedAt">When the bytes were fetched.</param>
    /// <param name="fallbackVersion">The version to use, since the file carries no publication date; <see langword="null"/> for the date of <paramref name="fetchedAt"/>.</param>
    /// <returns>The snapshot, with every unusable row in <see cref="ListSnapshot.RejectedRecords"/>.</returns>
    /// <exception cref="SanctionListSourceException">The header is not a DPL header, a line is too long, or quoting is broken beyond repair.</exception>
    public static ListSnapshot Read(ReadOnlyMemory<byte> content, string location, DateTimeOffset fetchedAt, string? fallbackVersion = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        var document = BisDplReader.Read(ListInput.Decode(content.Span), BisDplMapper.Prefix, location);
        var assembler = new SnapshotAssembler(BisDplMapper.Prefix, location);
        BisDplMapper.Map(document, assembler);
        return assembler.Build(fallbackVersion ?? ListText.Version(fetchedAt), fetchedAt, ListText.Sha256(content.Span));
    }
}
