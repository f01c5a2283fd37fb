namespace VendorScreen.Sources.VendorScreenJson;

/// <summary>The library's own formats for <see cref="SourceFormats"/>.</summary>
internal static class VendorScreenJsonFormats
{
    public static IReadOnlyList<SourceFormat> All { get; } =
    [
        new SourceFormat("vendorscreen-json", "VendorScreen dataset JSON (vendorscreen-dataset/1)", DetectJson, static (path, clock) => new VendorScreenJsonFileSource(path, clock)),
    ];

    private static bool DetectJson(string path)
    {
        if (!File.Exists(path) || !path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        using var stream = File.OpenRead(path);
        var buffer = new byte[512];
        var read = stream.Read(buffer, 0, buffer.Length);
        return System.Text.Encoding.UTF8.GetString(buffer, 0, read).Contains(VendorScreenJsonReader.FormatTag, StringComparison.Ordinal);
    }
}
