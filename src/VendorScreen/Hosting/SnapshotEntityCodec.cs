using System.Runtime.CompilerServices;
using VendorScreen.Indexing;

namespace VendorScreen;

/// <summary>
/// The binary form of the entities of an index snapshot file: every member of <see cref="Entity"/>, <see cref="EntityName"/>,
/// <see cref="EntityIdentifier"/> and <see cref="Listing"/>, in a fixed order, with each distinct string written once and referred
/// to by number after that (list ids, programs, schemes, countries and URLs repeat across thousands of entities). Reading it is
/// several times faster than reading the same entities as JSON, and repeated strings are shared in memory.
/// </summary>
/// <remarks>A member added to one of these types must be added here too; a test lists the members this codec writes and fails
/// when a type has one it does not know. Instances are not thread-safe: one per file written or read.</remarks>
internal static class SnapshotEntityCodec
{
    // No entity has this many names, identifiers or listings: a larger count is damage.
    private const int MaxValues = 1 << 20;


    /// <summary>The members written, per type, for the test that keeps the codec complete.</summary>
    internal static readonly IReadOnlyDictionary<Type, string[]> Members = new Dictionary<Type, string[]>
    {
        [typeof(Entity)] = ["Id", "Kind", "PrimaryName", "Names", "Countries", "Identifiers", "Listings", "SourceName", "Remarks"],
        [typeof(EntityName)] = ["Value", "Kind", "Script", "Language", "Confidence", "SourceUrl", "Scope"],
        [typeof(EntityIdentifier)] = ["Scheme", "Value", "Confidence", "SourceUrl", "Notes", "Weak", "Scope", "ValidFrom", "ValidTo"],
        [typeof(Listing)] = ["ListId", "Program", "Authority", "NameAsListed", "ListedOn", "RemovedOn", "Scope", "Citation", "SourceUrl", "Confidence"],

        // The sources section: every member of a snapshot but its entities (the entities section) and NameCount (computed).
        [typeof(StoredSource)] = ["Name", "Snapshot"],
        [typeof(ListSnapshot)] = ["SourceName", "Version", "Entities", "Relations", "Lists", "FetchedAt", "Sha256", "Location", "RejectedRecords", "Warning", "NameCount"],
        [typeof(Relation)] = ["FromId", "ToId", "Kind", "ValidFrom", "ValidTo", "Confidence", "SharePercent", "SourceUrl", "Notes", "Scope"],
        [typeof(ListDefinition)] = ["Id", "Name", "Category", "Authority", "LegalBasis", "ExtendsToAffiliates", "SourceUrl", "Notes"],
        [typeof(RejectedRecord)] = ["Position", "Reason"],
    };

    /// <summary>Writes the sources of a file without their entities: each source's name and its snapshot's version, provenance,
    /// relations, list definitions, rejected records and warning.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="sources">The sources, in order.</param>
    public static void WriteSources(SnapshotBinaryWriter writer, IReadOnlyList<StoredSource> sources)
    {
        var strings = new StringTableWriter(writer);
        Action<string?> writeString = strings.Write;
        Action<Relation> writeRelation = relation =>
        {
            strings.Write(relation.FromId);
            strings.Write(relation.ToId);
            writer.WriteCount((int)relation.Kind);
            strings.Write(relation.ValidFrom?.ToString());
            strings.Write(relation.ValidTo?.ToString());
            writer.WriteCount((int)relation.Confidence);
            if (relation.SharePercent is { } share)
            {
                writer.WriteByte(1);
                Span<int> bits = stackalloc int[4];
                decimal.GetBits(share, bits);
                foreach (var part in bits)
                {
                    writer.WriteInt32(part);
                }
            }
            else
            {
                writer.WriteByte(0);
            }

            strings.Write(relation.SourceUrl);
            strings.Write(relation.Notes);
            WriteAll(writer, relation.Scope, writeString);
        };
        Action<ListDefinition> writeList = definition =>
        {
            strings.Write(definition.Id);
            strings.Write(definition.Name);
            writer.WriteCount((int)definition.Category);
            strings.Write(definition.Authority);
            strings.Write(definition.LegalBasis);
            writer.WriteByte(definition.ExtendsToAffiliates ? (byte)1 : (byte)0);
            strings.Write(definition.SourceUrl);
            strings.Write(definition.Notes);
        };
        Action<RejectedRecord> writeRejected = record =>
        {
            strings.Write(record.Position);
            strings.Write(record.Reason);
        };
        writer.WriteCount(sources.Count);
        foreach (var (name, snapshot) in sources)
        {
            strings.Write(name);
            strings.Write(snapshot.SourceName);
            strings.Write(snapshot.Version);
            writer.WriteInt64(snapshot.FetchedAt.Ticks);
            writer.WriteInt32((int)(snapshot.FetchedAt.Offset.Ticks / TimeSpan.TicksPerMinute));
            strings.Write(snapshot.Sha256);
            strings.Write(snapshot.Location);
            strings.Write(snapshot.Warning);
            WriteAll(writer, snapshot.Relations, writeRelation);
            WriteAll(writer, snapshot.Lists, writeList);
            WriteAll(writer, snapshot.RejectedRecords, writeRejected);
        }
    }

    /// <summary>Reads the sources written by <see cref="WriteSources"/>, their snapshots without entities.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The sources, in order.</returns>
    /// <exception cref="InvalidDataException">The data is cut short or malformed.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static StoredSource[] ReadSources(SnapshotBinaryReader reader)
    {
        reader.Section = "sources";
        var strings = new StringTableReader(reader);
        Func<string> readString = strings.ReadRequired;
        Func<Relation> readRelation = () => new Relation(strings.ReadRequired(), strings.ReadRequired(), Enum<RelationKind>(reader))
        {
            ValidFrom = strings.ReadDate(),
            ValidTo = strings.ReadDate(),
            Confidence = Enum<FactConfidence>(reader),
            SharePercent = ReadDecimal(reader),
            SourceUrl = strings.Read(),
            Notes = strings.Read(),
            Scope = ReadAll(reader, "the number of values", readString),
        };
        Func<ListDefinition> readList = () => new ListDefinition(strings.ReadRequired(), strings.ReadRequired(), Enum<ListCategory>(reader))
        {
            Authority = strings.Read(),
            LegalBasis = strings.Read(),
            ExtendsToAffiliates = ReadFlag(reader),
            SourceUrl = strings.Read(),
            Notes = strings.Read(),
        };
        Func<RejectedRecord> readRejected = () => new RejectedRecord(strings.ReadRequired(), strings.ReadRequired());
        var sources = new StoredSource[reader.AtLeastBytesLeft(reader.ReadCount(MaxValues, "the number of sources"))];
        for (var s = 0; s < sources.Length; s++)
        {
            var name = strings.ReadRequired();
            var sourceName = strings.ReadRequired();
            var version = strings.ReadRequired();
            var ticks = reader.ReadInt64();
            var offsetMinutes = reader.ReadInt32();
            DateTimeOffset fetchedAt;
            try
            {
                fetchedAt = new DateTimeOffset(ticks, TimeSpan.FromMinutes(offsetMinutes));
            }
            catch (ArgumentException ex)
            {
                throw reader.Bad($"source {s + 1}: a fetch time out of range: {ex.Message}");
            }

            if (string.IsNullOrWhiteSpace(name))
            {
                throw reader.Bad($"source {s + 1} has no name");
            }

            sources[s] = new StoredSource(name, new ListSnapshot(sourceName, version)
            {
                FetchedAt = fetchedAt,
                Sha256 = strings.Read(),
                Location = strings.Read(),
                Warning = strings.Read(),
                Relations = ReadAll(reader, "the number of relations", readRelation, int.MaxValue),
                Lists = ReadAll(reader, "the number of list definitions", readList),
                RejectedRecords = ReadAll(reader, "the number of rejected records", readRejected, int.MaxValue),
            });
        }

        return reader.AtEnd ? sources : throw reader.Bad("unexpected bytes after the sources");
    }

    /// <summary>Writes the entities of every snapshot, snapshot by snapshot.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="snapshots">The snapshots.</param>
    public static void Write(SnapshotBinaryWriter writer, IEnumerable<ListSnapshot> snapshots)
    {
        var strings = new StringTableWriter(writer);
        Action<string?> writeString = strings.Write;
        Action<EntityName> writeName = name =>
        {
            strings.Write(name.Value);
            writer.WriteCount((int)name.Kind);
            strings.Write(name.Script);
            strings.Write(name.Language);
            writer.WriteCount((int)name.Confidence);
            strings.Write(name.SourceUrl);
            WriteAll(writer, name.Scope, writeString);
        };
        Action<EntityIdentifier> writeIdentifier = identifier =>
        {
            strings.Write(identifier.Scheme);
            strings.Write(identifier.Value);
            writer.WriteCount((int)identifier.Confidence);
            strings.Write(identifier.SourceUrl);
            strings.Write(identifier.Notes);
            writer.WriteByte(identifier.Weak ? (byte)1 : (byte)0);
            WriteAll(writer, identifier.Scope, writeString);
            strings.Write(identifier.ValidFrom?.ToString());
            strings.Write(identifier.ValidTo?.ToString());
        };
        Action<Listing> writeListing = listing =>
        {
            strings.Write(listing.ListId);
            strings.Write(listing.Program);
            strings.Write(listing.Authority);
            strings.Write(listing.NameAsListed);
            strings.Write(listing.ListedOn?.ToString());
            strings.Write(listing.RemovedOn?.ToString());
            strings.Write(listing.Scope);
            strings.Write(listing.Citation);
            strings.Write(listing.SourceUrl);
            writer.WriteCount((int)listing.Confidence);
        };
        Action<Entity> writeEntity = entity =>
        {
            strings.Write(entity.Id);
            writer.WriteCount((int)entity.Kind);
            strings.Write(entity.PrimaryName);
            WriteAll(writer, entity.Names, writeName);
            WriteAll(writer, entity.Countries, writeString);
            WriteAll(writer, entity.Identifiers, writeIdentifier);
            WriteAll(writer, entity.Listings, writeListing);
            strings.Write(entity.SourceName);
            strings.Write(entity.Remarks);
        };
        foreach (var snapshot in snapshots)
        {
            WriteAll(writer, snapshot.Entities, writeEntity);
        }
    }

    /// <summary>Reads the entities of a number of snapshots written by <see cref="Write"/>.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="snapshots">The number of snapshots.</param>
    /// <returns>The entities of each snapshot, in order.</returns>
    /// <exception cref="InvalidDataException">The data is cut short or malformed.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Entity[][] Read(SnapshotBinaryReader reader, int snapshots)
    {
        reader.Section = "entities";
        var strings = new StringTableReader(reader);
        Func<string> readString = strings.ReadRequired;
        Func<EntityName> readName = () => new EntityName(strings.ReadRequired(), Enum<NameKind>(reader))
        {
            Script = strings.Read(),
            Language = strings.Read(),
            Confidence = Enum<FactConfidence>(reader),
            SourceUrl = strings.Read(),
            Scope = ReadAll(reader, "the number of values", readString),
        };
        Func<EntityIdentifier> readIdentifier = () => new EntityIdentifier(strings.ReadRequired(), strings.ReadRequired())
        {
            Confidence = Enum<FactConfidence>(reader),
            SourceUrl = strings.Read(),
            Notes = strings.Read(),
            Weak = reader.ReadByte() != 0,
            Scope = ReadAll(reader, "the number of values", readString),
            ValidFrom = strings.ReadDate(),
            ValidTo = strings.ReadDate(),
        };
        Func<Listing> readListing = () => new Listing(strings.ReadRequired())
        {
            Program = strings.Read(),
            Authority = strings.Read(),
            NameAsListed = strings.Read(),
            ListedOn = strings.ReadDate(),
            RemovedOn = strings.ReadDate(),
            Scope = strings.Read(),
            Citation = strings.Read(),
            SourceUrl = strings.Read(),
            Confidence = Enum<FactConfidence>(reader),
        };
        var result = new Entity[snapshots][];
        for (var s = 0; s < snapshots; s++)
        {
            var entities = new Entity[reader.AtLeastBytesLeft(reader.ReadCount(int.MaxValue, "the number of entities"))];
            for (var e = 0; e < entities.Length; e++)
            {
                var id = strings.ReadRequired();
                var kind = Enum<EntityKind>(reader);
                var primaryName = strings.ReadRequired();
                var names = ReadAll(reader, "the number of names", readName);
                var countries = ReadAll(reader, "the number of countries", readString);
                var identifiers = ReadAll(reader, "the number of identifiers", readIdentifier);
                var listings = ReadAll(reader, "the number of listings", readListing);
                var sourceName = strings.Read();
                var remarks = strings.Read();
                try
                {
                    entities[e] = new Entity(id, kind, primaryName)
                    {
                        Names = names,
                        Countries = countries,
                        Identifiers = identifiers,
                        Listings = listings,
                        SourceName = sourceName,
                        Remarks = remarks,
                    };
                }
                catch (ArgumentException ex)
                {
                    throw reader.Bad($"entity {e + 1} of source {s + 1}: {ex.Message}");
                }
            }

            result[s] = entities;
        }

        return reader.AtEnd ? result : throw reader.Bad("unexpected bytes after the entities");
    }

    // A list is its count, then its items.
    private static void WriteAll<T>(SnapshotBinaryWriter writer, IReadOnlyList<T> items, Action<T> write)
    {
        writer.WriteCount(items.Count);
        foreach (var item in items)
        {
            write(item);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static T[] ReadAll<T>(SnapshotBinaryReader reader, string what, Func<T> read, int max = MaxValues)
    {
        // Every item takes a byte at least: a count beyond the bytes left is data cut short (or damaged). Most lists of an entity
        // are empty (the scopes of identifiers, the countries): they share the one empty array instead of one object each.
        var count = reader.AtLeastBytesLeft(reader.ReadCount(max, what));
        if (count == 0)
        {
            return [];
        }

        var items = new T[count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = read();
        }

        return items;
    }

    private static T Enum<T>(SnapshotBinaryReader reader)
        where T : struct, Enum
    {
        var value = reader.ReadCount();
        var typed = (T)(object)value;
        return System.Enum.IsDefined(typed) ? typed : throw reader.Bad($"an unknown {typeof(T).Name} {value}");
    }

    private static bool ReadFlag(SnapshotBinaryReader reader) => reader.ReadByte() switch
    {
        0 => false,
        1 => true,
        var flag => throw reader.Bad($"a flag {flag}"),
    };

    private static decimal? ReadDecimal(SnapshotBinaryReader reader)
    {
        if (!ReadFlag(reader))
        {
            return null;
        }

        Span<int> bits = [reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32()];
        try
        {
            return new decimal(bits);
        }
        catch (ArgumentException)
        {
            throw reader.Bad("a malformed decimal");
        }
    }

    // Each string is written once; after that, by number. 0 is null, 1 a new string that follows, n + 2 the string numbered n.
    private sealed class StringTableWriter(SnapshotBinaryWriter writer)
    {
        private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);

        public void Write(string? value)
        {
            if (value is null)
            {
                writer.WriteCount(0);
            }
            else if (_numbers.TryGetValue(value, out var number))
            {
                writer.WriteCount(number + 2);
            }
            else
            {
                _numbers.Add(value, _numbers.Count);
                writer.WriteCount(1);
                writer.WriteString(value);
            }
        }
    }

    // Each string is read once and kept by number; a date is parsed once per distinct string (listing dates repeat).
    private sealed class StringTableReader(SnapshotBinaryReader reader)
    {
        private string[] _strings = new string[1024];
        private readonly Dictionary<int, FactDate> _dates = [];
        private int _count;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public string? Read() => Resolve(reader.ReadCount());

        public string ReadRequired() => Read() ?? throw reader.Bad("a missing value");

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public FactDate? ReadDate()
        {
            var marker = reader.ReadCount();
            var text = Resolve(marker);
            if (text is null)
            {
                return null;
            }

            var number = marker == 1 ? _count - 1 : marker - 2;
            if (_dates.TryGetValue(number, out var known))
            {
                return known;
            }

            if (!FactDate.TryParse(text, out var date))
            {
                throw reader.Bad($"a date \"{text}\" that is not yyyy, yyyy-MM or yyyy-MM-dd");
            }

            _dates.Add(number, date);
            return date;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private string? Resolve(int marker)
        {
            switch (marker)
            {
                case 0:
                    return null;
                case 1:
                    var value = reader.ReadString();
                    if (_count == _strings.Length)
                    {
                        Array.Resize(ref _strings, _count * 2);
                    }

                    _strings[_count++] = value;
                    return value;
                default:
                    return marker - 2 < _count ? _strings[marker - 2] : throw reader.Bad($"a string number {marker - 2} not yet defined");
            }
        }
    }
}
