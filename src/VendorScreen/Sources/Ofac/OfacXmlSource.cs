using System.Security.Cryptography;
using VendorScreen.Screening;

namespace VendorScreen.Sources.Ofac;

/// <summary>
/// The OFAC SDN or Consolidated list in one of OFAC's XML layouts: the flat <c>SDN.XML</c> / <c>CONSOLIDATED.XML</c>
/// (root <c>sdnList</c>) or the advanced <c>SDN_ADVANCED.XML</c> / <c>CONS_ADVANCED.XML</c> (root <c>Sanctions</c>).
/// The layout is recognised from the root element.
/// </summary>
/// <remarks>
/// <para>XML is read with DTDs prohibited, no external resolution and a size limit; a malformed or oversized document
/// throws <see cref="SanctionListSourceException"/> naming the source, file, line and position.</para>
/// <para>Entities get ids <c>ofac-sdn:&lt;uid&gt;</c> (entries on the SDN list) or <c>ofac-cons:&lt;uid&gt;</c>. In the flat
/// layout the list is known from the file name (names starting with <c>cons</c> are the Consolidated list); in the advanced
/// layout from each entry's sanctions entry. The version is the publication date of the file (<c>Publish_Date</c> or
/// <c>DateOfIssue</c>), or the file's last-write date (UTC) when it has none.</para>
/// <para>Instances are safe for concurrent use; every <see cref="LoadAsync"/> reads the file again.</para>
/// </remarks>
public sealed class OfacXmlSource : ISanctionListSource
{
    private readonly string _path;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="OfacXmlSource"/> class.</summary>
    /// <param name="path">The XML file.</param>
    /// <param name="timeProvider">The clock for <see cref="ListSnapshot.FetchedAt"/>; <see langword="null"/> for the system clock.</param>
    /// <param name="name">The source name; <see langword="null"/> for <c>ofac-cons</c> when the file name starts with
    /// <c>cons</c> and <c>ofac-sdn</c> otherwise.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public OfacXmlSource(string path, TimeProvider? timeProvider = null, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = path;
        _timeProvider = timeProvider ?? TimeProvider.System;
        Name = string.IsNullOrWhiteSpace(name)
            ? OfacList.IdPrefix(OfacList.KindFromFileName(path))
            : name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Gets or sets the size limit in characters; internal so that tests can exercise it.</summary>
    internal long MaxCharacters { get; init; } = OfacXml.MaxDocumentCharacters;

    /// <inheritdoc />
    /// <exception cref="SanctionListSourceException">The file cannot be read, is not well-formed XML, exceeds the size limit,
    /// or is not an OFAC XML layout.</exception>
    public async ValueTask<ListSnapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(_path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SanctionListSourceException(Name, _path, ex.Message, ex);
        }

        var snapshot = Read(bytes, _path, Name, MaxCharacters);
        return snapshot with
        {
            Version = snapshot.Version.Length > 0 ? snapshot.Version : OfacList.Version(File.GetLastWriteTimeUtc(_path)),
            FetchedAt = _timeProvider.GetUtcNow(),
        };
    }

    /// <summary>Reads an OFAC XML document of either layout. The version is empty when the document has no publication date.</summary>
    internal static ListSnapshot Read(byte[] bytes, string location, string sourceName, long maxCharacters = OfacXml.MaxDocumentCharacters)
    {
        var defaultList = OfacList.KindFromFileName(location);
        var rejected = new List<RejectedRecord>();
        string? root;
        using (var stream = new MemoryStream(bytes, writable: false))
        {
            root = OfacXml.RootName(stream);
        }

        var document = root switch
        {
            OfacAdvancedXmlReader.RootName => OfacAdvancedXmlReader.Read(bytes, location, defaultList, rejected, maxCharacters, sourceName),
            OfacSdnXmlReader.RootName => OfacSdnXmlReader.Read(bytes, location, defaultList, rejected, maxCharacters, sourceName),
            null => OfacSdnXmlReader.Read(bytes, location, defaultList, rejected, maxCharacters, sourceName), // reports where the XML breaks
            _ => throw new SanctionListSourceException(sourceName, location, $"the root element is <{root}>; an OFAC XML file has <{OfacSdnXmlReader.RootName}> or <{OfacAdvancedXmlReader.RootName}>"),
        };

        var (entities, relations) = OfacXmlMapper.Map(document.Entries, rejected);
        var kinds = entities.SelectMany(e => e.Listings).Select(l => l.ListId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return new ListSnapshot(sourceName, document.PublishDate ?? string.Empty)
        {
            Entities = entities.Select(e => e with { SourceName = sourceName }).ToArray(),
            Relations = relations,
            Lists = kinds.Select(KnownLists.Get).ToArray(),
            Sha256 = Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(),
            Location = location,
            RejectedRecords = rejected,
        };
    }
}
