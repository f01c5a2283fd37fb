namespace VendorScreen.Indexing;

/// <summary>The sound codes of the Latin words of the screened names (<see cref="Normalization.CrossScriptKey.Latin"/>), computed
/// once when the index is built, so that comparing a name from another script with many Latin candidates reads them rather than
/// computing them again.</summary>
/// <remarks>Implementations must be safe for concurrent reads.</remarks>
internal interface IWordSoundCodes
{
    /// <summary>Gets the sound codes of a Latin word of the screened names.</summary>
    /// <param name="word">The word in compare form.</param>
    /// <returns>The codes, the same as <see cref="Normalization.CrossScriptKey.Latin"/> gives; <see langword="null"/> when the
    /// word is not one of those kept.</returns>
    string? LatinCodes(string word);
}
