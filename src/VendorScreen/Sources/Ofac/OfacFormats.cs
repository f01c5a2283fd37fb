namespace VendorScreen.Sources.Ofac;

/// <summary>OFAC formats for <see cref="SourceFormats"/>.</summary>
internal static class OfacFormats
{
    public static IReadOnlyList<SourceFormat> All { get; } = [];
}
