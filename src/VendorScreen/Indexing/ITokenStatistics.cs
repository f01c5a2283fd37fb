namespace VendorScreen.Indexing;

/// <summary>How often tokens occur in the screened dataset; rare tokens weigh more.</summary>
/// <remarks>Implementations must be safe for concurrent reads.</remarks>
internal interface ITokenStatistics
{
    /// <summary>Gets a rarity factor in (0, 1]: 1 for a token seen once (or never), less for frequent tokens.</summary>
    /// <param name="token">The token in compare form.</param>
    /// <returns>The rarity factor.</returns>
    double Rarity(string token);
}
