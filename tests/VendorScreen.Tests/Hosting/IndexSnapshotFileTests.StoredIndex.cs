using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using FluentAssertions;
using VendorScreen.Indexing;
using VendorScreen.Matching;
using VendorScreen.Sources;
using VendorScreen.Tests.Infrastructure;

namespace VendorScreen.Tests.Hosting;

/// <summary>The candidate index stored in an index snapshot file (format version 9): read back, it screens exactly as an index
/// built from the lists.</summary>
public sealed class IndexSnapshotStoredIndexTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vendorscreen-vsidx-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task StoredIndex_EmbeddedData_GivesTheResultsOfABuiltIndexForEveryQuery()
    {
        await AssertLoadedEqualsBuiltAsync(() => new ScreeningEngineBuilder(), minQueries: 100);
    }

    [SharedDataFact]
    public async Task StoredIndex_OfacUnUkAndEmbeddedData_GivesTheResultsOfABuiltIndexForEveryQuery()
    {
        await AssertLoadedEqualsBuiltAsync(
            () => new ScreeningEngineBuilder()
                .AddSource(SourceFormats.Get("ofac-csv").Open(SharedData.DataPath("ofac/2021-07_sdn_list")))
                .AddSource(SourceFormats.Open(SharedData.DataPath("un/2026-02-27_UN_consolidated.xml")))
                .AddSource(SourceFormats.Open(SharedData.DataPath("uk/2018-04-13_ofsi_ConList.csv"))),
            minQueries: 300);
    }

    [Fact]
    public async Task StoredIndex_HangulNames_KeepsTheSecondRomanisationOfEachName()
    {
        var list = Path.Combine(_directory, "hangul.csv");
        await File.WriteAllTextAsync(list, "id,name,kind\n1,김정은,person\n2,이재명,person\n");
        using var built = new ScreeningEngineBuilder().AddSource(SourceFormats.Open(list)).Build();
        await built.RefreshAsync();
        var path = Path.Combine(_directory, "hangul.vsidx");
        IndexSnapshotFile.Write(path, built);
        using var loaded = new ScreeningEngineBuilder().AddIndexSnapshot(path).Build();
        await loaded.RefreshAsync();

        loaded.Datasets.Current!.State.Index.Names.Should().Contain(n => n.Normalized.IsSecondarySpelling, "a Hangul name has a North Korean spelling");
        foreach (var query in new[] { "김정은", "김종은", "김정운", "이재형", "Kim Jong Un" })
        {
            (await loaded.SearchAsync(query, top: 10, minScore: 0.3)).Should().BeEquivalentTo(await built.SearchAsync(query, top: 10, minScore: 0.3), o => o.WithStrictOrdering(), query);
        }

        var otherSyllable = await loaded.SearchAsync("김종은", top: 10, minScore: 0.3);
        otherSyllable.Hits.Should().Contain(h => h.EntityId == "hangul:1").Which.Score.Should().BeLessThan(0.8, "종 is another syllable than 정, although both are spelt jong in the North");
    }

    [Fact]
    public void WriteTo_ReadFrom_WritesTheSameBytesAgain()
    {
        var entities = DefaultEntities();
        var built = new CandidateIndex(entities, NameScoringRules.Default);
        var first = IndexBytes(built);

        var read = CandidateIndex.ReadFrom(new SnapshotBinaryReader(first, "test"), entities, NameScoringRules.Default);

        read.IsFromSnapshot.Should().BeTrue();
        read.Names.Should().HaveCount(built.Names.Length);
        read.Names.Select(n => (n.EntityIndex, n.Name, n.Normalized.Key, n.Normalized.SourceScript, n.Normalized.IsTransliteration, n.Normalized.IsSecondarySpelling))
            .Should().Equal(built.Names.Select(n => (n.EntityIndex, n.Name, n.Normalized.Key, n.Normalized.SourceScript, n.Normalized.IsTransliteration, n.Normalized.IsSecondarySpelling)));
        IndexBytes(read).Should().Equal(first, "every table the constructor computes is written, in its order");
    }

    [Fact]
    public void ModelPrefixTable_EmbeddedAndAddedPrefixes_EqualsTheTableTheIndexBuilds()
    {
        Entity[] added =
        [
            new Entity("t:1", EntityKind.Organization, "Camera Maker") { Identifiers = [new EntityIdentifier(IdentifierSchemes.ModelPrefix, "DS-2CD"), new EntityIdentifier(IdentifierSchemes.ModelPrefix, "IPC-")] },
            new Entity("t:2", EntityKind.Organization, "Other Maker") { Identifiers = [new EntityIdentifier(IdentifierSchemes.ModelPrefix, "DH-IPC"), new EntityIdentifier(IdentifierSchemes.ModelPrefix, "X")] },
        ];
        var entities = DefaultEntities().Concat(added).ToArray();

        var table = CandidateIndex.ModelPrefixTable(entities);

        table.Should().HaveCountGreaterThan(2);
        table.Select(p => (p.EntityIndex, p.Identifier, p.Pattern.Folded))
            .Should().Equal(CandidateIndex.BuiltModelPrefixTable(entities).Select(p => (p.EntityIndex, p.Identifier, p.Pattern.Folded)));
    }

    [Fact]
    public void ReadFrom_OtherEntities_FailsNamingTheProblem()
    {
        var entities = DefaultEntities();
        var bytes = IndexBytes(new CandidateIndex(entities, NameScoringRules.Default));

        var read = () => CandidateIndex.ReadFrom(new SnapshotBinaryReader(bytes, "test"), entities.Take(entities.Count - 1).ToArray(), NameScoringRules.Default);

        read.Should().Throw<InvalidDataException>().WithMessage($"*built over {entities.Count} entities*");
    }

    [Theory]
    [InlineData(2, "candidate index, postings: the posting lists hold * ids, not the * stated*")]
    [InlineData(3, "candidate index, trigrams: the trigram lists hold * ids, not the * stated*")]
    public void ReadFrom_NumberOfIdsDamaged_FailsNamingThePart(int part, string message)
    {
        var entities = DefaultEntities();
        var bytes = IndexBytes(new CandidateIndex(entities, NameScoringRules.Default));

        // The header: the numbers of entities, names and vocabulary words, then the length of each part (words,
        // names, postings, trigrams, ...). The postings start with their number of ids; the trigrams with their number of
        // trigrams, then their number of ids. One bit less or more in its first byte changes it by one.
        var at = Layout(bytes).Starts[part];
        if (part == 3)
        {
            var trigrams = new SnapshotBinaryReader(bytes.AsMemory(at), "test");
            _ = trigrams.ReadCount();
            at = bytes.Length - trigrams.Remaining;
        }

        bytes[at] ^= 1;

        var read = () => CandidateIndex.ReadFrom(new SnapshotBinaryReader(bytes, "test"), entities, NameScoringRules.Default);

        read.Should().Throw<InvalidDataException>().WithMessage(message);
    }

    [Fact]
    public void ReadFrom_TypoVocabulary_IsTheBuiltIndexsInItsOrder()
    {
        // The words are stored with the typo vocabulary first, in its order: the read index numbers them as the built one does.
        var entities = DefaultEntities();
        var built = new CandidateIndex(entities, NameScoringRules.Default);

        var read = CandidateIndex.ReadFrom(new SnapshotBinaryReader(IndexBytes(built), "test"), entities, NameScoringRules.Default);

        read.TypoVocabularyWords.Should().Equal(built.TypoVocabularyWords);
    }

    [Fact]
    public void ReadFrom_VocabularyWordsOutOfOrder_FailsNamingTheWord()
    {
        var entities = DefaultEntities();
        var bytes = WithWords(IndexBytes(new CandidateIndex(entities, NameScoringRules.Default)), words => (words[0], words[1]) = (words[1], words[0]));

        var read = () => CandidateIndex.ReadFrom(new SnapshotBinaryReader(bytes, "test"), entities, NameScoringRules.Default);

        read.Should().Throw<InvalidDataException>().WithMessage("candidate index, words: typo-vocabulary word 2 * is out of the vocabulary's order*");
    }

    [Fact]
    public void ReadFrom_WordGivenTwice_FailsNamingThePostingList()
    {
        var entities = DefaultEntities();
        var bytes = WithWords(IndexBytes(new CandidateIndex(entities, NameScoringRules.Default)), words => words[^1] = (words[0].Number, words[^1].Word));

        var read = () => CandidateIndex.ReadFrom(new SnapshotBinaryReader(bytes, "test"), entities, NameScoringRules.Default);

        read.Should().Throw<InvalidDataException>().WithMessage("candidate index, words: the word of posting list * is given twice*");
    }

    [Fact]
    public void ReadFrom_ShortWordInTheVocabulary_FailsNamingTheWord()
    {
        // The vocabulary's last word swapped with the first shorter word stored after it: a vocabulary without a word of its own.
        var entities = DefaultEntities();
        var bytes = WithWords(IndexBytes(new CandidateIndex(entities, NameScoringRules.Default)), words =>
        {
            var shortAt = words.FindIndex(w => w.Word.Length < 4);
            (words[shortAt - 1], words[shortAt]) = (words[shortAt], words[shortAt - 1]);
        });

        var read = () => CandidateIndex.ReadFrom(new SnapshotBinaryReader(bytes, "test"), entities, NameScoringRules.Default);

        read.Should().Throw<InvalidDataException>().WithMessage("candidate index, words: typo-vocabulary word * is out of the vocabulary's order*");
    }

    [Fact]
    public void Read_IndexSectionDamagedWithAValidChecksum_FailsNamingTheFileAndSection()
    {
        var path = WriteDefault();
        var bytes = File.ReadAllBytes(path);
        var payloadStart = PayloadStart(bytes);
        var sourcesLength = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(payloadStart));

        // Cut the index section in half and seal the payload again: the checksum holds, the index does not.
        var indexStart = payloadStart + 8 + (int)sourcesLength;
        var cut = bytes[..(indexStart + ((bytes.Length - indexStart) / 2))];
        Reseal(cut, payloadStart);
        File.WriteAllBytes(path, cut);

        var read = () => IndexSnapshotFile.Read(path);

        read.Should().Throw<SanctionListSourceException>().Which.Message.Should().Contain(path).And.Contain("candidate index").And.Contain("ends early");
    }

    [Fact]
    public void Read_SectionLengthDamaged_FailsAsCorruptNamingTheFile()
    {
        // The checksum is checked while the sections are read: a damaged length is reported as the corruption it is.
        var path = WriteDefault();
        var bytes = File.ReadAllBytes(path);
        bytes[PayloadStart(bytes) + 3] ^= 0x7F;
        File.WriteAllBytes(path, bytes);

        var read = () => IndexSnapshotFile.Read(path);

        read.Should().Throw<SanctionListSourceException>().Which.Message.Should().Contain(path).And.Contain("corrupt").And.Contain("SHA-256");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(11)]
    public void Read_OlderFormatVersion_FailsSayingToBuildTheFileAgain(int version)
    {
        // Format version 1 stored no index; version 2 numbered the typo vocabulary otherwise; versions 3 and 4 have no spelling
        // sketches or no sound words; version 5 does not mark second romanisations; version 6 stores the sources as JSON; version
        // 7 does not state the number of ids of the posting and trigram lists; version 8 keeps the typo vocabulary in posting
        // order within a length (its spelling sketches are stored by that order); version 9 does not store the misspelling
        // look-ups of the names' words; version 10 does not store the product scope of names; version 11 keeps names in traditional Chinese characters as written.
        var path = WriteDefault();
        var bytes = File.ReadAllBytes(path);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(6), version);
        File.WriteAllBytes(path, bytes);

        var read = () => IndexSnapshotFile.Read(path);

        read.Should().Throw<SanctionListSourceException>().Which.Message.Should()
            .Contain(path).And.Contain($"format version {version}").And.Contain("older format").And.Contain("build the snapshot again");
    }

    [Fact]
    public void ReadFrom_StoredSpellingSketches_FindTheSimilarWordsOfTheBuiltIndex()
    {
        // The read index takes the sound-alike part of its spelling sketches from the file: with a wrong one, its misspelling
        // look-up would leave out words the built index finds.
        var entities = DefaultEntities();
        var built = new CandidateIndex(entities, NameScoringRules.Default);
        var read = CandidateIndex.ReadFrom(new SnapshotBinaryReader(IndexBytes(built), "test"), entities, NameScoringRules.Default);
        var random = new Random(4);
        var words = built.Names.SelectMany(n => CandidateIndex.PostingKeys(n.Normalized.Tokens)).Where(k => k.Length >= 4)
            .Distinct(StringComparer.Ordinal).ToArray();
        var found = 0;

        foreach (var word in words)
        {
            var at = random.Next(word.Length);
            foreach (var token in new[] { word, word.Remove(at, 1).Insert(at, ((char)('a' + random.Next(26))).ToString()) })
            {
                foreach (var shortWordLookup in new[] { true, false })
                {
                    var expected = built.SimilarWords(token, shortWordLookup);
                    read.SimilarWords(token, shortWordLookup).Should().Equal(expected, token);
                    found += expected.Length;
                }
            }
        }

        found.Should().BeGreaterThan(words.Length);
    }

    [Fact]
    public void ReadFrom_StoredMisspellingLookUps_AreTheBuiltIndexsWithoutWorkingThemOut()
    {
        // The look-ups the built index worked out for the words of its names are stored: the read index holds the same ones, and
        // only those, before any query.
        var entities = DefaultEntities();
        var built = new CandidateIndex(entities, NameScoringRules.Default);
        var keptWhenBuilt = built.SimilarMemoCount;

        var read = CandidateIndex.ReadFrom(new SnapshotBinaryReader(IndexBytes(built), "test"), entities, NameScoringRules.Default);

        keptWhenBuilt.Should().BeGreaterThan(200);
        read.SimilarMemoCount.Should().Be(keptWhenBuilt);
        var words = built.Names.SelectMany(n => n.Normalized.Tokens).Select(t => t.Text).Where(w => w.Length >= 4).Distinct(StringComparer.Ordinal);
        foreach (var word in words)
        {
            read.SimilarWords(word, shortWordLookup: true).Should().Equal(built.SimilarWords(word, shortWordLookup: true), word);
        }

        read.SimilarMemoCount.Should().Be(keptWhenBuilt, "every look-up compared was read from the file");
    }

    [Fact]
    public void ReadFrom_StoredLookUpNamingAWordPastTheVocabulary_FailsNamingThePart()
    {
        var entities = DefaultEntities();
        var built = new CandidateIndex(entities, NameScoringRules.Default);
        var vocabulary = built.TypoVocabularyWords.Count;

        // One stored look-up, of word 0, whose one word is one past the last.
        var bytes = WithPart(IndexBytes(built), "candidate index, misspellings", part =>
        {
            part.WriteIncreasing([0]);
            part.WriteCount(1);
            part.WriteCount(vocabulary);
        });
        var read = () => CandidateIndex.ReadFrom(new SnapshotBinaryReader(bytes, "test"), entities, NameScoringRules.Default);

        read.Should().Throw<InvalidDataException>()
            .WithMessage($"candidate index, misspellings: a word of a stored look-up {vocabulary} is out of range (at most {vocabulary - 1})*");
    }

    [Fact]
    public void ReadFrom_StoredLookUpsWithBytesLeftOver_FailsNamingThePart()
    {
        var entities = DefaultEntities();
        var bytes = WithPart(IndexBytes(new CandidateIndex(entities, NameScoringRules.Default)), "candidate index, misspellings", part =>
        {
            part.WriteIncreasing([]);
            part.WriteCount(7);
        });
        var read = () => CandidateIndex.ReadFrom(new SnapshotBinaryReader(bytes, "test"), entities, NameScoringRules.Default);

        read.Should().Throw<InvalidDataException>().WithMessage("candidate index, misspellings: unexpected bytes after the stored look-ups*");
    }

    [Fact]
    public void Read_OtherLibraryVersion_KeepsTheSourcesAndLeavesTheIndexToBeBuilt()
    {
        var path = WriteDefault();
        var bytes = File.ReadAllBytes(path);
        var libraryLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(10));
        bytes[12 + libraryLength - 1] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        var stored = IndexSnapshotFile.Read(path);

        stored.Sources.Should().ContainSingle().Which.Snapshot.Entities.Should().NotBeEmpty();
        stored.Index.Should().BeNull("an index written by another version of the library may normalise names differently");
    }

    [Fact]
    public async Task Refresh_SnapshotOfOtherLibraryVersion_WarnsOnceThatItsIndexIsBuiltAgain()
    {
        var path = WriteDefault();
        var bytes = File.ReadAllBytes(path);
        var libraryLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(10));
        bytes[12 + libraryLength - 1] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        var warnings = new WarningLog();
        using var engine = new ScreeningEngineBuilder { LoggerFactory = warnings }.AddIndexSnapshot(path).Build();

        await engine.RefreshAsync();
        await engine.RefreshAsync();

        engine.Datasets.Current!.State.Index.IsFromSnapshot.Should().BeFalse();
        warnings.Messages.Should().ContainSingle(m => m.Contains("was written by VendorScreen") && m.Contains("built again"))
            .Which.Should().Contain(path).And.Contain(IndexSnapshotFile.LibraryVersion);
        warnings.EventIds.Should().Contain(VendorScreen.Hosting.ScreeningDatasetLoader.SnapshotOfOtherVersionEventId);
    }

    [Fact]
    public async Task Refresh_SnapshotOfThisLibraryVersion_DoesNotWarn()
    {
        var warnings = new WarningLog();
        using var engine = new ScreeningEngineBuilder { LoggerFactory = warnings }.AddIndexSnapshot(WriteDefault()).Build();

        await engine.RefreshAsync();

        engine.Datasets.Current!.State.Index.IsFromSnapshot.Should().BeTrue();
        warnings.EventIds.Should().NotContain(VendorScreen.Hosting.ScreeningDatasetLoader.SnapshotOfOtherVersionEventId);
    }

    // The warnings and errors logged, with their event ids.
    private sealed class WarningLog : Microsoft.Extensions.Logging.ILoggerFactory, Microsoft.Extensions.Logging.ILogger
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Messages { get; } = new();

        public System.Collections.Concurrent.ConcurrentQueue<int> EventIds { get; } = new();

        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(Microsoft.Extensions.Logging.ILoggerProvider provider) => throw new NotSupportedException();

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => logLevel >= Microsoft.Extensions.Logging.LogLevel.Warning;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Messages.Enqueue(formatter(state, exception));
                EventIds.Enqueue(eventId.Id);
            }
        }
    }

    [Fact]
    public async Task AddIndexSnapshot_WithAnotherSource_BuildsTheIndexOverEverySource()
    {
        var path = WriteDefault();
        var extra = new ListSnapshot("extra", "1")
        {
            Entities = [new Entity("extra:1", EntityKind.Organization, "Zyxwvut Holdings") { Listings = [new Listing("us-ofac-sdn")] }],
        };
        using var engine = new ScreeningEngineBuilder().AddIndexSnapshot(path).AddSource(new InMemorySanctionListSource(extra)).Build();

        var result = await engine.ScreenAsync(new PartyScreeningRequest("Zyxwvut Holdings"));

        engine.Datasets.Current!.State.Index.IsFromSnapshot.Should().BeFalse("the stored index does not cover the added source");
        result.Hits.Should().Contain(h => h.EntityId == "extra:1");
    }

    [Fact]
    public async Task Refresh_SameStoredSources_KeepsTheStoredIndex()
    {
        var path = WriteDefault();
        using var engine = new ScreeningEngineBuilder().AddIndexSnapshot(path).Build();
        await engine.RefreshAsync();
        var first = engine.Datasets.Current!.State.Index;

        await engine.RefreshAsync();

        engine.Datasets.Current!.State.Index.Should().BeSameAs(first);
        first.IsFromSnapshot.Should().BeTrue();
    }

    private static IReadOnlyList<Entity> DefaultEntities() =>
        new VendorScreen.Sources.VendorScreenJson.DefaultDatasetSource().LoadAsync().AsTask().GetAwaiter().GetResult().Entities;

    private static byte[] IndexBytes(CandidateIndex index)
    {
        using var buffer = new MemoryStream();
        using (var writer = new SnapshotBinaryWriter(buffer))
        {
            index.WriteTo(writer);
        }

        return buffer.ToArray();
    }

    // The bytes of a stored index with its words part (each word with its posting-list number, in the order stored) changed.
    private static byte[] WithWords(byte[] index, Action<List<(int Number, string Word)>> change)
    {
        var (_, starts, lengths) = Layout(index);
        var part = new SnapshotBinaryReader(index.AsMemory(starts[0], lengths[0]), "test");
        var words = Enumerable.Range(0, part.ReadCount()).Select(_ => (part.ReadCount(), part.ReadString())).ToList();
        change(words);

        return WithPart(index, "candidate index, words", writer =>
        {
            writer.WriteCount(words.Count);
            foreach (var (number, word) in words)
            {
                writer.WriteCount(number);
                writer.WriteString(word);
            }
        });
    }

    // The bytes of a stored index with one part (by its section name) written anew.
    private static byte[] WithPart(byte[] index, string section, Action<SnapshotBinaryWriter> write)
    {
        var number = CandidateIndex.PartSectionNames.ToList().IndexOf(section);
        number.Should().BeGreaterThanOrEqualTo(0, section);
        var (counts, starts, lengths) = Layout(index);
        using var partBuffer = new MemoryStream();
        using (var writer = new SnapshotBinaryWriter(partBuffer))
        {
            write(writer);
        }

        var newPart = partBuffer.ToArray();
        using var buffer = new MemoryStream();
        using (var writer = new SnapshotBinaryWriter(buffer))
        {
            writer.WriteCount(counts.Entities);
            writer.WriteCount(counts.Names);
            writer.WriteCount(counts.Words);
            for (var p = 0; p < lengths.Length; p++)
            {
                writer.WriteCount(p == number ? newPart.Length : lengths[p]);
            }

            for (var p = 0; p < lengths.Length; p++)
            {
                writer.WriteBytes(p == number ? newPart : index.AsSpan(starts[p], lengths[p]));
            }
        }

        return buffer.ToArray();
    }

    // The header of a stored index (the numbers of entities, names and typo-vocabulary words), and where each part starts and
    // how long it is.
    private static ((int Entities, int Names, int Words) Counts, int[] Starts, int[] Lengths) Layout(byte[] index)
    {
        var header = new SnapshotBinaryReader(index, "test");
        var counts = (header.ReadCount(), header.ReadCount(), header.ReadCount());
        var lengths = Enumerable.Range(0, CandidateIndex.PartCount).Select(_ => header.ReadCount()).ToArray();
        var starts = new int[lengths.Length];
        starts[0] = index.Length - header.Remaining;
        for (var p = 1; p < lengths.Length; p++)
        {
            starts[p] = starts[p - 1] + lengths[p - 1];
        }

        return (counts, starts, lengths);
    }

    private static int PayloadStart(byte[] bytes) => 12 + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(10)) + 8 + 32;

    private static void Reseal(byte[] bytes, int payloadStart)
    {
        var payload = bytes.AsSpan(payloadStart);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(payloadStart - 40), payload.Length);
        SHA256.HashData(payload).CopyTo(bytes.AsSpan(payloadStart - 32));
    }

    // A mixed query set drawn from the indexed names: names as listed, with one letter dropped, with the words reversed, and every
    // name written in another script.
    private static List<string> Queries(IReadOnlyList<Entity> entities, int count)
    {
        var random = new Random(20211);
        var queries = new List<string>();
        var step = Math.Max(1, entities.Count / Math.Max(1, count / 3));
        for (var e = 0; e < entities.Count && queries.Count < count; e += step)
        {
            var names = entities[e].Names;
            var name = names.Count > 0 ? names[random.Next(names.Count)].Value : entities[e].PrimaryName;
            queries.Add(name);
            var drop = name.Length > 5 ? random.Next(1, name.Length - 1) : 0;
            if (drop > 0 && !char.IsSurrogate(name[drop]))
            {
                queries.Add(name.Remove(drop, 1));
            }

            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 1)
            {
                queries.Add(string.Join(' ', words.Reverse()));
            }
        }

        queries.AddRange(entities.SelectMany(e => e.Names).Select(n => n.Value).Where(v => v.Any(c => c > '\u024F')).Distinct().Take(count / 5));
        return queries;
    }

    private string WriteDefault()
    {
        var path = Path.Combine(_directory, "default.vsidx");
        using var engine = new ScreeningEngineBuilder().Build();
        engine.RefreshAsync().AsTask().GetAwaiter().GetResult();
        IndexSnapshotFile.Write(path, engine);
        return path;
    }

    private async Task AssertLoadedEqualsBuiltAsync(Func<ScreeningEngineBuilder> fromLists, int minQueries)
    {
        using var built = fromLists().Build();
        await built.RefreshAsync();
        var path = Path.Combine(_directory, "lists.vsidx");
        IndexSnapshotFile.Write(path, built);
        using var loaded = new ScreeningEngineBuilder().AddIndexSnapshot(path).Build();
        await loaded.RefreshAsync();
        loaded.Datasets.Current!.State.Index.IsFromSnapshot.Should().BeTrue();

        var queries = Queries(built.Dataset!.Entities, minQueries);
        queries.Should().HaveCountGreaterThanOrEqualTo(minQueries);
        var hits = 0;
        foreach (var query in queries)
        {
            var expected = await built.ScreenAsync(new PartyScreeningRequest(query));
            var actual = await loaded.ScreenAsync(new PartyScreeningRequest(query));
            hits += expected.Hits.Count;
            Json(actual with { ScreenedAt = default }).Should().Be(Json(expected with { ScreenedAt = default }), query);
            (await loaded.SearchAsync(query, top: 10, minScore: 0.3)).Should().BeEquivalentTo(await built.SearchAsync(query, top: 10, minScore: 0.3), o => o.WithStrictOrdering(), query);
        }

        hits.Should().BeGreaterThan(queries.Count / 4, "the queries come from listed names, so the comparison covers real hits");
    }

    private static string Json(ScreeningResult result) => JsonSerializer.Serialize(result, VendorScreenJsonContext.Default.ScreeningResult);
}

/// <summary>The binary entity encoding of index snapshot files keeps every member of the model.</summary>
public sealed class SnapshotEntityCodecTests
{
    [Fact]
    public void Members_ListEveryPublicPropertyOfTheEntityModel()
    {
        foreach (var (type, members) in SnapshotEntityCodec.Members)
        {
            var properties = type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Select(p => p.Name);

            properties.Should().BeEquivalentTo(members, $"every member of {type.Name} must be written to index snapshot files (SnapshotEntityCodec)");
        }
    }

    [Fact]
    public void WriteRead_EveryMemberSet_ReadsTheSameEntities()
    {
        var full = new Entity("src:1", EntityKind.Person, "Ivan Petrov")
        {
            Names =
            [
                new EntityName("Ivan Petrov", NameKind.Primary) { Script = "Latn", Language = "en", Confidence = FactConfidence.Reported, SourceUrl = "https://example.org/1" },
                new EntityName("Иван Петров", NameKind.Alias) { Script = "Cyrl" },
            ],
            Countries = ["RU", "BY"],
            Identifiers =
            [
                new EntityIdentifier(IdentifierSchemes.ModelPrefix, "DS-2#")
                {
                    Confidence = FactConfidence.Uncertain, SourceUrl = "https://example.org/2", Notes = "shared", Weak = true,
                    Scope = ["cameras"], ValidFrom = FactDate.Parse("2019"), ValidTo = FactDate.Parse("2021-06"),
                },
            ],
            Listings =
            [
                new Listing("us-ofac-sdn")
                {
                    Program = "RUSSIA-EO14024", Authority = "OFAC", NameAsListed = "PETROV, Ivan", ListedOn = FactDate.Parse("2022-02-24"),
                    RemovedOn = FactDate.Parse("2024"), Scope = "all", Citation = "87 FR 1", SourceUrl = "https://example.org/3", Confidence = FactConfidence.Official,
                },
            ],
            SourceName = "src",
            Remarks = "remark",
        };
        var bare = new Entity("src:2", EntityKind.Organization, "Bare Co");
        using var buffer = new MemoryStream();
        using (var writer = new SnapshotBinaryWriter(buffer))
        {
            SnapshotEntityCodec.Write(writer, [new ListSnapshot("src", "1") { Entities = [full, bare, full with { Remarks = null }] }, new ListSnapshot("empty", "1")]);
        }

        var read = SnapshotEntityCodec.Read(new SnapshotBinaryReader(buffer.ToArray(), "test"), 2);

        read.Should().HaveCount(2);
        read[0].Should().BeEquivalentTo(new[] { full, bare, full with { Remarks = null } }, o => o.WithStrictOrdering());
        read[1].Should().BeEmpty();

        // The empty lists of an entity read back share the one empty array: a load makes no object for them.
        var readBare = read[0][1];
        readBare.Countries.Should().BeEmpty().And.BeSameAs(Array.Empty<string>());
        readBare.Identifiers.Should().BeEmpty().And.BeSameAs(Array.Empty<EntityIdentifier>());
        readBare.Listings.Should().BeSameAs(Array.Empty<Listing>());
    }

    [Fact]
    public void WriteReadSources_EveryMemberSet_ReadsTheSameSnapshots()
    {
        var full = new ListSnapshot("src", "2026-01")
        {
            Relations =
            [
                new Relation("src:1", "src:2", RelationKind.OwnedBy)
                {
                    ValidFrom = FactDate.Parse("2019-03"), ValidTo = FactDate.Parse("2021-06-30"), Confidence = FactConfidence.Reported,
                    SharePercent = 50.250m, SourceUrl = "https://example.org/r", Notes = "half", Scope = ["cameras", "recorders"],
                },
                new Relation("src:2", "src:3", RelationKind.BrandOf),
            ],
            Lists =
            [
                new ListDefinition("us-ofac-sdn", "SDN List", ListCategory.Sanctions)
                {
                    Authority = "OFAC", LegalBasis = "IEEPA", ExtendsToAffiliates = true, SourceUrl = "https://example.org/l", Notes = "n",
                },
                new ListDefinition("other", "Other", ListCategory.Other),
            ],
            FetchedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(-5)),
            Sha256 = "ab12",
            Location = "/lists/src.csv",
            RejectedRecords = [new RejectedRecord("line 4", "no name")],
            Warning = "served from cache",
        };
        var bare = new ListSnapshot("bare", "1");
        using var buffer = new MemoryStream();
        using (var writer = new SnapshotBinaryWriter(buffer))
        {
            SnapshotEntityCodec.WriteSources(writer, [new StoredSource("first", full), new StoredSource("second", bare)]);
        }

        var read = SnapshotEntityCodec.ReadSources(new SnapshotBinaryReader(buffer.ToArray(), "test"));

        read.Select(s => s.Name).Should().Equal("first", "second");
        read[0].Snapshot.Should().BeEquivalentTo(full, o => o.WithStrictOrdering());
        read[0].Snapshot.FetchedAt.Offset.Should().Be(TimeSpan.FromHours(-5));
        read[0].Snapshot.Relations[0].SharePercent.Should().Be(50.250m).And.Subject!.Value.Scale.Should().Be(3);
        read[1].Snapshot.Should().BeEquivalentTo(bare);
    }

    [Fact]
    public void ReadSources_NoName_FailsNamingTheSource()
    {
        using var buffer = new MemoryStream();
        using (var writer = new SnapshotBinaryWriter(buffer))
        {
            SnapshotEntityCodec.WriteSources(writer, [new StoredSource(" ", new ListSnapshot("src", "1"))]);
        }

        var read = () => SnapshotEntityCodec.ReadSources(new SnapshotBinaryReader(buffer.ToArray(), "test"));

        read.Should().Throw<InvalidDataException>().WithMessage("sources: source 1 has no name*");
    }

    [Fact]
    public void Read_ListCountBeyondTheLimit_FailsNamingTheList()
    {
        using var buffer = new MemoryStream();
        using (var writer = new SnapshotBinaryWriter(buffer))
        {
            writer.WriteCount(1); // one entity
            writer.WriteCount(1); // a new string: the id
            writer.WriteString("src:1");
            writer.WriteCount((int)EntityKind.Person);
            writer.WriteCount(1); // a new string: the primary name
            writer.WriteString("Ivan Petrov");
            writer.WriteCount(2_000_000); // the number of names
        }

        var read = () => SnapshotEntityCodec.Read(new SnapshotBinaryReader(buffer.ToArray(), "test"), 1);

        read.Should().Throw<InvalidDataException>().WithMessage("*the number of names 2000000 is out of range (at most 1048576)*");
    }
}

/// <summary>The id lists of the binary sections: gaps in 7-bit groups, every id checked against its limit.</summary>
public sealed class SnapshotBinaryTests
{
    [Fact]
    public void ReadIncreasing_WrittenIds_ReadBackExactly()
    {
        int[] ids = [0, 1, 2, 130, 20_000, 1_000_000, int.MaxValue - 1];

        var read = new SnapshotBinaryReader(Bytes(ids), "test").ReadIncreasing(int.MaxValue);

        read.Should().Equal(ids);
    }

    [Fact]
    public void ReadIncreasing_IdNotBelowTheLimit_FailsNamingTheSection()
    {
        var read = () => new SnapshotBinaryReader(Bytes([3, 9]), "postings").ReadIncreasing(9);

        read.Should().Throw<InvalidDataException>().WithMessage("postings: an id 9 out of range (below 9)*");
    }

    [Fact]
    public void ReadIncreasing_CutShort_FailsNamingTheSection()
    {
        var bytes = Bytes([3, 500, 70_000]);

        var read = () => new SnapshotBinaryReader(bytes.AsMemory(0, bytes.Length - 1), "trigrams").ReadIncreasing(100_000);

        read.Should().Throw<InvalidDataException>().WithMessage("trigrams: the data ends early*");
    }

    [Fact]
    public void ReadIncreasing_IntoABuffer_ReadsEachListFromItsStartAndGrowsItWhenShort()
    {
        byte[] bytes = [.. Bytes([1, 2, 3]), .. Bytes([]), .. Bytes([5, 600, 70_000, 80_000, 90_000])];
        var reader = new SnapshotBinaryReader(bytes, "test");
        var buffer = new int[4];

        reader.ReadIncreasing(100_000, ref buffer).Should().Be(3);
        buffer[..3].Should().Equal(1, 2, 3);
        reader.ReadIncreasing(100_000, ref buffer).Should().Be(0);
        var first = buffer;
        reader.ReadIncreasing(100_000, ref buffer).Should().Be(5);

        buffer.Should().NotBeSameAs(first, "five ids do not fit in four");
        buffer[..5].Should().Equal(5, 600, 70_000, 80_000, 90_000);
        reader.AtEnd.Should().BeTrue();
    }

    [Fact]
    public void WriteIncreasing_IdsNotIncreasing_Throws()
    {
        using var buffer = new MemoryStream();
        using var writer = new SnapshotBinaryWriter(buffer);

        var write = () => writer.WriteIncreasing([4, 4]);

        write.Should().Throw<InvalidOperationException>().WithMessage("*do not increase*");
    }

    private static byte[] Bytes(int[] ids)
    {
        using var buffer = new MemoryStream();
        using (var writer = new SnapshotBinaryWriter(buffer))
        {
            writer.WriteIncreasing(ids);
        }

        return buffer.ToArray();
    }
}
