using VendorScreen.Normalization;

namespace VendorScreen.Indexing;

/// <summary>
/// What the bound of a candidate's score reads of an indexed name's tokens that depends only on the name and its index, made
/// for every name with the index (or, for an index made without, once per name when the bound first reads them:
/// <see cref="CandidateIndex.FactsOf"/>, <see cref="Made"/>): the tokens with
/// their wider word classes, the posting-list number and the rarity of each token and the spelling sketch of each token of four
/// characters or more, as the index holds them, and whether some run of its tokens misspells each legal form asked about. Read
/// in place of a look-up of each token in the index's tables, which a candidate met for the first time in a query otherwise
/// makes. A view of the index's table of facts: the table is made and filled with the index, so that reading the facts allocates
/// nothing; only whether a run misspells a legal form, and the traits the bound reads of each token on its own, are kept as
/// screenings work them out.
/// </summary>
/// <remarks>Safe for concurrent use.</remarks>
internal readonly struct IndexedNameFacts
{
    private readonly CandidateIndex.NameFactsTable _table;
    private readonly int _name;
    private readonly int _start;
    private readonly ICandidateScoring _scoring;

    internal IndexedNameFacts(CandidateIndex index, CandidateIndex.NameFactsTable table, ICandidateScoring scoring, int name, List<NameToken> tokens,
        List<NameToken>? widerTokens)
    {
        Statistics = index;
        _table = table;
        _scoring = scoring;
        _name = name;
        _start = widerTokens is null ? 0 : table.Start(name);
        Tokens = tokens;
        WiderTokens = widerTokens!;
    }

    /// <summary>Gets whether the facts are made (<see cref="Made"/>): until then only <see cref="Statistics"/> and
    /// <see cref="Tokens"/> are read.</summary>
    public bool IsMade => WiderTokens is not null;

    /// <summary>Makes the facts of the name when they are not yet made (on the first call for the name; the bound makes them only
    /// for a candidate it reads them for), and gives them.</summary>
    /// <returns>The facts, made.</returns>
    public IndexedNameFacts Made()
    {
        if (IsMade)
        {
            return this;
        }

        var index = (CandidateIndex)Statistics;
        if (!_table.IsFilled(_name))
        {
            _table.Fill(_name, Tokens, index, _scoring);
        }

        return new IndexedNameFacts(index, _table, _scoring, _name, Tokens, _table.Wider(_name) ?? Tokens);
    }

    /// <summary>Gets the index whose rarities and sketches these are.</summary>
    public ITokenStatistics Statistics { get; }

    /// <summary>Gets the name's tokens, as indexed (the list of its <see cref="NormalizedName"/>).</summary>
    public List<NameToken> Tokens { get; }

    /// <summary>Gets the tokens with their wider word classes (<see cref="LegalForms.WiderClass"/>), in the same places: the list
    /// of <see cref="Tokens"/> itself when no token changes. Read, as everything below, only once the facts are made.</summary>
    public List<NameToken> WiderTokens { get; }

    /// <summary>Gets the rarity of a token (<see cref="ITokenStatistics.Rarity"/>).</summary>
    /// <param name="place">The token's place in <see cref="Tokens"/>.</param>
    /// <returns>The rarity.</returns>
    public double RarityAt(int place) => _table.Rarity(_start + place);

    /// <summary>Gets the posting-list number of a token in the index (<see cref="Statistics"/>): the same for the same text in every
    /// name of the index, so that what is worked out for one name's token can be kept for another's by a number rather than by
    /// its letters; -1 for a token without postings.</summary>
    /// <param name="place">The token's place in <see cref="Tokens"/>.</param>
    /// <returns>The number.</returns>
    public int PostingNumberAt(int place) => _table.Number(_start + place);

    /// <summary>Gets the spelling sketch of a token of four characters or more as the index holds it
    /// (<see cref="IWordSketches.TryGetSketch"/>) or, for a word it does not hold, as its scoring makes it; the default sketch for
    /// a shorter token.</summary>
    /// <param name="place">The token's place in <see cref="Tokens"/>.</param>
    /// <returns>The sketch.</returns>
    public SpellingSketch SketchAt(int place) => _table.Sketch(_start + place);

    /// <summary>Gets the sound codes of the token at a place as a Latin word (<see cref="CandidateIndex.LatinCodes"/>), kept
    /// in the table (written with the index, or at their first read): the codes are read from there rather than looked up by the token's letters in the
    /// sound vocabulary's table of every word, which a query in another script would do for each word of its candidates.</summary>
    /// <param name="place">The token's place in <see cref="Tokens"/>.</param>
    /// <returns>The codes; <see langword="null"/> when the token is not a word of the sound vocabulary.</returns>
    public string? SoundCodesAt(int place) => _table.SoundCodes(_start + place, Tokens[place].Text, (CandidateIndex)Statistics);

    /// <summary>Gets what the bound keeps of the token at a place on its own (its traits, as the bound writes them): 0 until first
    /// kept.</summary>
    /// <param name="place">The token's place in <see cref="Tokens"/>.</param>
    /// <returns>The traits kept, or 0.</returns>
    public byte TraitsAt(int place) => _table.Traits(_start + place);

    /// <summary>Keeps the traits of the token at a place (the value any thread would work out for it; not 0).</summary>
    /// <param name="place">The token's place in <see cref="Tokens"/>.</param>
    /// <param name="traits">The traits.</param>
    public void KeepTraits(int place, byte traits) => _table.KeepTraits(_start + place, traits);

    /// <summary>Gets whether some run of the name's tokens misspells a legal form, when the bound has worked it out.</summary>
    /// <param name="form">The compare form of the legal form.</param>
    /// <param name="misspelt">Whether a run misspells it.</param>
    /// <returns><see langword="true"/> when known.</returns>
    public bool TryGetMisspelling(string form, out bool misspelt) => _table.TryGetMisspelling(_name, form, out misspelt);

    /// <summary>Keeps whether some run of the name's tokens misspells a legal form (the value any thread would work out); a form
    /// past the 64 kept (<see cref="LegalForms.MisspellingFormNumber"/>) is not kept.</summary>
    /// <param name="form">The compare form of the legal form.</param>
    /// <param name="misspelt">Whether a run misspells it.</param>
    public void KeepMisspelling(string form, bool misspelt) => _table.KeepMisspelling(_name, form, misspelt);
}
