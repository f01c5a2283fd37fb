using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace VendorScreen.Normalization;

/// <summary>Turns the country names and codes that lists print into ISO 3166-1 alpha-2 codes.</summary>
/// <remarks>
/// <para>The type is stateless and safe for concurrent use. The table holds the ISO 3166-1 codes with their short,
/// official and common English names, and the other spellings that sanctions lists use ("DPRK", "Syrian Arab Republic",
/// "Libyan Arab Jamahiriya", OFAC's "Korea, North", "Bahamas, The", "Man, Isle of", "Cote d Ivoire", the nationalities
/// "Palestinian" and "Eritrean"). Names compare without case, diacritics, apostrophes, punctuation or a leading "The";
/// "&amp;" reads as "and" and a leading "St." as "Saint".</para>
/// <para>A country that was renamed maps to its current code ("Burma" to MM, "Zaire" to CD, "Swaziland" to SZ). A territory
/// that was dissolved keeps the alpha-2 code it had before ISO 3166-3 withdrew it, because no current code is right for it
/// and a list that prints it means the former territory: "Netherlands Antilles" is AN (not NL, which dropping the trailing word
/// would otherwise give), "Serbia and Montenegro" CS (not RS) and "Yugoslavia" YU. These withdrawn codes are also accepted
/// as codes. The Soviet Union is not in the table: lists print "USSR (until 1991)" as the former nationality of a person
/// who has a current one, and a code that no request uses would only make the country disagree.</para>
/// </remarks>
internal static class Countries
{
    // alpha-2 | alpha-3 | names...
    private const string Table = """
AE|ARE|UAE|U.A.E.
BA|BIH|Bosnia-Herzegovina
BN|BRN|Brunei
BO|BOL|Bolivia
CD|COD|Democratic Republic of the Congo|Democratic Republic of Congo|Congo, Democratic Republic of the|Congo (Democratic Republic)|DR Congo|DRC|Zaire
CG|COG|Republic of the Congo|Congo, Republic of the|Congo-Brazzaville
CI|CIV|Ivory Coast|Cote d'Ivoire
CV|CPV|Cape Verde
CZ|CZE|Czech Republic
FM|FSM|Micronesia
GB|GBR|United Kingdom|UK|Great Britain|Britain
IR|IRN|Iran (Islamic Republic of)|Islamic Republic of Iran
KM|COM|Union of the Comoros
KP|PRK|North Korea|Korea, North|Korea (North)|DPRK|Democratic People's Republic of Korea|Korea, Democratic People's Republic of
KR|KOR|South Korea|Korea, South|Korea (South)|Republic of Korea
LA|LAO|Laos
LY|LBY|Libyan Arab Jamahiriya
MD|MDA|Moldova
MK|MKD|Macedonia|The former Yugoslav Republic of Macedonia
MM|MMR|Burma
OM|OMN|Sultanate of Oman
PS|PSE|Palestine|Palestinian Territories|Occupied Palestinian Territory|West Bank|Gaza|Gaza Strip
RU|RUS|Russia|Russian Federation
SY|SYR|Syria|Syrian Arab Republic
SZ|SWZ|Swaziland
TR|TUR|Turkey|Turkiye
TW|TWN|Taiwan
TZ|TZA|Tanzania|United Republic of Tanzania
US|USA|United States|United States of America|USA|U.S.A.
VA|VAT|Holy See|Vatican
VE|VEN|Venezuela
VG|VGB|British Virgin Islands|Virgin Islands, British
VN|VNM|Vietnam|Viet Nam
XK|XKX|Kosovo
BS|BHS|Bahamas, The
GM|GMB|Gambia, The
CI|CIV|Cote d Ivoire
IM|IMN|Man, Isle of
MO|MAC|Macau
PS|PSE|Palestinian
ER|ERI|Eritrean
AN|ANT|Netherlands Antilles
CS|SCG|Serbia and Montenegro
YU|YUG|Yugoslavia
AD|AND|Andorra|Principality of Andorra
AE|ARE|United Arab Emirates
AF|AFG|Afghanistan|Islamic Republic of Afghanistan
AG|ATG|Antigua and Barbuda
AI|AIA|Anguilla
AL|ALB|Albania|Republic of Albania
AM|ARM|Armenia|Republic of Armenia
AO|AGO|Angola|Republic of Angola
AQ|ATA|Antarctica
AR|ARG|Argentina|Argentine Republic
AS|ASM|American Samoa
AT|AUT|Austria|Republic of Austria
AU|AUS|Australia
AW|ABW|Aruba
AX|ALA|Åland Islands
AZ|AZE|Azerbaijan|Republic of Azerbaijan
BA|BIH|Bosnia and Herzegovina|Republic of Bosnia and Herzegovina
BB|BRB|Barbados
BD|BGD|Bangladesh|People's Republic of Bangladesh
BE|BEL|Belgium|Kingdom of Belgium
BF|BFA|Burkina Faso
BG|BGR|Bulgaria|Republic of Bulgaria
BH|BHR|Bahrain|Kingdom of Bahrain
BI|BDI|Burundi|Republic of Burundi
BJ|BEN|Benin|Republic of Benin
BL|BLM|Saint Barthélemy
BM|BMU|Bermuda
BN|BRN|Brunei Darussalam
BO|BOL|Bolivia, Plurinational State of|Plurinational State of Bolivia|Bolivia
BQ|BES|Bonaire, Sint Eustatius and Saba
BR|BRA|Brazil|Federative Republic of Brazil
BS|BHS|Bahamas|Commonwealth of the Bahamas
BT|BTN|Bhutan|Kingdom of Bhutan
BV|BVT|Bouvet Island
BW|BWA|Botswana|Republic of Botswana
BY|BLR|Belarus|Republic of Belarus
BZ|BLZ|Belize
CA|CAN|Canada
CC|CCK|Cocos (Keeling) Islands
CD|COD|Congo, The Democratic Republic of the
CF|CAF|Central African Republic
CG|COG|Congo|Republic of the Congo
CH|CHE|Switzerland|Swiss Confederation
CI|CIV|Côte d'Ivoire|Republic of Côte d'Ivoire
CK|COK|Cook Islands
CL|CHL|Chile|Republic of Chile
CM|CMR|Cameroon|Republic of Cameroon
CN|CHN|China|People's Republic of China
CO|COL|Colombia|Republic of Colombia
CR|CRI|Costa Rica|Republic of Costa Rica
CU|CUB|Cuba|Republic of Cuba
CV|CPV|Cabo Verde|Republic of Cabo Verde
CW|CUW|Curaçao
CX|CXR|Christmas Island
CY|CYP|Cyprus|Republic of Cyprus
CZ|CZE|Czechia|Czech Republic
DE|DEU|Germany|Federal Republic of Germany
DJ|DJI|Djibouti|Republic of Djibouti
DK|DNK|Denmark|Kingdom of Denmark
DM|DMA|Dominica|Commonwealth of Dominica
DO|DOM|Dominican Republic
DZ|DZA|Algeria|People's Democratic Republic of Algeria
EC|ECU|Ecuador|Republic of Ecuador
EE|EST|Estonia|Republic of Estonia
EG|EGY|Egypt|Arab Republic of Egypt
EH|ESH|Western Sahara
ER|ERI|Eritrea|the State of Eritrea
ES|ESP|Spain|Kingdom of Spain
ET|ETH|Ethiopia|Federal Democratic Republic of Ethiopia
FI|FIN|Finland|Republic of Finland
FJ|FJI|Fiji|Republic of Fiji
FK|FLK|Falkland Islands (Malvinas)
FM|FSM|Micronesia, Federated States of|Federated States of Micronesia
FO|FRO|Faroe Islands
FR|FRA|France|French Republic
GA|GAB|Gabon|Gabonese Republic
GB|GBR|United Kingdom|United Kingdom of Great Britain and Northern Ireland
GD|GRD|Grenada
GE|GEO|Georgia
GF|GUF|French Guiana
GG|GGY|Guernsey
GH|GHA|Ghana|Republic of Ghana
GI|GIB|Gibraltar
GL|GRL|Greenland
GM|GMB|Gambia|Republic of the Gambia
GN|GIN|Guinea|Republic of Guinea
GP|GLP|Guadeloupe
GQ|GNQ|Equatorial Guinea|Republic of Equatorial Guinea
GR|GRC|Greece|Hellenic Republic
GS|SGS|South Georgia and the South Sandwich Islands
GT|GTM|Guatemala|Republic of Guatemala
GU|GUM|Guam
GW|GNB|Guinea-Bissau|Republic of Guinea-Bissau
GY|GUY|Guyana|Republic of Guyana
HK|HKG|Hong Kong|Hong Kong Special Administrative Region of China
HM|HMD|Heard Island and McDonald Islands
HN|HND|Honduras|Republic of Honduras
HR|HRV|Croatia|Republic of Croatia
HT|HTI|Haiti|Republic of Haiti
HU|HUN|Hungary
ID|IDN|Indonesia|Republic of Indonesia
IE|IRL|Ireland
IL|ISR|Israel|State of Israel
IM|IMN|Isle of Man
IN|IND|India|Republic of India
IO|IOT|British Indian Ocean Territory
IQ|IRQ|Iraq|Republic of Iraq
IR|IRN|Iran, Islamic Republic of|Islamic Republic of Iran|Iran
IS|ISL|Iceland|Republic of Iceland
IT|ITA|Italy|Italian Republic
JE|JEY|Jersey
JM|JAM|Jamaica
JO|JOR|Jordan|Hashemite Kingdom of Jordan
JP|JPN|Japan
KE|KEN|Kenya|Republic of Kenya
KG|KGZ|Kyrgyzstan|Kyrgyz Republic
KH|KHM|Cambodia|Kingdom of Cambodia
KI|KIR|Kiribati|Republic of Kiribati
KM|COM|Comoros|Union of the Comoros
KN|KNA|Saint Kitts and Nevis
KP|PRK|Korea, Democratic People's Republic of|Democratic People's Republic of Korea|North Korea
KR|KOR|Korea, Republic of|South Korea
KW|KWT|Kuwait|State of Kuwait
KY|CYM|Cayman Islands
KZ|KAZ|Kazakhstan|Republic of Kazakhstan
LA|LAO|Lao People's Democratic Republic|Laos
LB|LBN|Lebanon|Lebanese Republic
LC|LCA|Saint Lucia
LI|LIE|Liechtenstein|Principality of Liechtenstein
LK|LKA|Sri Lanka|Democratic Socialist Republic of Sri Lanka
LR|LBR|Liberia|Republic of Liberia
LS|LSO|Lesotho|Kingdom of Lesotho
LT|LTU|Lithuania|Republic of Lithuania
LU|LUX|Luxembourg|Grand Duchy of Luxembourg
LV|LVA|Latvia|Republic of Latvia
LY|LBY|Libya
MA|MAR|Morocco|Kingdom of Morocco
MC|MCO|Monaco|Principality of Monaco
MD|MDA|Moldova, Republic of|Republic of Moldova|Moldova
ME|MNE|Montenegro
MF|MAF|Saint Martin (French part)
MG|MDG|Madagascar|Republic of Madagascar
MH|MHL|Marshall Islands|Republic of the Marshall Islands
MK|MKD|North Macedonia|Republic of North Macedonia
ML|MLI|Mali|Republic of Mali
MM|MMR|Myanmar|Republic of Myanmar
MN|MNG|Mongolia
MO|MAC|Macao|Macao Special Administrative Region of China
MP|MNP|Northern Mariana Islands|Commonwealth of the Northern Mariana Islands
MQ|MTQ|Martinique
MR|MRT|Mauritania|Islamic Republic of Mauritania
MS|MSR|Montserrat
MT|MLT|Malta|Republic of Malta
MU|MUS|Mauritius|Republic of Mauritius
MV|MDV|Maldives|Republic of Maldives
MW|MWI|Malawi|Republic of Malawi
MX|MEX|Mexico|United Mexican States
MY|MYS|Malaysia
MZ|MOZ|Mozambique|Republic of Mozambique
NA|NAM|Namibia|Republic of Namibia
NC|NCL|New Caledonia
NE|NER|Niger|Republic of the Niger
NF|NFK|Norfolk Island
NG|NGA|Nigeria|Federal Republic of Nigeria
NI|NIC|Nicaragua|Republic of Nicaragua
NL|NLD|Netherlands|Kingdom of the Netherlands
NO|NOR|Norway|Kingdom of Norway
NP|NPL|Nepal|Federal Democratic Republic of Nepal
NR|NRU|Nauru|Republic of Nauru
NU|NIU|Niue
NZ|NZL|New Zealand
OM|OMN|Oman|Sultanate of Oman
PA|PAN|Panama|Republic of Panama
PE|PER|Peru|Republic of Peru
PF|PYF|French Polynesia
PG|PNG|Papua New Guinea|Independent State of Papua New Guinea
PH|PHL|Philippines|Republic of the Philippines
PK|PAK|Pakistan|Islamic Republic of Pakistan
PL|POL|Poland|Republic of Poland
PM|SPM|Saint Pierre and Miquelon
PN|PCN|Pitcairn
PR|PRI|Puerto Rico
PS|PSE|Palestine, State of|the State of Palestine
PT|PRT|Portugal|Portuguese Republic
PW|PLW|Palau|Republic of Palau
PY|PRY|Paraguay|Republic of Paraguay
QA|QAT|Qatar|State of Qatar
RE|REU|Réunion
RO|ROU|Romania
RS|SRB|Serbia|Republic of Serbia
RU|RUS|Russian Federation
RW|RWA|Rwanda|Rwandese Republic
SA|SAU|Saudi Arabia|Kingdom of Saudi Arabia
SB|SLB|Solomon Islands
SC|SYC|Seychelles|Republic of Seychelles
SD|SDN|Sudan|Republic of the Sudan
SE|SWE|Sweden|Kingdom of Sweden
SG|SGP|Singapore|Republic of Singapore
SH|SHN|Saint Helena, Ascension and Tristan da Cunha
SI|SVN|Slovenia|Republic of Slovenia
SJ|SJM|Svalbard and Jan Mayen
SK|SVK|Slovakia|Slovak Republic
SL|SLE|Sierra Leone|Republic of Sierra Leone
SM|SMR|San Marino|Republic of San Marino
SN|SEN|Senegal|Republic of Senegal
SO|SOM|Somalia|Federal Republic of Somalia
SR|SUR|Suriname|Republic of Suriname
SS|SSD|South Sudan|Republic of South Sudan
ST|STP|Sao Tome and Principe|Democratic Republic of Sao Tome and Principe
SV|SLV|El Salvador|Republic of El Salvador
SX|SXM|Sint Maarten (Dutch part)
SY|SYR|Syrian Arab Republic|Syria
SZ|SWZ|Eswatini|Kingdom of Eswatini
TC|TCA|Turks and Caicos Islands
TD|TCD|Chad|Republic of Chad
TF|ATF|French Southern Territories
TG|TGO|Togo|Togolese Republic
TH|THA|Thailand|Kingdom of Thailand
TJ|TJK|Tajikistan|Republic of Tajikistan
TK|TKL|Tokelau
TL|TLS|Timor-Leste|Democratic Republic of Timor-Leste
TM|TKM|Turkmenistan
TN|TUN|Tunisia|Republic of Tunisia
TO|TON|Tonga|Kingdom of Tonga
TR|TUR|Türkiye|Republic of Türkiye
TT|TTO|Trinidad and Tobago|Republic of Trinidad and Tobago
TV|TUV|Tuvalu
TW|TWN|Taiwan, Province of China|Taiwan
TZ|TZA|Tanzania, United Republic of|United Republic of Tanzania|Tanzania
UA|UKR|Ukraine
UG|UGA|Uganda|Republic of Uganda
UM|UMI|United States Minor Outlying Islands
US|USA|United States|United States of America
UY|URY|Uruguay|Eastern Republic of Uruguay
UZ|UZB|Uzbekistan|Republic of Uzbekistan
VA|VAT|Holy See (Vatican City State)
VC|VCT|Saint Vincent and the Grenadines
VE|VEN|Venezuela, Bolivarian Republic of|Bolivarian Republic of Venezuela|Venezuela
VG|VGB|Virgin Islands, British|British Virgin Islands
VI|VIR|Virgin Islands, U.S.|Virgin Islands of the United States
VN|VNM|Viet Nam|Socialist Republic of Viet Nam|Vietnam
VU|VUT|Vanuatu|Republic of Vanuatu
WF|WLF|Wallis and Futuna
WS|WSM|Samoa|Independent State of Samoa
YE|YEM|Yemen|Republic of Yemen
YT|MYT|Mayotte
ZA|ZAF|South Africa|Republic of South Africa
ZM|ZMB|Zambia|Republic of Zambia
ZW|ZWE|Zimbabwe|Republic of Zimbabwe
""";

    private static readonly (FrozenDictionary<string, string> ByName, FrozenSet<string> Alpha2, FrozenDictionary<string, string> ByAlpha3) Data = Build();

    /// <summary>Gets the alpha-2 code for a code (alpha-2 or alpha-3) or an English name, ignoring notes in parentheses
    /// ("Pakistan (as at Apr 2009)") and trailing words that are not part of a name.</summary>
    public static string? ToIso2(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim().Trim('.', ',', ';').Trim();
        if (trimmed.Length == 2 && char.IsAsciiLetter(trimmed[0]) && char.IsAsciiLetter(trimmed[1]))
        {
            var upper = trimmed.ToUpperInvariant();
            return Data.Alpha2.Contains(upper) ? upper : null;
        }

        if (trimmed.Length == 3 && trimmed.All(char.IsAsciiLetter) && Data.ByAlpha3.TryGetValue(trimmed.ToUpperInvariant(), out var fromAlpha3))
        {
            return fromAlpha3;
        }

        var key = Key(trimmed);
        if (Data.ByName.TryGetValue(key, out var code))
        {
            return code;
        }

        var withoutNotes = Key(StripParentheses(trimmed));
        if (withoutNotes.Length > 0 && Data.ByName.TryGetValue(withoutNotes, out code))
        {
            return code;
        }

        var words = withoutNotes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var n = words.Length - 1; n >= 1; n--)
        {
            if (Data.ByName.TryGetValue(string.Join(' ', words, 0, n), out code))
            {
                return code;
            }
        }

        return null;
    }

    private static string StripParentheses(string text)
    {
        var sb = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var c in text)
        {
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static string Key(string text)
    {
        var folded = NameNormalizer.RemoveDiacritics(text);
        var sb = new StringBuilder(folded.Length);
        var space = false;
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (c is '\'' or '\u2019')
            {
                // "People's" and "People’s" compare equal to "Peoples".
            }
            else if (c == '&')
            {
                // "St. Kitts & Nevis" compares equal to "St. Kitts and Nevis".
                sb.Append(sb.Length > 0 ? " and" : "and");
                space = true;
            }
            else
            {
                space = true;
            }
        }

        var key = sb.ToString();
        key = key.StartsWith("the ", StringComparison.Ordinal) ? key[4..] : key;

        // "St. Vincent" compares equal to "Saint Vincent".
        return key.StartsWith("st ", StringComparison.Ordinal) ? string.Concat("saint ", key.AsSpan(3)) : key;
    }

    private static (FrozenDictionary<string, string>, FrozenSet<string>, FrozenDictionary<string, string>) Build()
    {
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        var alpha2 = new HashSet<string>(StringComparer.Ordinal);
        var byAlpha3 = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('|');
            alpha2.Add(parts[0]);
            byAlpha3.TryAdd(parts[1], parts[0]);
            foreach (var name in parts.Skip(2))
            {
                byName.TryAdd(Key(name), parts[0]);
            }
        }

        return (byName.ToFrozenDictionary(StringComparer.Ordinal), alpha2.ToFrozenSet(StringComparer.Ordinal), byAlpha3.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
