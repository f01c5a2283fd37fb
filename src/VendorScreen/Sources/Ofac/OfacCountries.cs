namespace VendorScreen.Sources.Ofac;

/// <summary>Maps the country names OFAC uses (nationality, citizenship, addresses, vessel flags) to ISO 3166-1 alpha-2 codes.
/// A small table of the names that occur on the lists; unknown names map to nothing and stay in the remarks.</summary>
internal static class OfacCountries
{
    private static readonly Dictionary<string, string> Codes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Afghanistan"] = "AF", ["Albania"] = "AL", ["Algeria"] = "DZ", ["Angola"] = "AO", ["Argentina"] = "AR",
        ["Armenia"] = "AM", ["Aruba"] = "AW", ["Australia"] = "AU", ["Austria"] = "AT", ["Azerbaijan"] = "AZ",
        ["Bahamas"] = "BS", ["The Bahamas"] = "BS", ["Bahamas, The"] = "BS", ["Bahrain"] = "BH", ["Bangladesh"] = "BD",
        ["Barbados"] = "BB", ["Belarus"] = "BY", ["Belgium"] = "BE", ["Belize"] = "BZ", ["Benin"] = "BJ",
        ["Bolivia"] = "BO", ["Bosnia and Herzegovina"] = "BA", ["Botswana"] = "BW", ["Brazil"] = "BR",
        ["British Virgin Islands"] = "VG", ["Virgin Islands, British"] = "VG", ["Brunei"] = "BN", ["Bulgaria"] = "BG",
        ["Burkina Faso"] = "BF", ["Burma"] = "MM", ["Myanmar"] = "MM", ["Burundi"] = "BI", ["Cambodia"] = "KH",
        ["Cameroon"] = "CM", ["Canada"] = "CA", ["Cayman Islands"] = "KY", ["Central African Republic"] = "CF",
        ["Chad"] = "TD", ["Chile"] = "CL", ["China"] = "CN", ["Colombia"] = "CO", ["Comoros"] = "KM",
        ["Congo, Democratic Republic of the"] = "CD", ["Democratic Republic of the Congo"] = "CD", ["Congo, Republic of the"] = "CG",
        ["Costa Rica"] = "CR", ["Cote d'Ivoire"] = "CI", ["Côte d'Ivoire"] = "CI", ["Croatia"] = "HR", ["Cuba"] = "CU",
        ["Curacao"] = "CW", ["Cyprus"] = "CY", ["Czech Republic"] = "CZ", ["Czechia"] = "CZ", ["Denmark"] = "DK",
        ["Djibouti"] = "DJ", ["Dominica"] = "DM", ["Dominican Republic"] = "DO", ["Ecuador"] = "EC", ["Egypt"] = "EG",
        ["El Salvador"] = "SV", ["Equatorial Guinea"] = "GQ", ["Eritrea"] = "ER", ["Estonia"] = "EE", ["Ethiopia"] = "ET",
        ["Finland"] = "FI", ["France"] = "FR", ["Gabon"] = "GA", ["Gambia"] = "GM", ["The Gambia"] = "GM", ["Gambia, The"] = "GM",
        ["Georgia"] = "GE", ["Germany"] = "DE", ["Ghana"] = "GH", ["Gibraltar"] = "GI", ["Greece"] = "GR",
        ["Guatemala"] = "GT", ["Guernsey"] = "GG", ["Guinea"] = "GN", ["Guinea-Bissau"] = "GW", ["Guyana"] = "GY", ["Haiti"] = "HT",
        ["Honduras"] = "HN", ["Hong Kong"] = "HK", ["Hungary"] = "HU", ["Iceland"] = "IS", ["India"] = "IN",
        ["Indonesia"] = "ID", ["Iran"] = "IR", ["Iraq"] = "IQ", ["Ireland"] = "IE", ["Isle of Man"] = "IM", ["Israel"] = "IL",
        ["Italy"] = "IT", ["Jamaica"] = "JM", ["Japan"] = "JP", ["Jersey"] = "JE", ["Jordan"] = "JO", ["Kazakhstan"] = "KZ",
        ["Kenya"] = "KE", ["Korea, North"] = "KP", ["North Korea"] = "KP", ["Korea, South"] = "KR", ["South Korea"] = "KR",
        ["Kosovo"] = "XK", ["Kuwait"] = "KW", ["Kyrgyzstan"] = "KG", ["Laos"] = "LA", ["Latvia"] = "LV", ["Lebanon"] = "LB",
        ["Liberia"] = "LR", ["Libya"] = "LY", ["Liechtenstein"] = "LI", ["Lithuania"] = "LT", ["Luxembourg"] = "LU",
        ["Macau"] = "MO", ["Macao"] = "MO", ["Madagascar"] = "MG", ["Malawi"] = "MW", ["Malaysia"] = "MY", ["Maldives"] = "MV",
        ["Mali"] = "ML", ["Malta"] = "MT", ["Marshall Islands"] = "MH", ["Mauritania"] = "MR", ["Mauritius"] = "MU",
        ["Mexico"] = "MX", ["Moldova"] = "MD", ["Monaco"] = "MC", ["Mongolia"] = "MN", ["Montenegro"] = "ME",
        ["Morocco"] = "MA", ["Mozambique"] = "MZ", ["Namibia"] = "NA", ["Nepal"] = "NP", ["Netherlands"] = "NL",
        ["New Zealand"] = "NZ", ["Nicaragua"] = "NI", ["Niger"] = "NE", ["Nigeria"] = "NG", ["North Macedonia"] = "MK",
        ["Macedonia"] = "MK", ["Norway"] = "NO", ["Oman"] = "OM", ["Pakistan"] = "PK", ["Palau"] = "PW", ["Panama"] = "PA",
        ["Papua New Guinea"] = "PG", ["Paraguay"] = "PY", ["Peru"] = "PE", ["Philippines"] = "PH", ["Poland"] = "PL",
        ["Portugal"] = "PT", ["Qatar"] = "QA", ["Romania"] = "RO", ["Russia"] = "RU", ["Russian Federation"] = "RU",
        ["Rwanda"] = "RW", ["Saint Kitts and Nevis"] = "KN", ["St. Kitts and Nevis"] = "KN", ["Saint Vincent and the Grenadines"] = "VC",
        ["Samoa"] = "WS", ["Saudi Arabia"] = "SA", ["Senegal"] = "SN", ["Serbia"] = "RS", ["Seychelles"] = "SC",
        ["Sierra Leone"] = "SL", ["Singapore"] = "SG", ["Slovakia"] = "SK", ["Slovenia"] = "SI", ["Somalia"] = "SO",
        ["South Africa"] = "ZA", ["South Sudan"] = "SS", ["Spain"] = "ES", ["Sri Lanka"] = "LK", ["Sudan"] = "SD",
        ["Suriname"] = "SR", ["Sweden"] = "SE", ["Switzerland"] = "CH", ["Syria"] = "SY", ["Taiwan"] = "TW",
        ["Tajikistan"] = "TJ", ["Tanzania"] = "TZ", ["Thailand"] = "TH", ["Togo"] = "TG", ["Trinidad and Tobago"] = "TT",
        ["Tunisia"] = "TN", ["Turkey"] = "TR", ["Turkiye"] = "TR", ["Türkiye"] = "TR", ["Turkmenistan"] = "TM",
        ["Uganda"] = "UG", ["Ukraine"] = "UA", ["United Arab Emirates"] = "AE", ["United Kingdom"] = "GB",
        ["United States"] = "US", ["Uruguay"] = "UY", ["Uzbekistan"] = "UZ", ["Vanuatu"] = "VU", ["Venezuela"] = "VE",
        ["Vietnam"] = "VN", ["West Bank"] = "PS", ["Gaza"] = "PS", ["Region: Gaza"] = "PS", ["Palestinian"] = "PS",
        ["Yemen"] = "YE", ["Zambia"] = "ZM", ["Zimbabwe"] = "ZW",
    };

    /// <summary>Gets the ISO alpha-2 code of a country name, or <see langword="null"/> when the name is not in the table.</summary>
    /// <param name="name">The name as OFAC writes it; trailing periods and spaces are ignored.</param>
    public static string? ToIso2(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var key = name.Trim().TrimEnd('.').Trim();
        return Codes.TryGetValue(key, out var code) ? code : null;
    }
}
