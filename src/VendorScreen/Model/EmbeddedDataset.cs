namespace VendorScreen;

/// <summary>What the screening and the policies know of the embedded default dataset's entities, without reading the dataset.</summary>
internal static class EmbeddedDataset
{
    /// <summary>The source name of the embedded dataset.</summary>
    public const string SourceName = "default";

    /// <summary>Gets whether an entity is one of the embedded dataset's: the covered families and the other surveillance makers,
    /// gathered with the names and marks their products are sold under.</summary>
    /// <param name="entity">The entity.</param>
    /// <returns>Whether its source is the embedded dataset.</returns>
    public static bool Holds(Entity entity) => string.Equals(entity.SourceName, SourceName, StringComparison.Ordinal);
}
