namespace VendorScreen.Sources.Ofac;

/// <summary>
/// The identifier labels OFAC uses in remarks (<c>Passport A123 (Iran)</c>) and as <c>idType</c> / <c>IDRegDocType</c> /
/// feature names in the XML files, and the identifier schemes they map to. Schemes reuse <see cref="IdentifierSchemes"/>
/// where one exists and are lower-kebab otherwise.
/// </summary>
internal static class OfacIdentifierTypes
{
    public const string Passport = "passport";
    public const string NationalId = "national-id";
    public const string TaxId = "tax-id";
    public const string VatNumber = "vat-number";
    public const string RegistrationNumber = "registration-number";
    public const string SwiftBic = "swift-bic";
    public const string Mmsi = "mmsi";
    public const string CryptoWallet = "crypto-wallet";
    public const string Email = "email";
    public const string DateOfBirth = "date-of-birth";
    public const string PlaceOfBirth = "place-of-birth";
    public const string CallSign = "call-sign";
    public const string AircraftSerialNumber = "aircraft-serial-number";
    public const string AircraftTailNumber = "aircraft-tail-number";
    public const string Isin = "isin";
    public const string DriversLicense = "drivers-license";

    /// <summary>The prefix of OFAC's digital currency address labels (<c>Digital Currency Address - XBT</c>).</summary>
    public const string DigitalCurrencyPrefix = "Digital Currency Address - ";

    /// <summary>The label of vessel IMO numbers (<c>Vessel Registration Identification IMO 9187629</c>).</summary>
    public const string VesselRegistration = "Vessel Registration Identification";

    // Labels whose scheme is a class of documents keep the label in the identifier's notes.
    private static readonly (string Label, string Scheme, bool KeepLabel)[] Table =
    [
        ("Passport", Passport, false),
        ("Passport No.", Passport, false),
        ("Diplomatic Passport", Passport, true),
        ("National ID No.", NationalId, false),
        ("National Foreign ID Number", NationalId, true),
        ("Identification Number", NationalId, true),
        ("Cedula No.", NationalId, true),
        ("C.U.R.P.", NationalId, true),
        ("C.U.R.P", NationalId, true),
        ("D.N.I.", NationalId, true),
        ("C.U.I.T.", NationalId, true),
        ("C.U.I.P.", NationalId, true),
        ("C.U.I.", NationalId, true),
        ("SSN", NationalId, true),
        ("Personal ID Card", NationalId, true),
        ("Citizen's Card Number", NationalId, true),
        ("Kenyan ID No.", NationalId, true),
        ("Numero de Identidad", NationalId, true),
        ("Credencial electoral", NationalId, true),
        ("Electoral Registry No.", NationalId, true),
        ("Residency Number", NationalId, true),
        ("Travel Document Number", NationalId, true),
        ("Driver's License No.", DriversLicense, false),
        ("Tax ID No.", TaxId, false),
        ("R.F.C.", TaxId, true),
        ("RFC", TaxId, true),
        ("NIT #", TaxId, true),
        ("RUC #", TaxId, true),
        ("RIF #", TaxId, true),
        ("RTN", TaxId, true),
        ("Italian Fiscal Code", TaxId, true),
        ("Fiscal Code", TaxId, true),
        ("C.I.F.", TaxId, true),
        ("N.I.F.", TaxId, true),
        ("V.A.T. Number", VatNumber, false),
        ("Registration Number", RegistrationNumber, false),
        ("Registration ID", RegistrationNumber, true),
        ("Company Number", RegistrationNumber, true),
        ("UK Company Number", RegistrationNumber, true),
        ("Business Registration Number", RegistrationNumber, true),
        ("Business Registration Document #", RegistrationNumber, true),
        ("Commercial Registry Number", RegistrationNumber, true),
        ("Certificate of Incorporation Number", RegistrationNumber, true),
        ("C.R. No.", RegistrationNumber, true),
        ("Chamber of Commerce Number", RegistrationNumber, true),
        ("Matricula Mercantil No", RegistrationNumber, true),
        ("Folio Mercantil No.", RegistrationNumber, true),
        ("Enterprise Number", RegistrationNumber, true),
        ("Public Registration Number", RegistrationNumber, true),
        ("Trade License No.", RegistrationNumber, true),
        ("Legal Entity Number", IdentifierSchemes.Lei, false),
        ("LE Number", IdentifierSchemes.Lei, false),
        ("D-U-N-S Number", IdentifierSchemes.Duns, false),
        ("Unified Social Credit Code (USCC)", IdentifierSchemes.ChineseUscc, false),
        ("United Social Credit Code Certificate (USCCC)", IdentifierSchemes.ChineseUscc, false),
        ("SWIFT/BIC", SwiftBic, false),
        ("MMSI", Mmsi, false),
        (VesselRegistration, IdentifierSchemes.Imo, false),
        ("IMO", IdentifierSchemes.Imo, false),
        ("Website", IdentifierSchemes.Website, false),
        ("Email Address", Email, false),
        ("Email", Email, false),
        ("ISIN", Isin, false),
        ("Aircraft Manufacturer's Serial Number (MSN)", AircraftSerialNumber, false),
        ("Aircraft Manufacturer’s Serial Number (MSN)", AircraftSerialNumber, false),
        ("Aircraft Construction Number (also called L/N or S/N or F/N)", AircraftSerialNumber, false),
        ("Aircraft Tail Number", AircraftTailNumber, false),
        ("Previous Aircraft Tail Number", AircraftTailNumber, true),
        ("Vessel Call Sign", CallSign, false),
        ("Other Vessel Call Sign", CallSign, true),
    ];

    // Longest first, so that "Passport No." wins over "Passport" and "UK Company Number" over nothing shorter.
    private static readonly (string Label, string Scheme, bool KeepLabel)[] ByLength =
        [.. Table.OrderByDescending(t => t.Label.Length)];

    private static readonly Dictionary<string, (string Scheme, bool KeepLabel)> ByLabel =
        Table.ToDictionary(t => t.Label, t => (t.Scheme, t.KeepLabel), StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds the identifier label a remarks segment starts with (<c>Passport A123 (Iran)</c>).</summary>
    /// <param name="segment">The segment.</param>
    /// <param name="label">The label found.</param>
    /// <param name="rest">The text after the label.</param>
    /// <returns><see langword="true"/> when the segment starts with a known label followed by a space or a colon.</returns>
    public static bool TryMatchPrefix(string segment, out string label, out string rest)
    {
        if (segment.StartsWith(DigitalCurrencyPrefix, StringComparison.Ordinal))
        {
            var after = segment[DigitalCurrencyPrefix.Length..];
            var space = after.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0)
            {
                label = DigitalCurrencyPrefix + after[..space];
                rest = after[(space + 1)..];
                return true;
            }
        }

        foreach (var entry in ByLength)
        {
            if (segment.Length > entry.Label.Length
                && segment.StartsWith(entry.Label, StringComparison.Ordinal)
                && segment[entry.Label.Length] is ' ' or ':')
            {
                label = entry.Label;
                rest = segment[(entry.Label.Length + 1)..];
                return true;
            }
        }

        label = string.Empty;
        rest = string.Empty;
        return false;
    }

    /// <summary>Creates the identifier for a label and its value, or returns <see langword="null"/> for a label that is not an identifier.</summary>
    /// <param name="label">The OFAC label or id type.</param>
    /// <param name="value">The value.</param>
    /// <param name="country">The issuing country, if any.</param>
    /// <param name="extra">Further text (issue and expiry dates), if any.</param>
    public static EntityIdentifier? Create(string label, string value, string? country, string? extra)
    {
        value = value.Trim().TrimEnd(',', ';').Trim();
        if (value.Length == 0)
        {
            return null;
        }

        string scheme;
        bool keepLabel;
        if (label.StartsWith(DigitalCurrencyPrefix, StringComparison.OrdinalIgnoreCase))
        {
            scheme = CryptoWallet;
            keepLabel = false;
            extra = Join(label[DigitalCurrencyPrefix.Length..].Trim(), extra);
        }
        else if (ByLabel.TryGetValue(label.Trim().TrimEnd(':').Trim(), out var entry))
        {
            (scheme, keepLabel) = entry;
        }
        else
        {
            return null;
        }

        if (string.Equals(scheme, IdentifierSchemes.Imo, StringComparison.Ordinal) && value.StartsWith("IMO", StringComparison.OrdinalIgnoreCase))
        {
            value = value[3..].Trim();
        }

        var notes = Join(keepLabel ? label.Trim() : null, Join(country, extra));
        return new EntityIdentifier(scheme, value) { Notes = notes };
    }

    /// <summary>Gets whether an OFAC label or id type is an identifier this table maps.</summary>
    public static bool IsKnown(string label) =>
        label.StartsWith(DigitalCurrencyPrefix, StringComparison.OrdinalIgnoreCase) || ByLabel.ContainsKey(label.Trim().TrimEnd(':').Trim());

    private static string? Join(string? a, string? b) =>
        string.IsNullOrWhiteSpace(a) ? (string.IsNullOrWhiteSpace(b) ? null : b.Trim())
        : string.IsNullOrWhiteSpace(b) ? a.Trim() : a.Trim() + "; " + b.Trim();
}
