using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.CustomCsv;

/// <summary>The library's own CSV for internal block lists and extracts from an ERP: a header naming some of the columns
/// <c>id,name,kind,aliases,country,list,program,listed_on,identifiers,notes</c> (<c>id</c> and <c>name</c> required). The source
/// name is the file name in lower kebab case unless one is given; the version is the file's last-write date.</summary>
internal sealed class CustomCsvFormat() : RecordListFormat<CustomCsvDocument>("custom-csv",
    "VendorScreen custom list CSV (id,name,kind,aliases,country,list,program,listed_on,identifiers,notes)", "custom")
{
    internal override bool Recognises(string path)
    {
        if (!path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var header = ListProbe.HeaderCells(ListProbe.FirstLine(path), ',');
        return header.Contains("ID") && header.Contains("NAME")
            && header.Any(h => h is "KIND" or "ALIASES" or "LIST" or "IDENTIFIERS" or "LISTED_ON")
            && header.All(h => CustomCsvReader.Columns.Contains(h.ToLowerInvariant()));
    }

    internal override string DefaultSourceName(string location, IReadOnlyList<string> fileNames)
    {
        var stem = ListText.Kebab(Path.GetFileNameWithoutExtension(location));
        return stem.Length == 0 ? IdPrefix : stem;
    }

    private protected override string EntityIdPrefix(string sourceName) => sourceName;

    internal override void CheckSourceName(string name)
    {
        if (ListText.Kebab(name) != name)
        {
            throw new ArgumentException($"The source name \"{name}\" must be lower-case letters, digits and dashes.", nameof(name));
        }
    }

    private protected override CustomCsvDocument ReadDocument(ListContent content) => CustomCsvReader.Read(content.Text(), content.SourceName, content.Location);

    private protected override void Map(CustomCsvDocument document, SnapshotAssembler assembler) => CustomCsvMapper.Map(document, assembler);
}
