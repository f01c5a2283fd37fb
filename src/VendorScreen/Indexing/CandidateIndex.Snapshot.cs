using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using VendorScreen.Normalization;

namespace VendorScreen.Indexing;

/// <summary>The binary form of a built index, for index snapshot files: what the constructor computes from the entities (the
/// normalised name variants, the postings in their order, the trigram table of the typo vocabulary (by the ids of the vocabulary
/// ordered by length), the sound-alike part of each vocabulary word's spelling sketch, the identifier map, the look-up by sound
/// with its trie, and the misspelling look-ups worked out for the words of the names), so that loading neither normalises a name nor builds a table again, apart from the dictionaries and the small
/// tables derived from the postings, which are made as the parts are read.</summary>
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
        _withoutAnd = PostingsWithoutInnerAnds(names, _postings);
        _rarityByFrequency = tables.Derived.RarityByFrequency;
        (_vocabulary, _vocabularyPostings, _vocabularyLengthStart) = (tables.Derived.Vocabulary, tables.Derived.VocabularyPostings, tables.Derived.VocabularyLengthStart);
        (_vocabularyIds, _misspellings) = (tables.Derived.VocabularyIds, tables.Derived.Misspellings);
        _vocabularySketches = tables.Sketches;
        _trigramToVocabulary = tables.Trigrams;
        _trigramSlots = TrigramSlots(_trigramToVocabulary);
        _identifiers = tables.Identifiers;
        _sound = tables.Sound;
        _modelPrefixes = modelPrefixes;
        _nameFacts = MakeFacts(names);
        _nameWords = NameWordsTable(names);
        _precomputedMisspellings = tables.Derived.PrecomputedMisspellings;
        IsFromSnapshot = true;
    }

    /// <summary>Gets whether the index was read from an index snapshot rather than built from the entities.</summary>
    public bool IsFromSnapshot { get; }

    /// <summary>Writes the index. Entities are referred to by position and their names by position in <see cref="Entity.Names"/>,
    /// so the reader needs the same entities in the same order.</summary>
    /// <param name="writer">The writer.</param>
    /// <exception cref="InvalidOperationException">The index refers to a name or word it does not hold (a bug).</exception>
    /// <remarks>Layout: the number of entities, of names and of typo-vocabulary words, the length of each part, then the parts
    /// (<see cref="IndexPart"/>), each readable on its own once the words are read, so that a reader reads them side by side.</remarks>
    public void WriteTo(SnapshotBinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);

        // Every token of an indexed name, and every sound word, is a posting key: the keys are the string table.
        var keyIds = new Dictionary<string, int>(_postings.Count, StringComparer.Ordinal);
        foreach (var key in _postings.Keys)
        {
            keyIds.Add(key, keyIds.Count);
        }

        int KeyId(string text) => keyIds.TryGetValue(text, out var id)
            ? id
            : throw new InvalidOperationException($"The index holds the word \"{text}\" but has no posting for it.");

        var parts = new byte[PartCount][];
        // The words in the order a reader keeps them in memory: the typo vocabulary first, in its order (TypoVocabulary), then the
        // shorter words in posting order; each with its posting-list number.
        parts[(int)IndexPart.Words] = Part(part =>
        {
            part.WriteCount(_postings.Count);
            var inVocabulary = new bool[_postings.Count];
            for (var id = 0; id < _vocabulary.Length; id++)
            {
                inVocabulary[_vocabularyPostings[id]] = true;
                part.WriteCount(_vocabularyPostings[id]);
                part.WriteString(_vocabulary[id]);
            }

            var number = 0;
            foreach (var key in _postings.Keys)
            {
                if (!inVocabulary[number])
                {
                    part.WriteCount(number);
                    part.WriteString(key);
                }

                number++;
            }
        });
        parts[(int)IndexPart.Names] = Part(part =>
        {
            void WriteTokens(List<NameToken> tokens)
            {
                part.WriteCount(tokens.Count);
                foreach (var token in tokens)
                {
                    part.WriteCount(KeyId(token.Text));
                    part.WriteByte((byte)token.Class);
                }
            }

            foreach (var name in Names)
            {
                var entity = Entities[name.EntityIndex];
                part.WriteCount(name.EntityIndex);
                part.WriteCount(NamePosition(entity, name.Name));
                var normalized = name.Normalized;
                part.WriteByte(normalized.IsSecondarySpelling ? (byte)2 : normalized.IsTransliteration ? (byte)1 : (byte)0);
                part.WriteByte((byte)normalized.SourceScript);
                WriteTokens(normalized.Tokens);
                if (normalized.PrimarySpelling is { } primary)
                {
                    WriteTokens(primary.Tokens);
                }

                part.WriteCount(normalized.SyllableContinuations.Length);
                foreach (var bits in normalized.SyllableContinuations)
                {
                    part.WriteUInt64(bits);
                }
            }
        });
        parts[(int)IndexPart.Postings] = Part(part =>
        {
            part.WriteCount(_postings.TotalIds);
            for (var list = 0; list < _postings.Count; list++)
            {
                part.WriteIncreasing(_postings[list]);
            }
        });
        parts[(int)IndexPart.Trigrams] = Part(part =>
        {
            part.WriteCount(_trigramToVocabulary.Count);
            part.WriteCount(_trigramToVocabulary.TotalIds);
            var list = 0;
            foreach (var gram in _trigramToVocabulary.Keys)
            {
                part.WriteUInt64(gram);
                part.WriteIncreasing(_trigramToVocabulary[list++]);
            }
        });
        parts[(int)IndexPart.Sketches] = Part(WriteSketches);
        parts[(int)IndexPart.Identifiers] = Part(part =>
        {
            part.WriteCount(_identifiers.Count);
            foreach (var (key, ids) in _identifiers)
            {
                part.WriteString(key);
                part.WriteIncreasing(ids);
            }
        });
        parts[(int)IndexPart.Sound] = Part(part => _sound.WriteTo(part, KeyId));
        parts[(int)IndexPart.Misspellings] = Part(WriteMisspellings);

        writer.WriteCount(Entities.Count);
        writer.WriteCount(Names.Length);
        writer.WriteCount(_vocabulary.Length);
        foreach (var part in parts)
        {
            writer.WriteCount(part.Length);
        }

        foreach (var part in parts)
        {
            writer.WriteBytes(part);
        }
    }

    // The bytes one part of the index writes.
    private static byte[] Part(Action<SnapshotBinaryWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var part = new SnapshotBinaryWriter(buffer))
        {
            write(part);
        }

        return buffer.ToArray();
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
    /// can be read at the same time). The parts of the index are read side by side once its words are read, and each table the
    /// index derives from its postings (the rarity of each list length, the typo vocabulary, its ids and spelling sketches) is
    /// made as soon as what it needs is read.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The tables, to <see cref="Link"/> with the entities.</returns>
    /// <exception cref="InvalidDataException">The data is cut short or malformed.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static StoredTables ReadTables(SnapshotBinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Section = "candidate index";
        var entityCount = reader.ReadCount();
        var nameCount = reader.ReadCount(reader.Remaining / 5, "the number of names");
        var vocabularyCount = reader.ReadCount(reader.Remaining / 9, "the number of typo-vocabulary words");
        var lengths = new int[PartCount];
        for (var p = 0; p < lengths.Length; p++)
        {
            // A part longer than the bytes left is reported as data that ends early, when it is taken below.
            lengths[p] = reader.ReadCount();
        }

        var parts = new SnapshotBinaryReader[PartCount];
        for (var p = 0; p < parts.Length; p++)
        {
            parts[p] = reader.Slice(lengths[p], PartSections[p]);
        }

        if (!reader.AtEnd)
        {
            throw reader.Bad("unexpected bytes after the index");
        }

        // A name takes five bytes at least, and a spelling sketch nine.
        parts[(int)IndexPart.Names].AtLeastBytesLeft(5 * nameCount);
        parts[(int)IndexPart.Sketches].AtLeastBytesLeft(9 * vocabularyCount);

        string[] keys = [];
        StoredName[] names = [];
        PooledLists<string>? postings = null;
        double[] rarity = [];
        (string[] Words, int[] Postings, int[] LengthStart) vocabulary = ([], [], []);
        (WordIdTable Ids, MisspellingMemo Memo) memo = (new WordIdTable([]), new MisspellingMemo(0, MaxFuzzyExpansions));
        int[] precomputed = [];
        SpellingSketch[] sketches = [];
        PooledLists<ulong>? trigrams = null;
        Dictionary<string, int[]> identifiers = [];
        SoundVocabulary? sound = null;
        RunSideBySide(
            () =>
            {
                trigrams = ReadTrigrams(parts[(int)IndexPart.Trigrams], vocabularyCount);
                identifiers = ReadIdentifiers(parts[(int)IndexPart.Identifiers], entityCount);
            },
            () =>
            {
                (keys, vocabulary) = ReadWords(parts[(int)IndexPart.Words], vocabularyCount);
                RunSideBySide(
                    () => sound = SoundVocabulary.Read(parts[(int)IndexPart.Sound], keys),
                    () =>
                    {
                        var sounds = ReadSketches(parts[(int)IndexPart.Sketches], vocabularyCount);
                        if (!parts[(int)IndexPart.Sketches].AtEnd)
                        {
                            throw parts[(int)IndexPart.Sketches].Bad("unexpected bytes after the spelling sketches");
                        }

                        sketches = StoredSketches(vocabulary.Words, sounds);
                        memo = SimilarMemo(vocabulary.Words);
                        precomputed = ReadMisspellings(parts[(int)IndexPart.Misspellings], vocabularyCount, memo.Memo);
                    },
                    () => names = ReadNames(parts[(int)IndexPart.Names], keys, entityCount, nameCount),
                    () =>
                    {
                        postings = ReadPostings(parts[(int)IndexPart.Postings], keys, nameCount);
                        rarity = RarityByFrequency(postings, nameCount);
                    });
            });

        var derived = new DerivedTables(rarity, vocabulary.Words, vocabulary.Postings, vocabulary.LengthStart, memo.Ids, memo.Memo, precomputed);
        return new StoredTables(entityCount, names, postings!, trigrams!, sketches, identifiers, sound!, derived);
    }

    /// <summary>Runs actions side by side and throws the exception of the first that failed (in the order given) as it was thrown.
    /// The calling thread runs the last action, the others are queued (and taken by the calling thread too when no other thread
    /// has started them): give the longest last, so that no thread waits while work is left.</summary>
    /// <param name="actions">The actions, in the order their failures are reported.</param>
    internal static void RunSideBySide(params Action[] actions)
    {
        var failures = new ExceptionDispatchInfo?[actions.Length];
        var guarded = new Action[actions.Length];
        for (var i = 0; i < actions.Length; i++)
        {
            var (action, at) = (actions[i], i);
            guarded[i] = () =>
            {
                try
                {
                    action();
                }
#pragma warning disable CA1031 // Every failure is kept and the first rethrown below, as it was thrown.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    failures[at] = ExceptionDispatchInfo.Capture(ex);
                }
            };
        }

        Array.Reverse(guarded);
        Parallel.Invoke(guarded);
        foreach (var failure in failures)
        {
            failure?.Throw();
        }
    }

    // The parts of a stored index, in their order in the file.
    private enum IndexPart
    {
        Words,
        Names,
        Postings,
        Trigrams,
        Sketches,
        Identifiers,
        Misspellings,
        Sound,
    }

    /// <summary>The number of parts of a stored index.</summary>
    internal const int PartCount = 8;

    /// <summary>Gets the section name of each part of a stored index, in the order of the parts (as errors name them).</summary>
    internal static IReadOnlyList<string> PartSectionNames => PartSections;

    private static readonly string[] PartSections =
    [
        "candidate index, words",
        "candidate index, names",
        "candidate index, postings",
        "candidate index, trigrams",
        "candidate index, spelling sketches",
        "candidate index, identifiers",
        "candidate index, misspellings",
        "candidate index, sound look-up",
    ];

    // Reads the words as WriteTo writes them: the posting keys by posting-list number, and the typo vocabulary, which comes first
    // and in its order, so that its words lie in memory in that order (TypoVocabulary) without being copied. The vocabulary read
    // must be the one TypoVocabulary makes of the keys: the words of four letters or more, each once, by length and then
    // ordinally, and no shorter word among them.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (string[] Keys, (string[] Words, int[] Postings, int[] LengthStart) Vocabulary) ReadWords(SnapshotBinaryReader reader, int vocabularyCount)
    {
        var keys = new string[reader.ReadCount(reader.Remaining, "the number of words")];
        if (vocabularyCount > keys.Length)
        {
            throw reader.Bad($"a typo vocabulary of {vocabularyCount} words among {keys.Length} words");
        }

        var words = new string[vocabularyCount];
        var postings = new int[vocabularyCount];
        for (var i = 0; i < keys.Length; i++)
        {
            var number = reader.ReadCount(keys.Length - 1, "a word's posting-list number");
            if (keys[number] is not null)
            {
                throw reader.Bad($"the word of posting list {number} is given twice");
            }

            var word = keys[number] = reader.ReadString();
            if (i < vocabularyCount)
            {
                if (!IsTypoWord(word) || (i > 0 && !VocabularyOrder(words[i - 1], word)))
                {
                    throw reader.Bad($"typo-vocabulary word {i + 1} \"{word}\" is out of the vocabulary's order");
                }

                words[i] = word;
                postings[i] = number;
            }
            else if (IsTypoWord(word))
            {
                throw reader.Bad($"the word \"{word}\" of four letters or more is not in the typo vocabulary");
            }
        }

        return reader.AtEnd ? (keys, (words, postings, LengthStarts(words))) : throw reader.Bad("unexpected bytes after the words");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static StoredName[] ReadNames(SnapshotBinaryReader reader, string[] keys, int entityCount, int nameCount)
    {
        var names = new StoredName[nameCount];
        var noContinuation = new ulong[1];
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
            if (primaryTokens is not null && primaryTokens.Count != tokens.Count)
            {
                throw reader.Bad($"a second romanisation of {tokens.Count} tokens whose first has {primaryTokens.Count}");
            }

            // Most names have one word of continuation bits, all clear: that array is shared (the normaliser shares a name's array
            // between its romanisations too; it is never written after).
            var continuationCount = reader.ReadCount((tokens.Count + 63) / 64, "the length of the syllable continuations");
            ulong[] continuations = [];
            if (continuationCount > 0)
            {
                var first = reader.ReadUInt64();
                if (continuationCount == 1 && first == 0)
                {
                    continuations = noContinuation;
                }
                else
                {
                    continuations = new ulong[continuationCount];
                    continuations[0] = first;
                    for (var c = 1; c < continuations.Length; c++)
                    {
                        continuations[c] = reader.ReadUInt64();
                    }
                }
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

        return reader.AtEnd ? names : throw reader.Bad("unexpected bytes after the names");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static PooledLists<string> ReadPostings(SnapshotBinaryReader reader, string[] keys, int nameCount)
    {
        // Every id takes a byte at least.
        var total = reader.ReadCount(reader.Remaining, "the number of ids of the postings");
        var postings = new PooledLists<string>.Builder(keys.Length, total, StringComparer.Ordinal);
        var buffer = new int[64];
        var read = 0L;
        foreach (var key in keys)
        {
            var count = reader.ReadIncreasing(nameCount, ref buffer);
            read += count;
            if (!postings.TryAdd(key, buffer.AsSpan(0, count)))
            {
                throw reader.Bad($"the word \"{key}\" is listed twice");
            }
        }

        return !reader.AtEnd ? throw reader.Bad("unexpected bytes after the postings")
            : read != total ? throw reader.Bad($"the posting lists hold {read} ids, not the {total} stated")
            : postings.Build();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static PooledLists<ulong> ReadTrigrams(SnapshotBinaryReader reader, int vocabularyCount)
    {
        var trigramCount = reader.ReadCount(reader.Remaining / 9, "the number of trigrams");
        var total = reader.ReadCount(reader.Remaining, "the number of ids of the trigram lists");
        var trigrams = new PooledLists<ulong>.Builder(trigramCount, total, null);
        var buffer = new int[64];
        var read = 0L;
        for (var i = 0; i < trigramCount; i++)
        {
            var gram = reader.ReadUInt64();
            var count = reader.ReadIncreasing(vocabularyCount, ref buffer);
            read += count;
            if (!trigrams.TryAdd(gram, buffer.AsSpan(0, count)))
            {
                throw reader.Bad("a trigram is listed twice");
            }
        }

        return !reader.AtEnd ? throw reader.Bad("unexpected bytes after the trigrams")
            : read != total ? throw reader.Bad($"the trigram lists hold {read} ids, not the {total} stated")
            : trigrams.Build();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Dictionary<string, int[]> ReadIdentifiers(SnapshotBinaryReader reader, int entityCount)
    {
        var identifierCount = reader.ReadCount(reader.Remaining / 2, "the number of identifiers");
        var identifiers = new Dictionary<string, int[]>(identifierCount, StringComparer.Ordinal);
        for (var i = 0; i < identifierCount; i++)
        {
            var key = reader.ReadString();
            if (!identifiers.TryAdd(key, reader.ReadIncreasing(entityCount)))
            {
                throw reader.Bad("an identifier is listed twice");
            }
        }

        return reader.AtEnd ? identifiers : throw reader.Bad("unexpected bytes after the identifiers");
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
    /// <remarks>The same table as the index builds (<see cref="ModelPrefixes"/>), made with plain loops: a load runs this once, and
    /// the query operators over tuples it would otherwise compile cost more than the scan.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (int EntityIndex, EntityIdentifier Identifier, ModelPrefixPattern Pattern)[] ModelPrefixTable(IReadOnlyList<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var found = new List<(int EntityIndex, EntityIdentifier Identifier, ModelPrefixPattern Pattern)>();
        for (var e = 0; e < entities.Count; e++)
        {
            var identifiers = entities[e].Identifiers;
            for (var i = 0; i < identifiers.Count; i++)
            {
                var identifier = identifiers[i];
                if (string.Equals(identifier.Scheme, IdentifierSchemes.ModelPrefix, StringComparison.Ordinal))
                {
                    var pattern = ModelPrefixPattern.Compile(identifier.Value);
                    if (pattern.Folded.Length >= 2)
                    {
                        found.Add((e, identifier, pattern));
                    }
                }
            }
        }

        // Longest first; prefixes of one length in the order found (the order of a stable sort).
        var table = new (int EntityIndex, EntityIdentifier Identifier, ModelPrefixPattern Pattern)[found.Count];
        var at = 0;
        var longest = 0;
        foreach (var entry in found)
        {
            longest = Math.Max(longest, entry.Pattern.Folded.Length);
        }

        for (var length = longest; length >= 2 && at < table.Length; length--)
        {
            foreach (var entry in found)
            {
                if (entry.Pattern.Folded.Length == length)
                {
                    table[at++] = entry;
                }
            }
        }

        return table;
    }

    /// <summary>Gets the model-prefix table as the index builds it, for the test that <see cref="ModelPrefixTable"/> makes the
    /// same.</summary>
    /// <param name="entities">The entities.</param>
    /// <returns>The table.</returns>
    internal static (int EntityIndex, EntityIdentifier Identifier, ModelPrefixPattern Pattern)[] BuiltModelPrefixTable(IReadOnlyList<Entity> entities) =>
        ModelPrefixes(entities);

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
    private static List<NameToken> ReadTokens(SnapshotBinaryReader reader, string[] keys)
    {
        var tokens = TokenLists.OfCount(reader.ReadCount(NameNormalizer.MaxNameLength, "the number of tokens"), out var items);
        for (var t = 0; t < items.Length; t++)
        {
            var text = keys[reader.ReadCount(keys.Length - 1, "a word id")];
            var tokenClass = reader.ReadByte();
            if (tokenClass > (byte)TokenClass.Title)
            {
                throw reader.Bad($"an unknown token class {tokenClass}");
            }

            items[t] = new NameToken(text, (TokenClass)tokenClass);
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
    PooledLists<string> Postings,
    PooledLists<ulong> Trigrams,
    SpellingSketch[] Sketches,
    Dictionary<string, int[]> Identifiers,
    SoundVocabulary Sound,
    DerivedTables Derived);

/// <summary>The tables a stored candidate index derives from its postings at load.</summary>
/// <param name="RarityByFrequency">The rarity of a posting key by the length of its posting list.</param>
/// <param name="Vocabulary">The typo vocabulary, ordered by length.</param>
/// <param name="VocabularyPostings">The posting-list number of each typo-vocabulary word.</param>
/// <param name="VocabularyLengthStart">The first typo-vocabulary id of each length.</param>
/// <param name="VocabularyIds">The id of each typo-vocabulary word.</param>
/// <param name="Misspellings">The memo of the misspelling look-up, holding the stored look-ups.</param>
/// <param name="PrecomputedMisspellings">The typo-vocabulary ids, in increasing order, of the words whose look-up is stored.</param>
internal sealed record DerivedTables(
    double[] RarityByFrequency,
    string[] Vocabulary,
    int[] VocabularyPostings,
    int[] VocabularyLengthStart,
    WordIdTable VocabularyIds,
    MisspellingMemo Misspellings,
    int[] PrecomputedMisspellings);
