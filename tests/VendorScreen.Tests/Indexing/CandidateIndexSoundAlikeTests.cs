using FluentAssertions;
using VendorScreen.Indexing;
using VendorScreen.Matching;
using VendorScreen.Normalization;
using VendorScreen.Sources;
using VendorScreen.Tests.Infrastructure;

namespace VendorScreen.Tests.Indexing;

/// <summary>
/// The look-up by sound walks a trie of the Latin words' code sequences and compares only the sequences it cannot rule out, yet
/// takes exactly the words and weights, in the same order, that the bucket scan it replaced takes: that scan
/// (<see cref="SoundBucketScan"/>, kept as the reference) reads every entry of the retrieval buckets a run's keys
/// name, compares each distinct code sequence once per run, and keeps the 16 closest entries per run.
/// </summary>
public sealed class CandidateIndexSoundAlikeTests
{
    // Person names in Han, Hangul and Cyrillic (also the other-script queries of the candidate look-up tests).
    internal static readonly string[] Queries =
    [
        "贝拉克·奥巴马", "버락 오바마", "Владимир Путин", "瑪莎·斯圖爾特", "김정은", "金正恩", "Сергей Лавров", "奥萨马·本·拉登",
        "알리 하메네이", "Олег Дерипаска", "穆罕默德·阿里", "무함마드 알리", "Евгений Пригожин", "哈桑·鲁哈尼", "하산 로하니",
    ];

    [Fact]
    public async Task SoundAlikeWords_EmbeddedData_EqualsTheBucketScan()
    {
        var snapshot = await new VendorScreen.Sources.VendorScreenJson.DefaultDatasetSource().LoadAsync();
        var queries = Queries.Concat(snapshot.Entities.SelectMany(e => e.Names.Select(n => n.Value).Append(e.PrimaryName)));

        AssertSameAsBucketScan(snapshot.Entities, queries).Should().BeGreaterThan(10);
    }

    [Fact]
    public async Task SoundAlikeWords_TwoIndexesOnOneThread_EachGivesItsOwnWords()
    {
        var snapshot = await new VendorScreen.Sources.VendorScreenJson.DefaultDatasetSource().LoadAsync();
        var large = new CandidateIndex(snapshot.Entities, NameScoringRules.Default);
        var small = new CandidateIndex([new Entity("t:1", EntityKind.Person, "Barack Obama"), new Entity("t:2", EntityKind.Person, "Vladimir Putin")], NameScoringRules.Default);
        var query = NameNormalizer.Normalize("贝拉克·奥巴马").First(v => v.IsTransliteration);

        var first = large.SoundAlikeWords(query);
        var fromSmall = small.SoundAlikeWords(query);
        var again = large.SoundAlikeWords(query);

        fromSmall.Select(w => w.Word).Should().BeSubsetOf(["barack", "obama"]).And.Contain("obama");
        again.Should().Equal(first);
    }

    [Fact]
    public void SoundAlikeWords_NoLatinWords_FindsNothing()
    {
        var index = new CandidateIndex([], NameScoringRules.Default);
        var query = NameNormalizer.Normalize("Владимир Путин").First(v => v.IsTransliteration);

        index.SoundAlikeWords(query).Should().BeEmpty();
    }

    [Fact]
    public void ReadFrom_SoundWordsOutOfOrder_FailsNamingTheSection()
    {
        Entity[] entities = [new Entity("t:1", EntityKind.Person, "Barack Obama")];
        var bytes = IndexBytes(new CandidateIndex(entities, NameScoringRules.Default));

        // The index ends with the two sound words, "barack" and "obama", each a word id and a code id of one byte: swap them.
        bytes[^5].Should().Be(2);
        (bytes[^4], bytes[^3], bytes[^2], bytes[^1]) = (bytes[^2], bytes[^1], bytes[^4], bytes[^3]);
        var read = () => CandidateIndex.ReadFrom(new SnapshotBinaryReader(bytes, "test"), entities, NameScoringRules.Default);

        read.Should().Throw<InvalidDataException>().WithMessage("candidate index, sound words: sound word 1 is out of order or repeated*");
    }

    [Fact]
    public async Task Similar_EmbeddedWords_GivesEverySequenceSimilarEnoughWithItsSimilarityInEveryScript()
    {
        var vocabulary = await EmbeddedSoundVocabularyAsync();
        var random = new Random(7);
        var found = new List<(int Code, double Sim)>();
        var similar = 0;
        foreach (var script in new[] { NameScript.Han, NameScript.Hangul, NameScript.Cyrillic, NameScript.Kana, NameScript.Arabic, NameScript.Hebrew })
        {
            // The words' own spellings, read as transliterations, with the last letter changed now and then.
            foreach (var word in vocabulary.Words.Where((_, i) => i % 10 == 0))
            {
                var token = random.Next(3) == 0 ? word[..^1] + (char)('a' + random.Next(26)) : word;
                var native = CrossScriptKey.Native(token, script);
                var keys = random.Next(2) == 0 ? ulong.MaxValue : 1UL << random.Next(36);
                found.Clear();
                vocabulary.Similar(native, script, keys, CandidateIndex.MinSoundSimilarity, found);
                var expected = Enumerable.Range(0, vocabulary.Codes.Length)
                    .Where(c => CrossScriptKey.RetrievalKeys(vocabulary.Codes[c], skipFirst: false).Any(k => (keys & (1UL << k)) != 0))
                    .Select(c => (Code: c, Sim: CrossScriptSimilarity.CodeSimilarity(vocabulary.Codes[c], native, script, CandidateIndex.MinSoundSimilarity)))
                    .Where(p => p.Sim >= CandidateIndex.MinSoundSimilarity)
                    .ToList();
                found.Should().Equal(expected, "the walk must find every sequence similar enough to {0} ({1}), with its similarity", token, script);
                similar += expected.Count;
            }
        }

        similar.Should().BeGreaterThan(30);
    }

    [Fact]
    public async Task SimilarToPrefixes_RunsFromOneSyllable_FindsForEachRunWhatItsOwnWalkFinds()
    {
        var vocabulary = await EmbeddedSoundVocabularyAsync();
        var random = new Random(20261202);
        var ofRuns = new List<(int Run, int Code, double Sim)>();
        var alone = new List<(int Code, double Sim)>();
        var compared = 0;
        var similar = 0;
        foreach (var script in new[] { NameScript.Han, NameScript.Hangul, NameScript.Cyrillic })
        {
            // Two to four of the words' own spellings joined, read as a transliteration, with a letter changed now and then: the
            // runs are its codes cut after some of its letters, each run with buckets of its own (all, one, or none).
            for (var sample = 0; sample < 150; sample++)
            {
                var token = string.Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => vocabulary.Words[random.Next(vocabulary.Words.Length)]));
                if (random.Next(3) == 0)
                {
                    token = token.Remove(random.Next(token.Length), 1).Insert(random.Next(token.Length - 1), ((char)('a' + random.Next(26))).ToString());
                }

                var codes = CrossScriptKey.Native(token, script);
                var ends = Enumerable.Range(1, codes.Length).Where(_ => random.Next(3) == 0).Take(SoundVocabulary.MaxPrefixRuns - 1).Append(codes.Length).Distinct().ToArray();
                var masks = ends.Select(_ => random.Next(4) switch { 0 => 0UL, 1 => 1UL << random.Next(36), _ => ulong.MaxValue }).ToArray();
                ofRuns.Clear();
                vocabulary.SimilarToPrefixes(codes, ends, masks, script, CandidateIndex.MinSoundSimilarity, ofRuns);
                for (var r = 0; r < ends.Length; r++)
                {
                    alone.Clear();
                    vocabulary.Similar(codes[..ends[r]], script, masks[r], CandidateIndex.MinSoundSimilarity, alone);
                    ofRuns.Where(f => f.Run == r).Select(f => (f.Code, f.Sim)).Should().Equal(alone, "run {0} of {1} ({2}) must find what its own walk finds", codes[..ends[r]], codes, script);
                    similar += alone.Count;
                    compared++;
                }
            }
        }

        compared.Should().BeGreaterThan(900);
        similar.Should().BeGreaterThan(100);
    }

    [Theory]
    [InlineData(new int[0], "between 1 and 8 runs*")]
    [InlineData(new[] { 2, 3 }, "between 1 and 8 runs*")]
    [InlineData(new[] { 4, 2, 6 }, "the runs' lengths are not in increasing order*")]
    public void SimilarToPrefixes_RunsNotPrefixesInOrder_Throws(int[] ends, string message)
    {
        var vocabulary = SoundVocabulary.Build(new CandidateIndex([new Entity("t:1", EntityKind.Person, "Barack Obama")], NameScoringRules.Default).Names, CandidateIndex.MinSoundWordLength);
        var walk = () => vocabulary.SimilarToPrefixes("obamas", ends, [.. ends.Select(_ => ulong.MaxValue)], NameScript.Han, CandidateIndex.MinSoundSimilarity, []);

        walk.Should().Throw<ArgumentException>().WithMessage(message);
    }

    [SharedDataFact]
    public async Task SoundAlikeWords_RealListsAndWikidataAndHarnessNames_EqualsTheBucketScan()
    {
        var entities = new List<Entity>((await new VendorScreen.Sources.VendorScreenJson.DefaultDatasetSource().LoadAsync()).Entities);
        foreach (var (format, path) in RealLists)
        {
            entities.AddRange((await SourceFormats.Open(format + ":" + SharedData.DataPath(path)).LoadAsync()).Entities);
        }

        var random = new Random(20261201);
        var queries = new List<string>();

        // Names of the lists themselves that are written in another script.
        queries.AddRange(entities.SelectMany(e => e.Names.Select(n => n.Value).Append(e.PrimaryName)).Where(n => n.Any(c => c > 0x400)).Distinct(StringComparer.Ordinal));

        // The Wikidata transliteration pairs: the native names as written there (a character or syllable at a time) and with the
        // characters joined, as the throughput harness screens them.
        foreach (var file in new[] { "wd_chinese_20.tsv", "wd_korean_20.tsv", "wd_russian_20.tsv" })
        {
            var native = File.ReadLines(SharedData.DataPath("eval/wikidata-name-transliteration/" + file))
                .Select(line => line.Split('\t'))
                .Where(parts => parts.Length >= 2 && parts[1].Length > 0)
                .Select(parts => parts[1])
                .ToArray();
            var sample = native.OrderBy(_ => random.Next()).Take(400).ToArray();
            queries.AddRange(sample);
            queries.AddRange(sample.Select(n => n.Replace(" ", string.Empty, StringComparison.Ordinal)));
            if (file == "wd_russian_20.tsv")
            {
                // The harness's Cyrillic queries: two of those names, capitalised, as a given name and a surname.
                var joined = native.Select(n => n.Replace(" ", string.Empty, StringComparison.Ordinal)).ToArray();
                queries.AddRange(Enumerable.Range(0, 400).Select(_ => Capitalise(joined[random.Next(joined.Length)]) + " " + Capitalise(joined[random.Next(joined.Length)])));
            }
        }

        AssertSameAsBucketScan(entities, queries).Should().BeGreaterThan(3_000);
    }

    private static readonly (string Format, string Path)[] RealLists =
    [
        ("ofac-csv", "ofac/2021-07_sdn_list"),
        ("un-xml", "un/2026-02-27_UN_consolidated.xml"),
        ("uk-conlist", "uk/2018-04-13_ofsi_ConList.csv"),
        ("eu-csv", "eu/2018-07-04_eu_fsf_csv_v1_extract.csv"),
        ("csl-csv", "csl/2025-06_consolidated_sample.csv"),
        ("csl-csv", "csl/2019-12_csl_sample_legacy_layout.csv"),
        ("bis-dpl", "csl/2022-09_bis_dpl.txt"),
    ];

    private static string Capitalise(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    // Compares the look-up with the bucket scan, words, weights and order, for every Han, Hangul and Cyrillic transliterated
    // variant of the queries, on an index built from the entities (each variant looked up twice, the second time from the memo of
    // the look-up by sound) and on the same index written and read back; the number compared.
    private static int AssertSameAsBucketScan(IReadOnlyList<Entity> entities, IEnumerable<string> queries)
    {
        var index = new CandidateIndex(entities, NameScoringRules.Default);
        var stored = RoundTrip(index, entities);
        var reference = new SoundBucketScan(index);
        var compared = 0;
        var differences = new List<string>();
        foreach (var query in queries)
        {
            foreach (var variant in NameNormalizer.Normalize(query).Where(v => v.IsTransliteration && v.SourceScript is NameScript.Han or NameScript.Hangul or NameScript.Cyrillic))
            {
                var expected = reference.SoundAlikeWords(variant);
                foreach (var (label, actual) in new[] { ("built", index.SoundAlikeWords(variant)), ("again", index.SoundAlikeWords(variant)), ("stored", stored.SoundAlikeWords(variant)) })
                {
                    if (!actual.SequenceEqual(expected))
                    {
                        differences.Add($"{query} ({variant.Key}, {label}): [{string.Join(", ", actual)}] instead of [{string.Join(", ", expected)}]");
                    }
                }

                compared++;
            }
        }

        differences.Should().BeEmpty("the look-up by sound must take what the bucket scan takes, in its order and with its weights");
        index.SoundRunMemoCount.Should().BeGreaterThan(0, "the look-ups again read the memo");
        return compared;
    }

    private static CandidateIndex RoundTrip(CandidateIndex index, IReadOnlyList<Entity> entities) =>
        CandidateIndex.ReadFrom(new SnapshotBinaryReader(IndexBytes(index), "test"), entities, NameScoringRules.Default);

    private static byte[] IndexBytes(CandidateIndex index)
    {
        using var stream = new MemoryStream();
        using (var writer = new SnapshotBinaryWriter(stream))
        {
            index.WriteTo(writer);
        }

        return stream.ToArray();
    }

    // The look-up by sound's words and codes of the embedded dataset's names.
    internal static async Task<SoundVocabulary> EmbeddedSoundVocabularyAsync()
    {
        var snapshot = await new VendorScreen.Sources.VendorScreenJson.DefaultDatasetSource().LoadAsync();
        return SoundVocabulary.Build(new CandidateIndex(snapshot.Entities, NameScoringRules.Default).Names, CandidateIndex.MinSoundWordLength);
    }
}
