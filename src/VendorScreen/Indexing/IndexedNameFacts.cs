using VendorScreen.Normalization;

namespace VendorScreen.Indexing;

/// <summary>
/// What the bound of a candidate's score reads of an indexed name's tokens that depends only on the name and its index, made
/// once per name on its first use: the tokens with their wider word classes, the rarity of each token and the spelling sketch
/// of each token of four characters or more, as the index holds them. Read in place of a look-up of each token in the index's
/// tables, which a candidate met for the first time in a query otherwise makes.
/// </summary>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
internal sealed class IndexedNameFacts
{
    internal IndexedNameFacts(ITokenStatistics statistics, IReadOnlyList<NameToken> tokens, IReadOnlyList<NameToken> widerTokens, double[] rarity, SpellingSketch[] sketches)
    {
        Statistics = statistics;
        Tokens = tokens;
        WiderTokens = widerTokens;
        _rarity = rarity;
        _sketches = sketches;
    }

    private readonly double[] _rarity;
    private readonly SpellingSketch[] _sketches;

    /// <summary>Gets the index whose rarities and sketches these are.</summary>
    public ITokenStatistics Statistics { get; }

    /// <summary>Gets the name's tokens, as indexed (the list of its <see cref="NormalizedName"/>).</summary>
    public IReadOnlyList<NameToken> Tokens { get; }

    /// <summary>Gets the tokens with their wider word classes (<see cref="LegalForms.WiderClass"/>), in the same places: the list
    /// of <see cref="Tokens"/> itself when no token changes.</summary>
    public IReadOnlyList<NameToken> WiderTokens { get; }

    // The legal forms asked about with whether some run of the name's tokens misspells each, as the bound works it out on its
    // first question; replaced whole when one is added, so that a reader sees a complete array.
    private (string Form, bool Misspelt)[] _forms = [];

    /// <summary>Gets whether some run of the name's tokens misspells a legal form, when the bound has worked it out.</summary>
    /// <param name="form">The compare form of the legal form.</param>
    /// <param name="misspelt">Whether a run misspells it.</param>
    /// <returns><see langword="true"/> when known.</returns>
    public bool TryGetMisspelling(string form, out bool misspelt)
    {
        foreach (var known in Volatile.Read(ref _forms))
        {
            if (string.Equals(known.Form, form, StringComparison.Ordinal))
            {
                misspelt = known.Misspelt;
                return true;
            }
        }

        misspelt = false;
        return false;
    }

    /// <summary>Keeps whether some run of the name's tokens misspells a legal form (the value any thread would work out).</summary>
    /// <param name="form">The compare form of the legal form.</param>
    /// <param name="misspelt">Whether a run misspells it.</param>
    public void KeepMisspelling(string form, bool misspelt)
    {
        while (true)
        {
            var forms = Volatile.Read(ref _forms);
            if (TryGetMisspelling(form, out _))
            {
                return;
            }

            if (ReferenceEquals(Interlocked.CompareExchange(ref _forms, [.. forms, (form, misspelt)], forms), forms))
            {
                return;
            }
        }
    }

    /// <summary>Gets the rarity of a token (<see cref="ITokenStatistics.Rarity"/>).</summary>
    /// <param name="place">The token's place in <see cref="Tokens"/>.</param>
    /// <returns>The rarity.</returns>
    public double RarityAt(int place) => _rarity[place];

    /// <summary>Gets the spelling sketch of a token of four characters or more as the index holds it
    /// (<see cref="IWordSketches.TryGetSketch"/>) or, for a word it does not hold, as its scoring makes it; the default sketch for
    /// a shorter token.</summary>
    /// <param name="place">The token's place in <see cref="Tokens"/>.</param>
    /// <returns>The sketch.</returns>
    public ref readonly SpellingSketch SketchAt(int place) => ref _sketches[place];
}
