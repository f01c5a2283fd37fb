using VendorScreen.Sources.BisDpl;
using VendorScreen.Sources.Csl;
using VendorScreen.Sources.CustomCsv;
using VendorScreen.Sources.Eu;
using VendorScreen.Sources.Ofac;
using VendorScreen.Sources.OpenSanctions;
using VendorScreen.Sources.Uk;
using VendorScreen.Sources.Un;
using VendorScreen.Sources.VendorScreenJson;

namespace VendorScreen.Sources;

/// <summary>Opens list files and folders by format name or by detection: <c>format:path</c> or a plain path.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
public static class SourceFormats
{
    // The one registry of list formats, in detection order: a new format is its folder plus one line here.
    private static readonly Lazy<IReadOnlyList<SourceFormat>> AllFormats = new(() =>
    [
        new VendorScreenJsonFormat(),
        OfacCsvFormat.Instance,
        OfacXmlFormat.Flat,
        OfacXmlFormat.Advanced,
        new CslCsvFormat(),
        new CslJsonFormat(),
        new BisDplFormat(),
        new UnXmlFormat(),
        new EuXmlFormat(),
        new EuCsvFormat(),
        UkFormat.ConList,
        UkFormat.Fcdo,
        new FtmJsonFormat(),
        new CustomCsvFormat(),
    ]);

    /// <summary>Gets every supported format, in detection order.</summary>
    public static IReadOnlyList<SourceFormat> All => AllFormats.Value;

    /// <summary>Gets a format by name (case-insensitive).</summary>
    /// <param name="name">The format name, for example <c>un-xml</c>.</param>
    /// <returns>The format.</returns>
    /// <exception cref="ArgumentException">No format has the name; the message lists the known ones.</exception>
    public static SourceFormat Get(string name) => Find(name)
        ?? throw new ArgumentException($"Unknown format \"{name}\"; known formats: {KnownNames}.", nameof(name));

    /// <summary>Gets a format by name (case-insensitive), or <see langword="null"/>.</summary>
    /// <param name="name">The format name.</param>
    /// <returns>The format, or <see langword="null"/> when no format has the name.</returns>
    public static SourceFormat? Find(string? name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Opens a source from a spec: <c>format:path</c>, or a path whose format is detected.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="timeProvider">The clock for fetched-at times; <see langword="null"/> for the system clock.</param>
    /// <returns>The source (not yet loaded).</returns>
    /// <exception cref="SanctionListSourceException">The path does not exist, the format is unknown, or no format recognises the file.</exception>
    public static ISanctionListSource Open(string spec, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        timeProvider ??= TimeProvider.System;
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (colon > 1)
        {
            var name = spec[..colon];
            if (Find(name) is { } format)
            {
                var path = spec[(colon + 1)..];
                EnsureExists(path);
                return format.Open(path, timeProvider);
            }

            if (!Path.Exists(spec))
            {
                throw new SanctionListSourceException("source", spec, $"unknown format \"{name}\"; known formats: {KnownNames}");
            }
        }

        EnsureExists(spec);
        var detected = All.FirstOrDefault(f => f.Detect(spec))
            ?? throw new SanctionListSourceException("source", spec, $"no supported format recognises this {(Directory.Exists(spec) ? "folder" : "file")}; name one as format:path ({KnownNames})");
        return detected.Open(spec, timeProvider);
    }

    private static string KnownNames => string.Join(", ", All.Select(f => f.Name));

    private static void EnsureExists(string path)
    {
        if (!Path.Exists(path))
        {
            throw new SanctionListSourceException("source", path, "no such file or folder");
        }
    }
}
