using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.CustomCsv;

/// <summary>One row of a custom list CSV.</summary>
internal sealed record CustomCsvRecord(int Line, string? Id, string? Name, string? Kind, string? Aliases, string? Country, string? List, string? Program,
    string? ListedOn, string? Identifiers, string? Notes);

/// <summary>The rows of a custom list CSV and the rows the reader rejected.</summary>
internal sealed record CustomCsvDocument(IReadOnlyList<CustomCsvRecord> Records, IReadOnlyList<RejectedRecord> Rejected);

/// <summary>Reads VendorScreen's CSV format for custom lists (see <c>docs/custom-csv-format.md</c>): a header with
/// <c>id,name,kind,aliases,country,list,program,listed_on,identifiers,notes</c> (any order, <c>id</c> and <c>name</c>
/// required), then one row per listed party.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class CustomCsvReader
{
    /// <summary>Every column of the format.</summary>
    public static readonly string[] Columns = ["id", "name", "kind", "aliases", "country", "list", "program", "listed_on", "identifiers", "notes"];

    /// <summary>The columns a header must have.</summary>
    public static readonly string[] RequiredColumns = ["id", "name"];

    /// <summary>Reads custom list CSV text.</summary>
    /// <exception cref="SanctionListSourceException">The header lacks <c>id</c> or <c>name</c>, a line is too long, or quoting is broken beyond repair.</exception>
    public static CustomCsvDocument Read(string text, string sourceName, string location)
    {
        var rows = CsvRows.Read(text, ",", sourceName, location);
        if (rows.Count == 0)
        {
            throw new SanctionListSourceException(sourceName, location, "the file is empty; a custom list CSV starts with a header line (id,name,...)");
        }

        var index = CsvRows.IndexHeader(rows[0].Fields);
        CsvRows.Require(index, RequiredColumns, sourceName, location, rows[0].Line, "custom list CSV");
        var records = new List<CustomCsvRecord>();
        var rejected = new List<RejectedRecord>();
        foreach (var row in rows.Skip(1))
        {
            if (row.BadData is not null)
            {
                rejected.Add(new RejectedRecord($"{location}:{row.Line}", row.BadData));
                continue;
            }

            if (row.Fields.Length > rows[0].Fields.Length)
            {
                rejected.Add(new RejectedRecord($"{location}:{row.Line}", $"record has {row.Fields.Length} fields; the header has {rows[0].Fields.Length} (quote values that contain commas)"));
                continue;
            }

            string? F(string column) => index.TryGetValue(column, out var i) ? ListText.Clean(row[i]) : null;
            records.Add(new CustomCsvRecord(row.Line, F("id"), F("name"), F("kind"), F("aliases"), F("country"), F("list"), F("program"), F("listed_on"), F("identifiers"), F("notes")));
        }

        return new CustomCsvDocument(records, rejected);
    }
}

/// <summary>Maps custom list rows to entities <c>&lt;source&gt;:&lt;id&gt;</c>, each listed on its <c>list</c>
/// (default <c>custom</c>), every list being of category <see cref="ListCategory.Custom"/>.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class CustomCsvMapper
{
    /// <summary>The list id of rows that name none.</summary>
    public const string DefaultListId = "custom";

    public static void Map(CustomCsvDocument document, SnapshotAssembler assembler)
    {
        foreach (var rejected in document.Rejected)
        {
            assembler.Reject(rejected.Position, rejected.Reason);
        }

        foreach (var record in document.Records)
        {
            MapRecord(record, assembler);
        }
    }

    private static void MapRecord(CustomCsvRecord record, SnapshotAssembler assembler)
    {
        if (record.Id is null || record.Name is null)
        {
            assembler.RejectLine(record.Line, "a row needs \"id\" and \"name\"");
            return;
        }

        if (!TryKind(record.Kind, out var kind))
        {
            assembler.RejectLine(record.Line, $"unknown kind \"{record.Kind}\"; use organization, person, vessel, aircraft, brand, government or unknown");
            return;
        }

        var countries = new OrderedSet();
        foreach (var country in ListText.Split(record.Country))
        {
            if (Countries.ToIso2(country) is not { } code)
            {
                assembler.RejectLine(record.Line, $"unknown country \"{country}\"; use ISO 3166-1 alpha-2 codes such as CN or US");
                return;
            }

            countries.Add(code);
        }

        FactDate? listedOn = null;
        if (record.ListedOn is not null)
        {
            if (!FactDate.TryParse(record.ListedOn, out var date))
            {
                assembler.RejectLine(record.Line, $"listed_on \"{record.ListedOn}\" is not a date of the form yyyy, yyyy-MM or yyyy-MM-dd");
                return;
            }

            listedOn = date;
        }

        var identifiers = new IdentifierSet();
        foreach (var identifier in ListText.Split(record.Identifiers))
        {
            var colon = identifier.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == identifier.Length - 1)
            {
                assembler.RejectLine(record.Line, $"identifier \"{identifier}\" is not of the form scheme:value");
                return;
            }

            identifiers.Add(identifier[..colon].Trim().ToLowerInvariant(), identifier[(colon + 1)..]);
        }

        var listId = record.List ?? DefaultListId;
        if (ListText.Kebab(listId) != listId)
        {
            assembler.RejectLine(record.Line, $"list id \"{listId}\" must be lower-case letters, digits and dashes (for example \"erp-blocklist\")");
            return;
        }

        assembler.Define(new ListDefinition(listId, listId, ListCategory.Custom) { Notes = "A custom list read from " + Path.GetFileName(assembler.Location) });
        var names = new NameSet();
        names.Add(record.Name, NameKind.Primary);
        foreach (var alias in ListText.Split(record.Aliases))
        {
            names.Add(alias, NameKind.Alias);
        }

        var entity = new Entity(assembler.SourceName + ":" + record.Id, kind, names.Primary!)
        {
            Names = names.ToList(),
            Countries = countries.ToList(),
            Identifiers = identifiers.ToList(),
            Listings = [new Listing(listId) { Program = record.Program, NameAsListed = record.Name, ListedOn = listedOn }],
            SourceName = assembler.SourceName,
            Remarks = record.Notes,
        };
        assembler.Add(entity, $"{assembler.Location}:{record.Line}");
    }

    private static bool TryKind(string? text, out EntityKind kind)
    {
        kind = text?.ToUpperInvariant() switch
        {
            null or "" or "UNKNOWN" => EntityKind.Unknown,
            "ORGANIZATION" or "ORGANISATION" or "COMPANY" => EntityKind.Organization,
            "PERSON" or "INDIVIDUAL" => EntityKind.Person,
            "VESSEL" => EntityKind.Vessel,
            "AIRCRAFT" => EntityKind.Aircraft,
            "BRAND" => EntityKind.Brand,
            "GOVERNMENT" => EntityKind.Government,
            _ => (EntityKind)(-1),
        };
        return (int)kind >= 0;
    }
}

/// <summary>A custom list (an ERP's internal blocklist, say) in VendorScreen's CSV format: a header with
/// <c>id,name,kind,aliases,country,list,program,listed_on,identifiers,notes</c> (any order; <c>id</c> and <c>name</c>
/// required), aliases separated by <c>;</c>, identifiers written <c>scheme:value;...</c>. Each row becomes an entity
/// <c>&lt;source name&gt;:&lt;id&gt;</c> listed on its <c>list</c> (default <c>custom</c>), of category
/// <see cref="ListCategory.Custom"/>. See <c>docs/custom-csv-format.md</c>.</summary>
/// <remarks>Instances are safe for concurrent use; every <see cref="LoadAsync"/> reads the file again.</remarks>
public sealed class CustomCsvFileSource : ISanctionListSource
{
    private readonly string _path;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="CustomCsvFileSource"/> class.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="timeProvider">The clock for <see cref="ListSnapshot.FetchedAt"/>; <see langword="null"/> for the system clock.</param>
    /// <param name="name">The source name and entity id prefix; <see langword="null"/> for the file name without extension, in lower kebab case.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or <paramref name="name"/> is not lower kebab case.</exception>
    public CustomCsvFileSource(string path, TimeProvider? timeProvider = null, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = path;
        _timeProvider = timeProvider ?? TimeProvider.System;
        Name = name ?? DefaultName(path);
        if (string.IsNullOrEmpty(Name) || ListText.Kebab(Name) != Name)
        {
            throw new ArgumentException($"The source name \"{Name}\" must be lower-case letters, digits and dashes.", nameof(name));
        }
    }

    /// <inheritdoc />
    /// <remarks>The prefix of the entity ids.</remarks>
    public string Name { get; }

    /// <inheritdoc />
    public ValueTask<ListSnapshot> LoadAsync(CancellationToken cancellationToken = default) =>
        ListFileLoader.LoadAsync(_path, Name, _timeProvider, (content, location, fetchedAt, version) => Read(content, location, fetchedAt, version, Name), cancellationToken);

    /// <summary>Reads custom list CSV bytes.</summary>
    /// <param name="content">The file content (UTF-8, or Windows-1252 when not valid UTF-8).</param>
    /// <param name="location">The file or URL, used in positions and messages.</param>
    /// <param name="fetchedAt">When the bytes were fetched.</param>
    /// <param name="fallbackVersion">The version (the file carries none); <see langword="null"/> for the date of <paramref name="fetchedAt"/>.</param>
    /// <param name="sourceName">The source name and entity id prefix; <see langword="null"/> for the file name of <paramref name="location"/>.</param>
    /// <returns>The snapshot, with every unusable row in <see cref="ListSnapshot.RejectedRecords"/>.</returns>
    /// <exception cref="SanctionListSourceException">The header lacks <c>id</c> or <c>name</c>, a line is too long, or quoting is broken beyond repair.</exception>
    public static ListSnapshot Read(ReadOnlyMemory<byte> content, string location, DateTimeOffset fetchedAt, string? fallbackVersion = null, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        sourceName ??= DefaultName(location);
        var document = CustomCsvReader.Read(ListInput.Decode(content.Span), sourceName, location);
        var assembler = new SnapshotAssembler(sourceName, location);
        CustomCsvMapper.Map(document, assembler);
        return assembler.Build(fallbackVersion ?? ListText.Version(fetchedAt), fetchedAt, ListText.Sha256(content.Span));
    }

    private static string DefaultName(string path)
    {
        var stem = ListText.Kebab(Path.GetFileNameWithoutExtension(path));
        return stem.Length == 0 ? "custom" : stem;
    }
}
