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
        [typeof(EntityName)] = ["Value", "Kind", "Script", "Language", "Confidence", "SourceUrl"],
        [typeof(EntityIdentifier)] = ["Scheme", "Value", "Confidence", "SourceUrl", "Notes", "Weak", "Scope", "ValidFrom", "ValidTo"],
        [typeof(Listing)] = ["ListId", "Program", "Authority", "NameAsListed", "ListedOn", "RemovedOn", "Scope", "Citation", "SourceUrl", "Confidence"],
    };

    /// <summary>Writes the entities of every snapshot, snapshot by snapshot.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="snapshots">The snapshots.</param>
    public static void Write(SnapshotBinaryWriter writer, IEnumerable<ListSnapshot> snapshots)
    {
        var strings = new StringTableWriter(writer);
        foreach (var snapshot in snapshots)
        {
            writer.WriteCount(snapshot.Entities.Count);
            foreach (var entity in snapshot.Entities)
            {
                strings.Write(entity.Id);
                writer.WriteCount((int)entity.Kind);
                strings.Write(entity.PrimaryName);
                writer.WriteCount(entity.Names.Count);
                foreach (var name in entity.Names)
                {
                    strings.Write(name.Value);
                    writer.WriteCount((int)name.Kind);
                    strings.Write(name.Script);
                    strings.Write(name.Language);
                    writer.WriteCount((int)name.Confidence);
                    strings.Write(name.SourceUrl);
                }

                writer.WriteCount(entity.Countries.Count);
                foreach (var country in entity.Countries)
                {
                    strings.Write(country);
                }

                writer.WriteCount(entity.Identifiers.Count);
                foreach (var identifier in entity.Identifiers)
                {
                    strings.Write(identifier.Scheme);
                    strings.Write(identifier.Value);
                    writer.WriteCount((int)identifier.Confidence);
                    strings.Write(identifier.SourceUrl);
                    strings.Write(identifier.Notes);
                    writer.WriteByte(identifier.Weak ? (byte)1 : (byte)0);
                    writer.WriteCount(identifier.Scope.Count);
                    foreach (var scope in identifier.Scope)
                    {
                        strings.Write(scope);
                    }

                    strings.Write(identifier.ValidFrom?.ToString());
                    strings.Write(identifier.ValidTo?.ToString());
                }

                writer.WriteCount(entity.Listings.Count);
                foreach (var listing in entity.Listings)
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
                }

                strings.Write(entity.SourceName);
                strings.Write(entity.Remarks);
            }
        }
    }

    /// <summary>Reads the entities of a number of snapshots written by <see cref="Write"/>.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="snapshots">The number of snapshots.</param>
    /// <returns>The entities of each snapshot, in order.</returns>
    /// <exception cref="InvalidDataException">The data is cut short or malformed.</exception>
    public static Entity[][] Read(SnapshotBinaryReader reader, int snapshots)
    {
        reader.Section = "entities";
        var strings = new StringTableReader(reader);
        var result = new Entity[snapshots][];
        for (var s = 0; s < snapshots; s++)
        {
            var entities = new Entity[reader.ReadCount(int.MaxValue / 16, "the number of entities")];
            for (var e = 0; e < entities.Length; e++)
            {
                var id = strings.ReadRequired();
                var kind = Enum<EntityKind>(reader);
                var primaryName = strings.ReadRequired();
                var names = new EntityName[reader.ReadCount(MaxValues, "the number of names")];
                for (var i = 0; i < names.Length; i++)
                {
                    names[i] = new EntityName(strings.ReadRequired(), Enum<NameKind>(reader))
                    {
                        Script = strings.Read(),
                        Language = strings.Read(),
                        Confidence = Enum<FactConfidence>(reader),
                        SourceUrl = strings.Read(),
                    };
                }

                var countries = new string[reader.ReadCount(MaxValues, "the number of countries")];
                for (var i = 0; i < countries.Length; i++)
                {
                    countries[i] = strings.ReadRequired();
                }

                var identifiers = new EntityIdentifier[reader.ReadCount(MaxValues, "the number of identifiers")];
                for (var i = 0; i < identifiers.Length; i++)
                {
                    identifiers[i] = new EntityIdentifier(strings.ReadRequired(), strings.ReadRequired())
                    {
                        Confidence = Enum<FactConfidence>(reader),
                        SourceUrl = strings.Read(),
                        Notes = strings.Read(),
                        Weak = reader.ReadByte() != 0,
                        Scope = ReadStrings(reader, strings),
                        ValidFrom = Date(reader, strings.Read()),
                        ValidTo = Date(reader, strings.Read()),
                    };
                }

                var listings = new Listing[reader.ReadCount(MaxValues, "the number of listings")];
                for (var i = 0; i < listings.Length; i++)
                {
                    listings[i] = new Listing(strings.ReadRequired())
                    {
                        Program = strings.Read(),
                        Authority = strings.Read(),
                        NameAsListed = strings.Read(),
                        ListedOn = Date(reader, strings.Read()),
                        RemovedOn = Date(reader, strings.Read()),
                        Scope = strings.Read(),
                        Citation = strings.Read(),
                        SourceUrl = strings.Read(),
                        Confidence = Enum<FactConfidence>(reader),
                    };
                }

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

    private static string[] ReadStrings(SnapshotBinaryReader reader, StringTableReader strings)
    {
        var values = new string[reader.ReadCount(MaxValues, "the number of values")];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = strings.ReadRequired();
        }

        return values;
    }

    private static T Enum<T>(SnapshotBinaryReader reader)
        where T : struct, Enum
    {
        var value = reader.ReadCount();
        var typed = (T)(object)value;
        return System.Enum.IsDefined(typed) ? typed : throw reader.Bad($"an unknown {typeof(T).Name} {value}");
    }

    private static FactDate? Date(SnapshotBinaryReader reader, string? text) =>
        text is null ? null : FactDate.TryParse(text, out var date) ? date : throw reader.Bad($"a date \"{text}\" that is not yyyy, yyyy-MM or yyyy-MM-dd");

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

    private sealed class StringTableReader(SnapshotBinaryReader reader)
    {
        private readonly List<string> _strings = [];

        public string? Read()
        {
            var marker = reader.ReadCount();
            switch (marker)
            {
                case 0:
                    return null;
                case 1:
                    var value = reader.ReadString();
                    _strings.Add(value);
                    return value;
                default:
                    return marker - 2 < _strings.Count ? _strings[marker - 2] : throw reader.Bad($"a string number {marker - 2} not yet defined");
            }
        }

        public string ReadRequired() => Read() ?? throw reader.Bad("a missing value");
    }
}
