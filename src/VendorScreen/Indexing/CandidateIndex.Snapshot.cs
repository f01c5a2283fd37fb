using System.Runtime.CompilerServices;
using VendorScreen.Normalization;

namespace VendorScreen.Indexing;

/// <summary>The binary form of a built index, for index snapshot files: what the constructor computes from the entities (the
/// normalised name variants, the postings in their order, the trigram table of the typo vocabulary (by the ids of the vocabulary
/// ordered by length), the sound-alike part of each vocabulary word's spelling sketch, the identifier map and the Latin words with
/// their sound codes, from which the trie of the look-up by sound is built again at load), so that loading neither normalises a
/// name nor builds a table again.</summary>
internal sealed partial class CandidateIndex
{
    private const byte NoName = 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private CandidateIndex(
        IReadOnlyList<Entity> entities,
        ICandidateScoring scoring,
        IndexedName[] names,
        StoredTables tables,
        (int EntityIndex, EntityIdentifier Identifier, ModelPrefixPattern Pattern)[] modelPrefixes)
    {
        _scoring = scoring;
        Entities = entities;
        Names = names;
        _postings = tables.Postings;
        _rarity = tables.Derived.Rarity;
        (_vocabulary, _vocabularyRank, _vocabularyLengthStart) = (tables.Derived.Vocabulary, tables.Derived.VocabularyRank, tables.Derived.VocabularyLengthStart);
        (_vocabularyIds, _similarAsLatin, _similarAsTransliterated) = (tables.Derived.VocabularyIds, tables.Derived.SimilarAsLatin, tables.Derived.SimilarAsTransliterated);
        _vocabularySketches = tables.Sketches;
        _trigramToVocabulary = tables.Trigrams;
        _identifiers = tables.Identifiers;
        _sound = tables.Sound;
        _modelPrefixes = modelPrefixes;
        IsFromSnapshot = true;
    }

    /// <summary>Gets whether the index was read from an index snapshot rather than built from the entities.</summary>
    public bool IsFromSnapshot { get; }

    /// <summary>Writes the index. Entities are referred to by position and their names by position in <see cref="Entity.Names"/>,
    /// so the reader needs the same entities in the same order.</summary>
    /// <param name="writer">The writer.</param>
    /// <exception cref="InvalidOperationException">The index refers to a name or word it does not hold (a bug).</exception>
    public void WriteTo(SnapshotBinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteCount(Entities.Count);

        // Every token of an indexed name, and every sound word, is a posting key: the keys are the string table.
        var keyIds = new Dictionary<string, int>(_postings.Count, StringComparer.Ordinal);
        writer.WriteCount(_postings.Count);
        foreach (var key in _postings.Keys)
        {
            keyIds.Add(key, keyIds.Count);
            writer.WriteString(key);
        }

        int KeyId(string text) => keyIds.TryGetValue(text, out var id)
            ? id
            : throw new InvalidOperationException($"The index holds the word \"{text}\" but has no posting for it.");

        void WriteTokens(IReadOnlyList<NameToken> tokens)
        {
            writer.WriteCount(tokens.Count);
            foreach (var token in tokens)
            {
                writer.WriteCount(KeyId(token.Text));
                writer.WriteByte((byte)token.Class);
            }
        }

        writer.WriteCount(Names.Count);
        foreach (var name in Names)
        {
            var entity = Entities[name.EntityIndex];
            writer.WriteCount(name.EntityIndex);
            writer.WriteCount(NamePosition(entity, name.Name));
            var normalized = name.Normalized;
            writer.WriteByte(normalized.IsSecondarySpelling ? (byte)2 : normalized.IsTransliteration ? (byte)1 : (byte)0);
            writer.WriteByte((byte)normalized.SourceScript);
            WriteTokens(normalized.Tokens);
            if (normalized.PrimarySpelling is { } primary)
            {
                WriteTokens(primary.Tokens);
            }

            writer.WriteCount(normalized.SyllableContinuations.Length);
            foreach (var bits in normalized.SyllableContinuations)
            {
                writer.WriteUInt64(bits);
            }
        }

        foreach (var ids in _postings.Values)
        {
            writer.WriteIncreasing(ids);
        }

        writer.WriteCount(_trigramToVocabulary.Count);
        foreach (var (gram, ids) in _trigramToVocabulary)
        {
            writer.WriteUInt64(gram);
            writer.WriteIncreasing(ids);
        }

        WriteSketches(writer);

        writer.WriteCount(_identifiers.Count);
        foreach (var (key, ids) in _identifiers)
        {
            writer.WriteString(key);
            writer.WriteIncreasing(ids);
        }

        writer.WriteCount(_sound.Codes.Length);
        foreach (var codes in _sound.Codes)
        {
            writer.WriteString(codes);
        }

        writer.WriteCount(_sound.Words.Length);
        for (var w = 0; w < _sound.Words.Length; w++)
        {
            writer.WriteCount(KeyId(_sound.Words[w]));
            writer.WriteCount(_sound.WordCodes[w]);
        }
    }

    /// <summary>Reads an index written by <see cref="WriteTo"/> over the same entities, in the same order.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="entities">The entities the index was built from.</param>
    /// <param name="scoring">The token weights and spelling similarity of the scoring stage.</param>
    /// <returns>The index, equal to one built from <paramref name="entities"/>.</returns>
    /// <exception cref="InvalidDataException">The data is cut short, malformed, or refers to entities, names or words that are not there.</exception>
    public static CandidateIndex ReadFrom(SnapshotBinaryReader reader, IReadOnlyList<Entity> entities, ICandidateScoring scoring) =>
        Link(ReadTables(reader), entities, scoring, ModelPrefixTable(entities));

    /// <summary>Reads the tables of an index written by <see cref="WriteTo"/>, before the entities are at hand (so that the entities
    /// can be read at the same time).</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The tables, to <see cref="Link"/> with the entities.</returns>
    /// <exception cref="InvalidDataException">The data is cut short or malformed.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static StoredTables ReadTables(SnapshotBinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Section = "candidate index";
        var entityCount = reader.ReadCount();

        reader.Section = "candidate index, words";
        var keys = new string[reader.ReadCount(int.MaxValue / 8, "the number of words")];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = reader.ReadString();
        }

        reader.Section = "candidate index, names";
        var names = new StoredName[reader.ReadCount(int.MaxValue / 8, "the number of names")];
        for (var n = 0; n < names.Length; n++)
        {
            var e = entityCount == 0 ? throw reader.Bad("a name of an index over no entities") : reader.ReadCount(entityCount - 1, "an entity position");
            var position = reader.ReadCount();
            // 0: the name's own script, 1: a transliteration, 2: a second romanisation (NormalizedName.IsSecondarySpelling).
            var spelling = reader.ReadByte();
            if (spelling > 2)
            {
                throw reader.Bad($"a transliteration flag {spelling}");
            }

            var transliteration = spelling > 0;
            var script = reader.ReadByte();
            if (script > (byte)NameScript.Other)
            {
                throw reader.Bad($"an unknown script {script}");
            }

            var tokens = ReadTokens(reader, keys);
            // A second romanisation is followed by the first, with the same number of syllables.
            var primaryTokens = spelling == 2 ? ReadTokens(reader, keys) : null;
            if (primaryTokens is not null && primaryTokens.Length != tokens.Length)
            {
                throw reader.Bad($"a second romanisation of {tokens.Length} tokens whose first has {primaryTokens.Length}");
            }

            var continuations = new ulong[reader.ReadCount((tokens.Length + 63) / 64, "the length of the syllable continuations")];
            for (var c = 0; c < continuations.Length; c++)
            {
                continuations[c] = reader.ReadUInt64();
            }

            var normalized = new NormalizedName(tokens, transliteration)
            {
                SourceScript = (NameScript)script,
                SyllableContinuations = continuations,
                PrimarySpelling = primaryTokens is null ? null
                    : new NormalizedName(primaryTokens, true) { SourceScript = (NameScript)script, SyllableContinuations = continuations },
            };
            names[n] = new StoredName(e, position, normalized);
        }

        reader.Section = "candidate index, postings";
        var postings = new Dictionary<string, int[]>(keys.Length, StringComparer.Ordinal);
        var vocabularyCount = 0;
        foreach (var key in keys)
        {
            if (!postings.TryAdd(key, reader.ReadIncreasing(names.Length)))
            {
                throw reader.Bad($"the word \"{key}\" is listed twice");
            }

            vocabularyCount += key.Length >= 4 ? 1 : 0;
        }

        // The tables the index derives from the postings (rarities, the typo vocabulary and its ids) are made on another thread
        // while the rest is read.
        var nameCount = names.Length;
        var derived = Task.Run(() => Derive(postings, nameCount));

        reader.Section = "candidate index, trigrams";
        var trigramCount = reader.ReadCount(int.MaxValue / 8, "the number of trigrams");
        var trigrams = new Dictionary<ulong, int[]>(trigramCount);
        for (var i = 0; i < trigramCount; i++)
        {
            var gram = reader.ReadUInt64();
            if (!trigrams.TryAdd(gram, reader.ReadIncreasing(vocabularyCount)))
            {
                throw reader.Bad("a trigram is listed twice");
            }
        }

        var spellingSounds = ReadSketches(reader, vocabularyCount);

        reader.Section = "candidate index, identifiers";
        var identifierCount = reader.ReadCount(int.MaxValue / 8, "the number of identifiers");
        var identifiers = new Dictionary<string, int[]>(identifierCount, StringComparer.Ordinal);
        for (var i = 0; i < identifierCount; i++)
        {
            var key = reader.ReadString();
            if (!identifiers.TryAdd(key, reader.ReadIncreasing(entityCount)))
            {
                throw reader.Bad("an identifier is listed twice");
            }
        }

        reader.Section = "candidate index, sound codes";
        var soundCodes = new string[reader.ReadCount(keys.Length, "the number of sound code sequences")];
        for (var c = 0; c < soundCodes.Length; c++)
        {
            soundCodes[c] = reader.ReadString();
            if (c > 0 && string.CompareOrdinal(soundCodes[c - 1], soundCodes[c]) >= 0)
            {
                throw reader.Bad($"sound code sequence {c} is out of order or repeated");
            }
        }

        reader.Section = "candidate index, sound words";
        var soundWords = new string[reader.ReadCount(keys.Length, "the number of sound words")];
        var soundWordCodes = new int[soundWords.Length];
        for (var w = 0; w < soundWords.Length; w++)
        {
            soundWords[w] = keys[reader.ReadCount(keys.Length - 1, "a word id")];
            if (w > 0 && string.CompareOrdinal(soundWords[w - 1], soundWords[w]) >= 0)
            {
                throw reader.Bad($"sound word {w} is out of order or repeated");
            }

            soundWordCodes[w] = soundCodes.Length == 0 ? throw reader.Bad("a sound word without sound codes") : reader.ReadCount(soundCodes.Length - 1, "a sound code sequence id");
        }

        var sound = new SoundVocabulary(soundWords, soundWordCodes, soundCodes);

        reader.Section = "candidate index";
        if (!reader.AtEnd)
        {
            throw reader.Bad("unexpected bytes after the index");
        }

        var derivedTables = derived.GetAwaiter().GetResult();
        var sketches = StoredSketches(derivedTables.Vocabulary, spellingSounds);
        return new StoredTables(entityCount, names, postings, trigrams, sketches, identifiers, sound, derivedTables);
    }

    /// <summary>Makes the index of tables read by <see cref="ReadTables"/> over the entities it was built from, with the
    /// model-prefix table of the entities made beforehand (<see cref="ModelPrefixTable"/>, while the tables are read).</summary>
    /// <param name="tables">The tables.</param>
    /// <param name="entities">The entities the index was built from, in order.</param>
    /// <param name="scoring">The token weights and spelling similarity of the scoring stage.</param>
    /// <param name="modelPrefixes">The model-prefix table of <paramref name="entities"/>.</param>
    /// <returns>The index, equal to one built from <paramref name="entities"/>.</returns>
    /// <exception cref="InvalidDataException">The tables were built over other entities.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CandidateIndex Link(
        StoredTables tables,
        IReadOnlyList<Entity> entities,
        ICandidateScoring scoring,
        (int EntityIndex, EntityIdentifier Identifier, ModelPrefixPattern Pattern)[] modelPrefixes)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(scoring);
        if (tables.EntityCount != entities.Count)
        {
            throw new InvalidDataException($"candidate index: the index was built over {tables.EntityCount} entities, but the snapshot holds {entities.Count}");
        }

        var names = new IndexedName[tables.Names.Length];
        var primaries = new EntityName?[entities.Count];
        for (var n = 0; n < names.Length; n++)
        {
            var (e, position, normalized) = tables.Names[n];
            var entity = entities[e];
            var name = position == NoName
                ? primaries[e] ??= new EntityName(entity.PrimaryName, NameKind.Primary)
                : position <= entity.Names.Count
                    ? entity.Names[position - 1]
                    : throw new InvalidDataException($"candidate index: name {n} is name {position} of entity {entity.Id}, which has {entity.Names.Count}");
            names[n] = new IndexedName(e, name, normalized);
        }

        return new CandidateIndex(entities, scoring, names, tables, modelPrefixes);
    }

    /// <summary>Gets the model-prefix identifiers of entities as the index keeps them (longest first), so that they can be made
    /// while the index tables are read.</summary>
    /// <param name="entities">The entities.</param>
    /// <returns>The table.</returns>
    public static (int EntityIndex, EntityIdentifier Identifier, ModelPrefixPattern Pattern)[] ModelPrefixTable(IReadOnlyList<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        return ModelPrefixes(entities);
    }

    // What the index derives from its postings: the rarity of each word, and the typo vocabulary with its ids and empty memo.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static DerivedTables Derive(Dictionary<string, int[]> postings, int nameCount)
    {
        var rarity = new Dictionary<string, double>(postings.Count, StringComparer.Ordinal);
        foreach (var (key, ids) in postings)
        {
            rarity[key] = RarityOf(ids.Length, nameCount);
        }

        var (vocabulary, rank, lengthStart) = TypoVocabulary(postings.Keys);
        var (vocabularyIds, asLatin, asTransliterated) = SimilarMemo(vocabulary);
        return new DerivedTables(rarity, vocabulary, rank, lengthStart, vocabularyIds, asLatin, asTransliterated);
    }

    // The position of an indexed name among the entity's names, counted from 1; 0 for the primary name the index adds when the
    // entity's names do not include it.
    private static int NamePosition(Entity entity, EntityName name)
    {
        for (var i = 0; i < entity.Names.Count; i++)
        {
            if (ReferenceEquals(entity.Names[i], name))
            {
                return i + 1;
            }
        }

        return name.Kind == NameKind.Primary && string.Equals(name.Value, entity.PrimaryName, StringComparison.Ordinal)
            ? NoName
            : throw new InvalidOperationException($"The index holds a name of entity {entity.Id} that the entity does not have.");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static NameToken[] ReadTokens(SnapshotBinaryReader reader, string[] keys)
    {
        var tokens = new NameToken[reader.ReadCount(NameNormalizer.MaxNameLength, "the number of tokens")];
        for (var t = 0; t < tokens.Length; t++)
        {
            var text = keys[reader.ReadCount(keys.Length - 1, "a word id")];
            var tokenClass = reader.ReadByte();
            if (tokenClass > (byte)TokenClass.Title)
            {
                throw reader.Bad($"an unknown token class {tokenClass}");
            }

            tokens[t] = new NameToken(text, (TokenClass)tokenClass);
        }

        return tokens;
    }
}

/// <summary>An indexed name variant as stored: the entity position, the position of the name among the entity's names (from 1; 0 for
/// the primary name the index adds) and the normalised variant.</summary>
/// <param name="EntityIndex">The entity position.</param>
/// <param name="Position">The name position.</param>
/// <param name="Normalized">The normalised variant.</param>
internal readonly record struct StoredName(int EntityIndex, int Position, NormalizedName Normalized);

/// <summary>The tables of a stored candidate index, read before the entities are at hand.</summary>
/// <param name="EntityCount">The number of entities the index was built over.</param>
/// <param name="Names">The indexed name variants.</param>
/// <param name="Postings">The postings, in the order the index built them.</param>
/// <param name="Trigrams">The trigram table of the typo vocabulary.</param>
/// <param name="Sketches">The spelling sketch of each typo-vocabulary word, by id (the sound-alike part stored, the rest read from
/// the word).</param>
/// <param name="Identifiers">The identifier map.</param>
/// <param name="Sound">The Latin words and sound codes of the look-up by sound.</param>
/// <param name="Derived">The tables derived from the postings.</param>
internal sealed record StoredTables(
    int EntityCount,
    StoredName[] Names,
    Dictionary<string, int[]> Postings,
    Dictionary<ulong, int[]> Trigrams,
    SpellingSketch[] Sketches,
    Dictionary<string, int[]> Identifiers,
    SoundVocabulary Sound,
    DerivedTables Derived);

/// <summary>The tables a stored candidate index derives from its postings at load.</summary>
/// <param name="Rarity">The rarity of each posting key.</param>
/// <param name="Vocabulary">The typo vocabulary, ordered by length.</param>
/// <param name="VocabularyRank">The position of each typo-vocabulary word in posting order.</param>
/// <param name="VocabularyLengthStart">The first typo-vocabulary id of each length.</param>
/// <param name="VocabularyIds">The id of each typo-vocabulary word.</param>
/// <param name="SimilarAsLatin">The empty memo of the misspelling look-up of Latin-script query tokens.</param>
/// <param name="SimilarAsTransliterated">The empty memo of the misspelling look-up of transliterated query tokens.</param>
internal sealed record DerivedTables(
    Dictionary<string, double> Rarity,
    string[] Vocabulary,
    int[] VocabularyRank,
    int[] VocabularyLengthStart,
    Dictionary<string, int> VocabularyIds,
    string[]?[] SimilarAsLatin,
    string[]?[] SimilarAsTransliterated);
