namespace VendorScreen.Sources.Lists;

/// <summary>Formats of the US CSL, BIS, UN, EU, UK, OpenSanctions and custom CSV lists for <see cref="SourceFormats"/>.</summary>
internal static class OtherListFormats
{
    public static IReadOnlyList<SourceFormat> All { get; } = [];
}
