namespace VendorScreen.Sources.VendorScreenJson;

/// <summary>The embedded default dataset: the NDAA section 889 and FCC Covered List families, their subsidiaries, brands,
/// dated ownership changes, FCC grantee codes and model prefixes, and the surveillance-related Entity List, 1260H, NS-CMIC
/// and UFLPA entries. Needs no download.</summary>
/// <remarks>Instances are safe for concurrent use; the resource is parsed once and the snapshot reused.</remarks>
internal sealed class DefaultDatasetSource : ISanctionListSource
{
    /// <summary>The source name of the embedded dataset.</summary>
    public const string SourceName = EmbeddedDataset.SourceName;

    private const string ResourceName = "VendorScreen.Data.default-dataset.json";

    private static readonly Lazy<ListSnapshot> Snapshot = new(LoadResource, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <inheritdoc />
    public string Name => SourceName;

    /// <inheritdoc />
    public ValueTask<ListSnapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Snapshot.Value);
    }

    /// <summary>Reads the embedded dataset.</summary>
    /// <returns>The snapshot.</returns>
    public static ListSnapshot Load() => Snapshot.Value;

    private static ListSnapshot LoadResource()
    {
        using var stream = typeof(DefaultDatasetSource).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new SanctionListSourceException(SourceName, ResourceName, "the embedded resource is missing from the assembly");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return VendorScreenJsonReader.Read(buffer.ToArray(), "embedded:" + ResourceName, default);
    }
}
