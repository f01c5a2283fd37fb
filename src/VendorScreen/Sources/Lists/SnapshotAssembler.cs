using VendorScreen.Normalization;

namespace VendorScreen.Sources.Lists;

/// <summary>Collects what a mapper produces (entities, relations, rejected records, list definitions) and builds the
/// <see cref="ListSnapshot"/> with its provenance.</summary>
/// <remarks>Instances are not thread-safe; a mapper uses one per load.</remarks>
internal sealed class SnapshotAssembler(string sourceName, string location, string idPrefix)
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ListDefinition> _lists = new(StringComparer.Ordinal);

    public string SourceName { get; } = sourceName;

    public string Location { get; } = location;

    /// <summary>Gets the prefix of the entity ids, which the format declares (<c>un</c>, <c>eu</c>; a custom list's source name).</summary>
    public string IdPrefix { get; } = idPrefix;

    public List<Entity> Entities { get; } = [];

    public List<Relation> Relations { get; } = [];

    public List<RejectedRecord> Rejected { get; } = [];

    /// <summary>Counts a record as rejected.</summary>
    public void Reject(string position, string reason) => Rejected.Add(new RejectedRecord(position, reason));

    /// <summary>Counts every record a reader already rejected.</summary>
    public void Reject(IEnumerable<RejectedRecord> rejected) => Rejected.AddRange(rejected);

    /// <summary>Counts a record at a line of the file as rejected.</summary>
    public void RejectLine(int line, string reason) => Reject($"{Location}:{line}", reason);

    /// <summary>Maps records one by one into this assembler, for a list whose records each make an entity on their own.</summary>
    /// <param name="records">The records, in file order.</param>
    /// <param name="map">Maps one record: adds its entity or rejects it.</param>
    public void MapEach<T>(IEnumerable<T> records, Action<T, SnapshotAssembler> map)
    {
        foreach (var record in records)
        {
            map(record, this);
        }
    }

    /// <summary>Gets the entity id of a record: <c>&lt;prefix&gt;:&lt;the list's own id&gt;</c>.</summary>
    public string EntityId(string localId) => IdPrefix + ":" + localId;

    /// <summary>Gets whether an entity id was already added.</summary>
    public bool Contains(string id) => _ids.Contains(id);

    /// <summary>Adds an entity unless its id is taken or its text cannot be screened (<see cref="EntityChecks"/>), in which case
    /// the record is rejected.</summary>
    public bool Add(Entity entity, string position)
    {
        if (EntityChecks.FindProblem(entity) is { } problem)
        {
            Reject(position, problem);
            return false;
        }

        if (!_ids.Add(entity.Id))
        {
            Reject(position, $"duplicate entity id \"{entity.Id}\"");
            return false;
        }

        Entities.Add(entity);
        return true;
    }

    /// <summary>Adds the entity a record's collected facts make (the first name is the primary one, remarks joined by
    /// <c>" | "</c>), as <see cref="Add(Entity, string)"/> does.</summary>
    public bool Add(string id, EntityKind kind, NameSet names, OrderedSet countries, IdentifierSet identifiers, OrderedSet remarks,
        IReadOnlyList<Listing> listings, string position)
    {
        var entity = new Entity(id, kind, names.Primary!)
        {
            Names = names.ToList(),
            Countries = countries.ToList(),
            Identifiers = identifiers.ToList(),
            Listings = listings,
            SourceName = SourceName,
            Remarks = remarks.Join(" | "),
        };
        return Add(entity, position);
    }

    /// <summary>Groups records by key in the order each key first appears; a record without a key is rejected with a reason
    /// that names what is missing.</summary>
    public List<List<T>> GroupByKey<T>(IEnumerable<T> records, Func<T, string?> key, Func<T, int> line, string missing)
    {
        var groups = new List<List<T>>();
        var byKey = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (key(record) is not { } k)
            {
                RejectLine(line(record), missing);
                continue;
            }

            if (!byKey.TryGetValue(k, out var group))
            {
                group = [];
                byKey[k] = group;
                groups.Add(group);
            }

            group.Add(record);
        }

        return groups;
    }

    /// <summary>Registers a list definition the snapshot should carry (otherwise <see cref="KnownLists"/> supplies it).</summary>
    public void Define(ListDefinition definition) => _lists.TryAdd(definition.Id, definition);

    /// <summary>Builds the snapshot.</summary>
    public ListSnapshot Build(string version, DateTimeOffset fetchedAt, string sha256)
    {
        foreach (var listId in Entities.SelectMany(e => e.Listings).Select(l => l.ListId).Distinct(StringComparer.Ordinal))
        {
            if (!_lists.ContainsKey(listId))
            {
                _lists[listId] = KnownLists.Get(listId);
            }
        }

        return new ListSnapshot(SourceName, version)
        {
            Entities = Entities,
            Relations = Relations,
            Lists = _lists.Values.OrderBy(l => l.Id, StringComparer.Ordinal).ToList(),
            FetchedAt = fetchedAt,
            Sha256 = sha256,
            Location = Location,
            RejectedRecords = Rejected,
        };
    }
}

/// <summary>Collects the names of one entity without duplicates, the first one added being the primary name.</summary>
/// <remarks>A name is cleaned (<see cref="ListText.Clean"/>) and compared without case. A name added again keeps its place,
/// script, language and confidence but takes the stronger of its two kinds, in the order Primary, Alias, NativeScript,
/// Former, then the others (WeakAlias, Brand): a list that names an alias once as weak and once as strong has a strong alias.
/// Instances are not thread-safe.</remarks>
internal sealed class NameSet
{
    private readonly List<EntityName> _names = [];
    private readonly Dictionary<string, int> _at = new(StringComparer.OrdinalIgnoreCase);

    public string? Primary => _names.Count == 0 ? null : _names[0].Value;

    public int Count => _names.Count;

    /// <summary>Adds a name; the first becomes the primary name, a later one named primary becomes an alias, and a non-Latin
    /// name gets its script unless the list gives one.</summary>
    /// <param name="value">The name as written; an empty one is ignored.</param>
    /// <param name="kind">The kind the list gives it.</param>
    /// <param name="language">The language the list gives, if any.</param>
    /// <param name="confidence">How well the list supports the name.</param>
    /// <param name="script">The ISO 15924 script the list gives, if any.</param>
    public void Add(string? value, NameKind kind, string? language = null, FactConfidence confidence = FactConfidence.Official, string? script = null)
    {
        var cleaned = ListText.Clean(value);
        if (cleaned is null)
        {
            return;
        }

        if (_names.Count == 0)
        {
            kind = NameKind.Primary;
        }
        else if (kind == NameKind.Primary)
        {
            kind = NameKind.Alias;
        }

        if (_at.TryGetValue(cleaned, out var at))
        {
            if (Rank(kind) < Rank(_names[at].Kind))
            {
                _names[at] = _names[at] with { Kind = kind };
            }

            return;
        }

        _at[cleaned] = _names.Count;
        _names.Add(new EntityName(cleaned, kind) { Script = script ?? ListText.NonLatinScript(cleaned), Language = language, Confidence = confidence });
    }

    public IReadOnlyList<EntityName> ToList() => _names.ToArray();

    private static int Rank(NameKind kind) => kind switch
    {
        NameKind.Primary => 0,
        NameKind.Alias => 1,
        NameKind.NativeScript => 2,
        NameKind.Former => 3,
        _ => 4,
    };
}

/// <summary>Collects values without duplicates, keeping their order.</summary>
/// <remarks>Instances are not thread-safe.</remarks>
internal sealed class OrderedSet
{
    private readonly List<string> _values = [];
    private readonly HashSet<string> _seen;

    public OrderedSet(StringComparer? comparer = null) => _seen = new HashSet<string>(comparer ?? StringComparer.Ordinal);

    public int Count => _values.Count;

    public void Add(string? value)
    {
        var cleaned = ListText.Clean(value);
        if (cleaned is not null && _seen.Add(cleaned))
        {
            _values.Add(cleaned);
        }
    }

    public void AddRange(IEnumerable<string?> values)
    {
        foreach (var v in values)
        {
            Add(v);
        }
    }

    public IReadOnlyList<string> ToList() => _values.ToArray();

    public string? Join(string separator) => _values.Count == 0 ? null : string.Join(separator, _values);
}

/// <summary>Collects identifiers without duplicates.</summary>
/// <remarks>Instances are not thread-safe.</remarks>
internal sealed class IdentifierSet
{
    private readonly List<EntityIdentifier> _values = [];
    private readonly HashSet<(string, string)> _seen = [];

    public void Add(string scheme, string? value, string? notes = null)
    {
        var cleaned = ListText.Clean(value);
        if (cleaned is null || !_seen.Add((scheme, cleaned)))
        {
            return;
        }

        _values.Add(new EntityIdentifier(scheme, cleaned) { Notes = ListText.Clean(notes) });
    }

    /// <summary>Adds a birth date when the text is a date <see cref="BirthDates"/> understands; other text is ignored.</summary>
    /// <param name="text">The date as printed.</param>
    /// <param name="approximate">Whether the list marks the date as approximate.</param>
    public void AddBirthDate(string? text, bool approximate = false)
    {
        if (BirthDates.Normalize(text, out var circa) is { } value)
        {
            Add(IdentifierSchemes.DateOfBirth, value, approximate || circa ? BirthDates.Circa : null);
        }
    }

    public IReadOnlyList<EntityIdentifier> ToList() => _values.ToArray();
}
