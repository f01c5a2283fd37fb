namespace VendorScreen.Tests.Architecture;

/// <summary>
/// The parts of the core library and the arrows between them (DESIGN.md, "Packages and layout"): the model, and the options
/// at the root (plain data), come first; an earlier part never
/// knows a later one; the pipeline (Screening) and the list readers (Sources) never know each other; inside Sources, the
/// shared reader kit knows no list, and a list knows no other list (only the registry at the Sources root knows them all).
/// </summary>
internal static class LayerRules
{
    private static readonly Dictionary<string, int> Rank = new(StringComparer.Ordinal)
    {
        ["Model"] = 0,
        ["(root)"] = 1,
        ["Normalization"] = 2,
        ["Indexing"] = 3,
        ["Matching"] = 4,
        ["Graph"] = 5,
        ["Policies"] = 6,
        ["Telemetry"] = 6,
        ["Sources"] = 7,
        ["Screening"] = 7,
        ["Hosting"] = 8,
        ["Audit"] = 8,
        ["DependencyInjection"] = 8,
    };

    /// <summary>Whether code in part <paramref name="from"/> may use a type of part <paramref name="to"/>.</summary>
    public static bool Allows(string from, string to)
    {
        if (from == to)
        {
            return true;
        }

        var fromStage = Stage(from);
        var toStage = Stage(to);
        if (fromStage == "Sources" && toStage == "Sources")
        {
            return SourcesAllows(from, to);
        }

        if (!Rank.TryGetValue(fromStage, out var fromRank) || !Rank.TryGetValue(toStage, out var toRank))
        {
            return false;
        }

        return toRank < fromRank;
    }

    private static bool SourcesAllows(string from, string to) => (from, to) switch
    {
        ("Sources", _) => true,
        (_, "Sources") => true,
        (_, "Sources/Lists") => true,
        _ => false,
    };

    private static string Stage(string part)
    {
        var slash = part.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? part : part[..slash];
    }
}
