using VendorScreen.Normalization;

namespace VendorScreen.Indexing;

/// <summary>The facts of each indexed name's tokens that the bound reads (<see cref="IndexedNameFacts"/>), made on first use.</summary>
internal sealed partial class CandidateIndex
{
    // By name id; null until a name's facts are first asked for. Written once per name with the value any thread would make.
    private IndexedNameFacts?[]? _nameFacts;

    /// <summary>Gets the facts of an indexed name's tokens, made on the first call for the name and kept.</summary>
    /// <param name="nameId">The name's position in <see cref="Names"/>.</param>
    /// <returns>The facts.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nameId"/> is not a position in <see cref="Names"/>.</exception>
    internal IndexedNameFacts FactsOf(int nameId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nameId);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(nameId, Names.Count);
        var table = Volatile.Read(ref _nameFacts);
        if (table is null)
        {
            Interlocked.CompareExchange(ref _nameFacts, new IndexedNameFacts?[Names.Count], null);
            table = _nameFacts!;
        }

        var facts = Volatile.Read(ref table[nameId]);
        if (facts is null)
        {
            facts = MakeFacts(Names[nameId].Normalized.Tokens);
            Volatile.Write(ref table[nameId], facts);
        }

        return facts;
    }

    private IndexedNameFacts MakeFacts(IReadOnlyList<NameToken> tokens)
    {
        List<NameToken>? wider = null;
        var rarity = new double[tokens.Count];
        var sketches = new SpellingSketch[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var widerToken = LegalForms.WiderClass(token);
            if (widerToken != token)
            {
                wider ??= [.. tokens];
                wider[i] = widerToken;
            }

            rarity[i] = Rarity(token.Text);
            if (token.Text.Length >= 4)
            {
                sketches[i] = TryGetSketch(token.Text, out var sketch) ? sketch : _scoring.Sketch(token.Text);
            }
        }

        return new IndexedNameFacts(this, tokens, wider ?? tokens, rarity, sketches);
    }
}
