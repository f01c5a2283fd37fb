namespace VendorScreen.Sources.Lists;

/// <summary>Maps the <c>source</c> of a CSL record ("Entity List (EL) - Bureau of Industry and Security") to a list id.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class CslSourceLists
{
    private static readonly Dictionary<string, string> ByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EL"] = "us-bis-entity-list",
        ["DPL"] = "us-bis-dpl",
        ["UVL"] = "us-bis-uvl",
        ["MEU"] = "us-bis-meu",
        ["SDN"] = "us-ofac-sdn",
        ["SSI"] = "us-ofac-ssi",
        ["FSE"] = "us-ofac-fse",
        ["PLC"] = "us-ofac-plc",
        ["CAP"] = "us-ofac-capta",
        ["CAPTA"] = "us-ofac-capta",
        ["NS-MBS"] = "us-ofac-ns-mbs",
        ["NS-MBS List"] = "us-ofac-ns-mbs",
        ["MBS"] = "us-ofac-ns-mbs",
        ["NS-ISA"] = "us-ofac-ns-isa",
        ["CMIC"] = "us-treasury-ns-cmic",
        ["NS-CMIC"] = "us-treasury-ns-cmic",
        ["NS-CMIC List"] = "us-treasury-ns-cmic",
        ["ISN"] = "us-state-isn",
        ["DTC"] = "us-state-itar-debarred",
    };

    /// <summary>Gets the legal basis to show as the program of a record that names none: the supplement of the EAR
    /// that holds the list, or the ITAR section for debarments.</summary>
    public static string? DefaultProgram(string listId) => listId switch
    {
        "us-bis-entity-list" => "EAR Part 744, Supplement No. 4 (Entity List)",
        "us-bis-uvl" => "EAR Part 744, Supplement No. 6 (Unverified List)",
        "us-bis-meu" => "EAR Part 744, Supplement No. 7 (Military End-User List)",
        "us-bis-dpl" => "EAR Part 764 (Denial of export privileges)",
        "us-state-itar-debarred" => "ITAR 22 CFR 127.7 (Debarment)",
        _ => null,
    };

    /// <summary>Gets the list id and authority of a CSL source: the code in parentheses picks the list; the text after
    /// the last " - " is the authority. An unknown code gives <c>us-csl-&lt;code&gt;</c>.</summary>
    public static (string ListId, string? Authority) Resolve(string source)
    {
        var dash = source.LastIndexOf(" - ", StringComparison.Ordinal);
        var authority = dash > 0 ? ListText.Clean(source[(dash + 3)..]) : null;
        var open = source.IndexOf('(', StringComparison.Ordinal);
        var close = open >= 0 ? source.IndexOf(')', open + 1) : -1;
        var code = open >= 0 && close > open ? source[(open + 1)..close].Trim() : null;
        if (code is not null && ByCode.TryGetValue(code, out var listId))
        {
            return (listId, authority);
        }

        var label = code ?? (dash > 0 ? source[..dash] : source);
        return ("us-csl-" + ListText.Kebab(label), authority);
    }
}
