using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.Eu;

/// <summary>Reads the old EU Financial Sanctions Files CSV, version 1 (semicolon-separated, 59 columns starting
/// <c>Date_file;Entity_logical_id;Subject_type;Leba_numtitle;...</c>): one row per name, address, birth, identification or
/// citizenship fact, grouped into entries by <c>Entity_logical_id</c>. Also reads copies re-saved with each record wrapped
/// in one pair of double quotes and padded with tabs.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class EuCsvReader
{
    private static readonly string[] Required =
    [
        "Entity_logical_id", "Subject_type", "Leba_numtitle", "Leba_publication_date", "Leba_url", "Programme", "Entity_remark",
        "Naal_logical_id", "Naal_lastname", "Naal_firstname", "Naal_middlename", "Naal_wholename", "Naal_language", "Naal_function",
        "Addr_logical_id", "Addr_street", "Addr_zipcode", "Addr_city", "Addr_country", "Birt_logical_id", "Birt_date", "Birt_place", "Birt_country",
        "Iden_logical_id", "Iden_number", "Iden_country", "Citi_logical_id", "Citi_country",
    ];

    /// <summary>Reads EU CSV v1 text.</summary>
    /// <exception cref="SanctionListSourceException">The header is not an EU CSV header, a line is too long, or quoting is broken beyond repair.</exception>
    public static EuDocument Read(string text, string sourceName, string location)
    {
        var rows = Rows(text, sourceName, location);
        if (rows.Count == 0)
        {
            throw new SanctionListSourceException(sourceName, location, "the file is empty; an EU CSV file starts with a header line");
        }

        var header = rows[0].Fields.Select(f => f.Trim()).ToArray();
        if (header.Length == 0 || !header[0].TrimStart('\uFEFF').StartsWith("Date_file", StringComparison.OrdinalIgnoreCase))
        {
            throw new SanctionListSourceException(sourceName, $"{location}:{rows[0].Line}", "the header is not an EU financial sanctions CSV header: the first column must be \"Date_file\"");
        }

        var index = CsvRows.IndexHeader(header);
        CsvRows.Require(index, Required, sourceName, location, rows[0].Line, "EU financial sanctions CSV (v1)");
        var rejected = new List<RejectedRecord>();
        var entries = new List<EuEntityRecord>();
        var byId = new Dictionary<string, EuEntityRecord>(StringComparer.Ordinal);
        string? dateFile = null;
        foreach (var row in rows.Skip(1))
        {
            var position = $"{location}:{row.Line}";
            if (CsvRows.Problem(row, header.Length, r => r.Fields.Length >= header.Length - 1) is { } problem)
            {
                rejected.Add(new RejectedRecord(position, problem));
                continue;
            }

            string? F(string column) => ListText.Clean(row[index[column]]);
            dateFile ??= ListText.Clean(row[0]);
            var logicalId = F("Entity_logical_id");
            if (logicalId is null)
            {
                rejected.Add(new RejectedRecord(position, "the row has no Entity_logical_id"));
                continue;
            }

            if (!byId.TryGetValue(logicalId, out var entry))
            {
                entry = new EuEntityRecord { Position = position, LogicalId = logicalId, SubjectType = F("Subject_type") };
                byId[logicalId] = entry;
                entries.Add(entry);
            }

            entry.EuReferenceNumber ??= index.TryGetValue("EU_ref_num", out var refIndex) ? ListText.Clean(row[refIndex]) : null;
            if (F("Entity_remark") is { } remark && !entry.Remarks.Contains(remark))
            {
                entry.Remarks.Add(remark.Replace("\\n", " ", StringComparison.Ordinal));
            }

            var regulation = new EuRegulation(F("Leba_numtitle"), F("Leba_publication_date"), null, F("Programme"), F("Leba_url"));
            if (regulation.NumberTitle is not null && !entry.Regulations.Any(r => r.NumberTitle == regulation.NumberTitle))
            {
                entry.Regulations.Add(regulation);
            }

            if (F("Naal_logical_id") is not null)
            {
                entry.Names.Add(new EuName(F("Naal_wholename"), F("Naal_firstname"), F("Naal_middlename"), F("Naal_lastname"), F("Naal_language"), true, F("Naal_function"),
                    index.TryGetValue("Naal_title", out var t) ? ListText.Clean(row[t]) : null));
            }

            if (F("Addr_logical_id") is not null)
            {
                var country = F("Addr_country");
                entry.Addresses.Add(new EuAddress(ListText.Join(" ", [index.TryGetValue("Addr_number", out var n) ? row[n] : null, F("Addr_street")]), null, F("Addr_city"), F("Addr_zipcode"), null,
                    index.TryGetValue("Addr_other", out var o) ? ListText.Clean(row[o]) : null, country, country));
            }

            if (F("Birt_logical_id") is not null)
            {
                var country = F("Birt_country");
                entry.Births.Add(new EuBirth(F("Birt_date"), null, F("Birt_place"), country, country, false));
            }

            if (F("Iden_logical_id") is not null)
            {
                entry.Identifications.Add(ParseIdentification(F("Iden_number"), F("Iden_country")));
            }

            if (F("Citi_country") is { } citizenship && F("Citi_logical_id") is not null)
            {
                entry.Citizenships.Add(citizenship);
            }
        }

        return new EuDocument(ListText.DayFirstDate(dateFile)?.ToString() ?? ListText.IsoDate(dateFile)?.ToString(), entries, rejected);
    }

    /// <summary>Splits "AD001095 (passport-National passport) ((passport))" into number, type code and description.</summary>
    private static EuIdentification ParseIdentification(string? text, string? country)
    {
        if (text is null)
        {
            return new EuIdentification(null, null, null, country, null);
        }

        var open = text.IndexOf(" (", StringComparison.Ordinal);
        if (open < 0)
        {
            return new EuIdentification(text, null, null, country, null);
        }

        var number = text[..open].Trim();
        var close = text.IndexOf(')', open);
        var type = close > open ? text[(open + 2)..close] : text[(open + 2)..];
        var dash = type.IndexOf('-', StringComparison.Ordinal);
        var remark = close > 0 && close + 1 < text.Length ? ListText.Clean(text[(close + 1)..].Trim().Trim('(', ')')) : null;
        return dash > 0
            ? new EuIdentification(number, type[..dash], type[(dash + 1)..], country, remark)
            : new EuIdentification(number, type, null, country, remark);
    }

    private static List<CsvRow> Rows(string text, string sourceName, string location)
    {
        var firstLine = (ListInput.FirstLines(text, 1).FirstOrDefault() ?? string.Empty).TrimStart('\uFEFF').TrimEnd('\t', ' ');
        var wrapped = firstLine.Length > 1 && firstLine.StartsWith('"') && firstLine.EndsWith('"') && !firstLine.Contains("\";", StringComparison.Ordinal);
        if (!wrapped)
        {
            return CsvRows.Read(text, ";", sourceName, location);
        }

        // A re-saved copy: every record is one quoted field, padded with tabs, holding the semicolon-separated record.
        var outer = CsvRows.Read(text, "\t", sourceName, location);
        var rows = new List<CsvRow>(outer.Count);
        foreach (var row in outer)
        {
            var inner = row.Fields.Length == 0 ? string.Empty : row.Fields[0].TrimEnd('\t', ' ');
            if (row.BadData is not null)
            {
                rows.Add(row);
                continue;
            }

            var parsed = CsvRows.Read(inner, ";", sourceName, location, row.Line);
            rows.Add(parsed.Count == 1 ? parsed[0] with { Line = row.Line } : new CsvRow(row.Line, [], "the wrapped record does not hold exactly one semicolon-separated record"));
        }

        return rows;
    }
}
