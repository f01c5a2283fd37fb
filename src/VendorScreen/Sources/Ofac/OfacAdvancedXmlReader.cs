using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.Ofac;

/// <summary>
/// Reads OFAC's advanced XML layout (<c>SDN_ADVANCED.XML</c>, <c>CONS_ADVANCED.XML</c>; root <c>Sanctions</c>, any namespace)
/// into the same raw entries as the flat layout. The file is normalised: <c>ReferenceValueSets</c> holds the lookups
/// (alias types, name part types, countries, features, document types, lists, relation types), <c>Locations</c> the
/// addresses and countries, <c>IDRegDocuments</c> the identity documents by identity, <c>DistinctParties</c> the parties
/// (<c>Profile/Identity/Alias/DocumentedName/DocumentedNamePart/NamePartValue</c> and <c>Feature</c>s),
/// <c>ProfileRelationships</c> the links between profiles and <c>SanctionsEntries</c> the list, programs and dates of each
/// profile.
/// </summary>
/// <remarks>
/// Sections are streamed one element at a time. Parties are turned into entries as they arrive once the lookups are read
/// (OFAC writes <c>ReferenceValueSets</c> and <c>Locations</c> first); anything that arrives before what it refers to waits
/// and is joined at the end, so the order of the sections does not change the result. The type is stateless and safe for concurrent use.
/// </remarks>
internal static class OfacAdvancedXmlReader
{
    /// <summary>The local name of the root element.</summary>
    public const string RootName = "Sanctions";

    /// <summary>Reads a document.</summary>
    /// <param name="bytes">The document.</param>
    /// <param name="location">The file, used in positions and messages.</param>
    /// <param name="defaultList">The list of parties without a sanctions entry.</param>
    /// <param name="rejected">Receives parties and documents that cannot be used.</param>
    /// <param name="maxCharacters">The size limit in characters.</param>
    /// <param name="sourceName">The source name used in exceptions; <see langword="null"/> for the list's id prefix.</param>
    /// <exception cref="SanctionListSourceException">The document is malformed, too large, or not a <c>Sanctions</c> document.</exception>
    public static OfacXmlDocument Read(ReadOnlyMemory<byte> bytes, string location, OfacListKind defaultList, List<RejectedRecord> rejected, long maxCharacters = ListInput.MaxXmlChars, string? sourceName = null)
    {
        sourceName ??= OfacList.IdPrefix(defaultList);
        var fileName = Path.GetFileName(location);
        var raw = OfacXml.Read(bytes, sourceName, location, maxCharacters, reader =>
        {
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != RootName)
            {
                throw new SanctionListSourceException(sourceName, $"{location}:{OfacXml.Line(reader)}", $"the root element is <{reader.LocalName}>, expected <{RootName}>");
            }

            var document = new RawDocument(rejected);
            var depth = reader.Depth;
            reader.Read();
            while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "DateOfIssue":
                        document.DateOfIssue = DateText((XElement)XNode.ReadFrom(reader));
                        break;
                    case "ReferenceValueSets":
                        foreach (var (set, _) in OfacXml.Children(reader))
                        {
                            foreach (var value in set.Elements())
                            {
                                if (value.Attr("ID") is { } id)
                                {
                                    document.References[(value.Name.LocalName, id)] = value;
                                }
                            }
                        }

                        document.ReferencesRead = true;
                        break;
                    case "Locations":
                    case "IDRegDocuments":
                    case "DistinctParties":
                    case "ProfileRelationships":
                    case "SanctionsEntries":
                        var section = reader.LocalName;
                        foreach (var (element, line) in OfacXml.Children(reader))
                        {
                            var position = string.Create(CultureInfo.InvariantCulture, $"{fileName}:{line}");
                            document.Add(section, element, position);
                        }

                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            return document;
        });

        return raw.Build(defaultList);
    }

    /// <summary>Formats a <c>Year</c>/<c>Month</c>/<c>Day</c> element as <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>.</summary>
    internal static string? DateText(XElement? date)
    {
        if (date is null || !int.TryParse(date.Text("Year"), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return null;
        }

        var month = int.TryParse(date.Text("Month"), NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
        var day = int.TryParse(date.Text("Day"), NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : 0;
        return month is < 1 or > 12
            ? year.ToString("D4", CultureInfo.InvariantCulture)
            : day < 1 || day > DateTime.DaysInMonth(year, month)
                ? string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}")
                : string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}");
    }

    /// <summary>Formats a <c>DatePeriod</c>: one date when start and end agree (a whole year when the period spans exactly
    /// one calendar year), otherwise <c>start to end</c>.</summary>
    internal static string? PeriodText(XElement? period)
    {
        if (period is null)
        {
            return null;
        }

        var startFrom = DateText(period.Child("Start")?.Child("From"));
        var endTo = DateText(period.Child("End")?.Child("To")) ?? DateText(period.Child("End")?.Child("From"));
        if (startFrom is null)
        {
            return endTo;
        }

        if (endTo is null || startFrom == endTo)
        {
            return startFrom;
        }

        if (startFrom.Length == 10 && endTo.Length == 10 && startFrom[..4] == endTo[..4] && startFrom[4..] == "-01-01" && endTo[4..] == "-12-31")
        {
            return startFrom[..4];
        }

        return startFrom + " to " + endTo;
    }

    private sealed record RawParty(XElement Element, string Position);

    private sealed record RawIdDocument(XElement Element, string Position);

    private sealed class RawDocument(List<RejectedRecord> rejected)
    {
        private readonly List<OfacXmlEntry> _entries = [];
        private readonly Dictionary<string, OfacXmlEntry> _byProfile = new(StringComparer.Ordinal);
        private readonly Dictionary<string, OfacXmlEntry> _byIdentity = new(StringComparer.Ordinal);
        private readonly List<RawParty> _deferredParties = [];
        private readonly List<(OfacXmlEntry Entry, string Type, string LocationId)> _deferredLocations = [];

        public string? DateOfIssue { get; set; }

        /// <summary>Gets or sets whether the lookups were read; parties that come earlier wait for them.</summary>
        public bool ReferencesRead { get; set; }

        public Dictionary<(string Set, string Id), XElement> References { get; } = [];

        public Dictionary<string, XElement> Locations { get; } = new(StringComparer.Ordinal);

        public List<RawIdDocument> IdDocuments { get; } = [];

        public List<(XElement Element, string Position)> Relations { get; } = [];

        public List<XElement> Entries { get; } = [];

        public void Add(string section, XElement element, string position)
        {
            switch (section)
            {
                case "Locations" when element.Attr("ID") is { } id:
                    Locations[id] = element;
                    break;
                case "IDRegDocuments":
                    IdDocuments.Add(new RawIdDocument(element, position));
                    break;
                case "DistinctParties" when ReferencesRead:
                    Register(new RawParty(element, position));
                    break;
                case "DistinctParties":
                    _deferredParties.Add(new RawParty(element, position));
                    break;
                case "ProfileRelationships":
                    Relations.Add((element, position));
                    break;
                case "SanctionsEntries":
                    Entries.Add(element);
                    break;
            }
        }

        private string? Ref(string set, string? id) => id is not null && References.TryGetValue((set, id), out var e) ? OfacXml.Clean(e.Value) : null;

        private XElement? RefElement(string set, string? id) => id is not null && References.TryGetValue((set, id), out var e) ? e : null;

        private void Register(RawParty party)
        {
            var entry = BuildParty(party);
            if (entry is null)
            {
                return;
            }

            if (!_byProfile.TryAdd(entry.Uid, entry))
            {
                rejected.Add(new(party.Position, $"profile {entry.Uid} appears again (first at {_byProfile[entry.Uid].Position}); the first is kept"));
                return;
            }

            _entries.Add(entry);
        }

        public OfacXmlDocument Build(OfacListKind defaultList)
        {
            foreach (var party in _deferredParties)
            {
                Register(party);
            }

            foreach (var (entry, type, locationId) in _deferredLocations)
            {
                if (Locations.TryGetValue(locationId, out var location))
                {
                    var (value, country) = LocationText(location);
                    ApplyFeature(entry, type, value, country);
                }
                else
                {
                    rejected.Add(new(entry.Position, $"profile {entry.Uid}: {type} refers to location {locationId}, which is not in the file"));
                }
            }

            foreach (var document in IdDocuments)
            {
                AddIdDocument(document);
            }

            foreach (var element in Entries)
            {
                AddSanctionsEntry(element);
            }

            foreach (var entry in _entries.Where(e => e.Listings.Count == 0))
            {
                entry.Listings.Add(new OfacXmlListing(defaultList, null));
            }

            foreach (var (element, position) in Relations)
            {
                var from = element.Attr("From-ProfileID");
                var to = element.Attr("To-ProfileID");
                var type = Ref("RelationType", element.Attr("RelationTypeID")) ?? "Linked To";
                if (from is null || to is null || !_byProfile.TryGetValue(from, out var source))
                {
                    rejected.Add(new(position, $"profile relationship from {from ?? "(none)"} to {to ?? "(none)"}: the source profile is not in the file"));
                    continue;
                }

                source.Relations.Add(new OfacXmlRelation(to, type, string.Equals(element.Attr("Former"), "true", StringComparison.OrdinalIgnoreCase), position));
            }

            return new OfacXmlDocument(DateOfIssue, _entries);
        }

        private OfacXmlEntry? BuildParty(RawParty party)
        {
            var profile = party.Element.Child("Profile");
            var uid = profile?.Attr("ID") ?? party.Element.Attr("FixedRef");
            if (profile is null || uid is null)
            {
                rejected.Add(new(party.Position, "distinct party without a profile id"));
                return null;
            }

            var entry = new OfacXmlEntry(uid, party.Position) { Type = PartyType(profile.Attr("PartySubTypeID")), Remarks = party.Element.Text("Comment") };
            foreach (var identity in profile.ChildrenNamed("Identity"))
            {
                if (identity.Attr("ID") is { } identityId)
                {
                    _byIdentity[identityId] = entry;
                }

                var groups = identity.Child("NamePartGroups").ChildrenNamed("MasterNamePartGroup").SelectMany(m => m.ChildrenNamed("NamePartGroup"))
                    .Where(g => g.Attr("ID") is not null)
                    .ToDictionary(g => g.Attr("ID")!, g => Ref("NamePartType", g.Attr("NamePartTypeID")) ?? "Unknown", StringComparer.Ordinal);
                foreach (var alias in identity.ChildrenNamed("Alias"))
                {
                    AddAlias(entry, alias, groups);
                }
            }

            if (entry.PrimaryName is null)
            {
                if (entry.Names.Count == 0)
                {
                    rejected.Add(new(party.Position, $"profile {uid} has no name"));
                    return null;
                }

                entry.PrimaryName = entry.Names[0].Value;
                entry.Names.RemoveAt(0);
            }

            foreach (var feature in profile.ChildrenNamed("Feature"))
            {
                AddFeature(entry, feature);
            }

            return entry;
        }

        private string? PartyType(string? subTypeId)
        {
            var subType = RefElement("PartySubType", subTypeId);
            var text = OfacXml.Clean(subType?.Value);
            return text is null || string.Equals(text, "Unknown", StringComparison.OrdinalIgnoreCase)
                ? Ref("PartyType", subType?.Attr("PartyTypeID"))
                : text;
        }

        private void AddAlias(OfacXmlEntry entry, XElement alias, Dictionary<string, string> groups)
        {
            var type = Ref("AliasType", alias.Attr("AliasTypeID"));
            var primary = string.Equals(alias.Attr("Primary"), "true", StringComparison.OrdinalIgnoreCase);
            var weak = string.Equals(alias.Attr("LowQuality"), "true", StringComparison.OrdinalIgnoreCase);
            foreach (var documented in alias.ChildrenNamed("DocumentedName"))
            {
                var parts = new List<(string Type, string Value)>();
                string? script = null;
                foreach (var value in documented.ChildrenNamed("DocumentedNamePart").SelectMany(p => p.ChildrenNamed("NamePartValue")))
                {
                    if (OfacXml.Clean(value.Value) is { } text)
                    {
                        parts.Add((groups.GetValueOrDefault(value.Attr("NamePartGroupID") ?? string.Empty, "Unknown"), text));
                        script ??= RefElement("Script", value.Attr("ScriptID"))?.Attr("ScriptCode");
                    }
                }

                var name = ComposeName(parts);
                if (name is null)
                {
                    continue;
                }

                var latin = script is null || string.Equals(script, "Latn", StringComparison.OrdinalIgnoreCase);
                if (primary && entry.PrimaryName is null && latin)
                {
                    entry.PrimaryName = name;
                }
                else
                {
                    entry.Names.Add(new OfacXmlName(name, primary ? null : type, weak, latin ? null : script));
                }
            }
        }

        private static string? ComposeName(List<(string Type, string Value)> parts)
        {
            if (parts.Count == 0)
            {
                return null;
            }

            string Join(params string[] types) => string.Join(" ", parts.Where(p => types.Contains(p.Type, StringComparer.OrdinalIgnoreCase)).Select(p => p.Value));

            var whole = Join("Entity Name", "Vessel Name", "Aircraft Name");
            if (whole.Length > 0)
            {
                return whole;
            }

            var last = Join("Last Name", "Maiden Name");
            var given = Join("First Name", "Middle Name", "Patronymic", "Matronymic", "Nickname");
            var composed = OfacSdnXmlReader.ComposeName(last.Length == 0 ? null : last, given.Length == 0 ? null : given);
            return composed ?? string.Join(" ", parts.Select(p => p.Value));
        }

        private void AddFeature(OfacXmlEntry entry, XElement feature)
        {
            var type = Ref("FeatureType", feature.Attr("FeatureTypeID"));
            if (type is null)
            {
                return;
            }

            foreach (var version in feature.ChildrenNamed("FeatureVersion"))
            {
                string? country = null;
                string? value = null;
                if (version.Child("VersionLocation")?.Attr("LocationID") is { } locationId)
                {
                    if (!Locations.TryGetValue(locationId, out var location))
                    {
                        _deferredLocations.Add((entry, type, locationId));
                        continue;
                    }

                    (value, country) = LocationText(location);
                }

                value ??= PeriodText(version.Child("DatePeriod"));
                if (value is null && version.Child("VersionDetail") is { } detail)
                {
                    value = Ref("DetailReference", detail.Attr("DetailReferenceID")) ?? OfacXml.Clean(detail.Value);
                }

                if (value is null && country is null)
                {
                    continue;
                }

                ApplyFeature(entry, type, value, country);
            }
        }

        private static void ApplyFeature(OfacXmlEntry entry, string type, string? value, string? country)
        {
            switch (type.Trim().TrimEnd(':').Trim().ToUpperInvariant())
            {
                case "BIRTHDATE":
                    entry.DatesOfBirth.Add(value!);
                    break;
                case "PLACE OF BIRTH":
                    entry.PlacesOfBirth.Add(value ?? country!);
                    break;
                case "NATIONALITY COUNTRY":
                case "CITIZENSHIP COUNTRY":
                case "REGISTRATION COUNTRY":
                case "NATIONALITY OF REGISTRATION":
                    entry.Countries.Add(country ?? value!);
                    break;
                case "LOCATION":
                    entry.Addresses.Add(new OfacXmlAddress(value ?? country!, country));
                    break;
                case "VESSEL CALL SIGN":
                    entry.CallSign ??= value;
                    break;
                case "VESSEL TYPE":
                    entry.VesselType ??= value;
                    break;
                case "VESSEL FLAG":
                    entry.VesselFlag ??= value ?? country;
                    break;
                case "VESSEL OWNER":
                    entry.VesselOwner ??= value;
                    break;
                case "VESSEL TONNAGE":
                    entry.Tonnage ??= value;
                    break;
                case "VESSEL GROSS REGISTERED TONNAGE":
                    entry.GrossRegisteredTonnage ??= value;
                    break;
                case "TITLE":
                    entry.Title ??= value;
                    break;
                default:
                    if (value is not null)
                    {
                        entry.Ids.Add(new OfacXmlId(type, value, country, null));
                    }

                    break;
            }
        }

        private (string? Text, string? Country) LocationText(XElement location)
        {
            var country = location.ChildrenNamed("LocationCountry").Select(c => Ref("Country", c.Attr("CountryID"))).FirstOrDefault(c => c is not null)
                ?? location.ChildrenNamed("LocationAreaCode").Select(a => RefElement("AreaCode", a.Attr("AreaCodeID"))?.Attr("Description")).FirstOrDefault(c => c is not null);
            var parts = new List<(int Order, string Value)>();
            foreach (var part in location.ChildrenNamed("LocationPart"))
            {
                var type = Ref("LocPartType", part.Attr("LocPartTypeID")) ?? "Unknown";
                var value = part.ChildrenNamed("LocationPartValue").Select(v => v.Text("Value")).FirstOrDefault(v => v is not null);
                if (value is not null)
                {
                    parts.Add((PartOrder(type), value));
                }
            }

            var ordered = parts.OrderBy(p => p.Order).Select(p => p.Value).ToList();
            if (country is not null && !(ordered.Count > 0 && ordered[^1].EndsWith(country, StringComparison.OrdinalIgnoreCase)))
            {
                ordered.Add(country);
            }

            var text = string.Join(", ", ordered);
            return (text.Length == 0 ? null : text, country);

            static int PartOrder(string type) => type.ToUpperInvariant() switch
            {
                "UNKNOWN" => 0,
                "ADDRESS1" => 1,
                "ADDRESS2" => 2,
                "ADDRESS3" => 3,
                "CITY" => 4,
                "STATE/PROVINCE" => 5,
                "POSTAL CODE" => 6,
                "REGION" => 7,
                _ => 8,
            };
        }

        private void AddIdDocument(RawIdDocument document)
        {
            var element = document.Element;
            var identityId = element.Attr("IdentityID");
            if (identityId is null || !_byIdentity.TryGetValue(identityId, out var entry))
            {
                rejected.Add(new(document.Position, $"identity document {element.Attr("ID")} belongs to identity {identityId ?? "(none)"}, which is not in the file"));
                return;
            }

            var type = Ref("IDRegDocType", element.Attr("IDRegDocTypeID"));
            var number = element.Text("IDRegistrationNo");
            if (type is null || number is null)
            {
                rejected.Add(new(document.Position, $"identity document {element.Attr("ID")} has no type or number"));
                return;
            }

            var dates = element.ChildrenNamed("DocumentDate")
                .Select(d => (Type: Ref("IDRegDocDateType", d.Attr("IDRegDocDateTypeID")), Date: PeriodText(d.Child("DatePeriod"))))
                .Where(d => d.Date is not null)
                .Select(d => $"{(string.Equals(d.Type, "Expiration Date", StringComparison.OrdinalIgnoreCase) ? "expires" : "issued")} {d.Date}");
            var notes = string.Join("; ", dates.Append(element.Text("IssuingAuthority")).Append(element.Text("Comment")).OfType<string>());
            entry.Ids.Add(new OfacXmlId(type, number, Ref("Country", element.Attr("IssuedBy-CountryID")), notes.Length == 0 ? null : notes));
        }

        private void AddSanctionsEntry(XElement element)
        {
            var profileId = element.Attr("ProfileID");
            if (profileId is null || !_byProfile.TryGetValue(profileId, out var entry))
            {
                return;
            }

            var listName = Ref("List", element.Attr("ListID"));
            var list = string.Equals(listName, "SDN List", StringComparison.OrdinalIgnoreCase) ? OfacListKind.Sdn : OfacListKind.Consolidated;
            FactDate? listedOn = null;
            string? citation = null;
            foreach (var entryEvent in element.ChildrenNamed("EntryEvent"))
            {
                if (FactDate.TryParse(DateText(entryEvent.Child("Date")), out var date) && (listedOn is null || date.Start < listedOn.Value.Start))
                {
                    listedOn = date;
                }

                var basis = RefElement("LegalBasis", entryEvent.Attr("LegalBasisID"));
                var reference = basis?.Attr("LegalBasisShortRef") ?? OfacXml.Clean(basis?.Value);
                if (reference is not null && !string.Equals(reference, "Unknown", StringComparison.OrdinalIgnoreCase))
                {
                    citation ??= reference;
                }
            }

            var programs = element.ChildrenNamed("SanctionsMeasure")
                .Where(m => string.Equals(Ref("SanctionsType", m.Attr("SanctionsTypeID")), "Program", StringComparison.OrdinalIgnoreCase))
                .Select(m => m.Text("Comment"))
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            if (programs.Length == 0)
            {
                entry.Listings.Add(new OfacXmlListing(list, null, listedOn, citation));
            }

            entry.Listings.AddRange(programs.Select(p => new OfacXmlListing(list, p, listedOn, citation)));
        }
    }
}
