using VendorScreen.Sources.VendorScreenJson;

namespace VendorScreen.Sources;

/// <summary>A list file format that <see cref="SourceFormats"/> can detect and open.</summary>
/// <param name="Name">The format name used in <c>format:path</c> specs (for example <c>ofac-csv</c>).</param>
/// <param name="Description">A one-line description.</param>
/// <param name="Detect">Whether a file or folder is in this format (may read the first bytes).</param>
/// <param name="Create">Creates the source for a path.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record SourceFormat(string Name, string Description, Func<string, bool> Detect, Func<string, TimeProvider, ISanctionListSource> Create);

/// <summary>Opens list files and folders by format name or by detection: <c>format:path</c> or a plain path.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
public static class SourceFormats
{
    private static readonly Lazy<IReadOnlyList<SourceFormat>> AllFormats = new(() =>
    [
        .. VendorScreenJsonFormats.All,
        .. Ofac.OfacFormats.All,
        .. Lists.OtherListFormats.All,
    ]);

    /// <summary>Gets every supported format, in detection order.</summary>
    public static IReadOnlyList<SourceFormat> All => AllFormats.Value;

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
            var format = All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
            if (format is not null)
            {
                var path = spec[(colon + 1)..];
                EnsureExists(path);
                return format.Create(path, timeProvider);
            }

            if (!Path.Exists(spec))
            {
                throw new SanctionListSourceException("source", spec, $"unknown format \"{name}\"; known formats: {string.Join(", ", All.Select(f => f.Name))}");
            }
        }

        EnsureExists(spec);
        var detected = All.FirstOrDefault(f => f.Detect(spec))
            ?? throw new SanctionListSourceException("source", spec, $"no supported format recognises this {(Directory.Exists(spec) ? "folder" : "file")}; name one as format:path ({string.Join(", ", All.Select(f => f.Name))})");
        return detected.Create(spec, timeProvider);
    }

    private static void EnsureExists(string path)
    {
        if (!Path.Exists(path))
        {
            throw new SanctionListSourceException("source", path, "no such file or folder");
        }
    }
}
