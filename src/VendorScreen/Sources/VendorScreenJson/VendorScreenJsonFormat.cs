using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.VendorScreenJson;

/// <summary>The library's own dataset JSON (<c>vendorscreen-dataset/1</c>), read by <see cref="VendorScreenJsonReader"/>. The
/// document names its source and version; the source of a file is named after the file.</summary>
internal sealed class VendorScreenJsonFormat() : SourceFormat("vendorscreen-json", "VendorScreen dataset JSON (vendorscreen-dataset/1)")
{
    internal override long MaxBytes => VendorScreenJsonReader.MaxDocumentBytes;

    internal override bool Recognises(string path) =>
        ListProbe.HasExtension(path, ".json") && ListProbe.Head(path, 512).Contains(VendorScreenJsonReader.FormatTag, StringComparison.Ordinal);

    internal override string DefaultSourceName(string location, IReadOnlyList<string> fileNames) => Path.GetFileNameWithoutExtension(location);

    internal override ListSnapshot Read(ListContent content) => VendorScreenJsonReader.Read(content.Bytes(), content.Location, content.FetchedAt);
}
