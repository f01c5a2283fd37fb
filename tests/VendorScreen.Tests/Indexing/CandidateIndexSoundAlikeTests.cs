using FluentAssertions;
using VendorScreen.Indexing;
using VendorScreen.Matching;
using VendorScreen.Normalization;
using VendorScreen.Tests.Infrastructure;

namespace VendorScreen.Tests.Indexing;

/// <summary>
/// The look-up by sound compares each distinct code sequence once per run of query syllables, yet takes exactly the words and
/// weights a comparison of every bucket entry takes. The reference below groups the Latin words of Latin names by their
/// retrieval keys, compares every entry of the buckets a run's keys name, and keeps the 16 closest per run.
/// </summary>
public sealed class CandidateIndexSoundAlikeTests
{
    private static readonly string[] Queries =
    [
        "贝拉克·奥巴马", "버락 오바마", "Владимир Путин", "瑪莎·斯圖爾特", "김정은", "金正恩", "Сергей Лавров", "奥萨马·本·拉登",
        "알리 하메네이", "Олег Дерипаска", "穆罕默德·阿里", "무함마드 알리", "Евгений Пригожин", "哈桑·鲁哈尼", "하산 로하니",
    ];

    [Fact]
    public async Task SoundAlikeWords_EmbeddedData_EqualsAComparisonOfEveryBucketEntry()
    {
        var snapshot = await new VendorScreen.Sources.VendorScreenJson.DefaultDatasetSource().LoadAsync();

        AssertSameAsFullComparison(snapshot.Entities, Queries).Should().BeGreaterThan(10);
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

    [SharedDataFact]
    public async Task SoundAlikeWords_RealListsAndWikidataNames_EqualsAComparisonOfEveryBucketEntry()
    {
        var entities = new List<Entity>((await new VendorScreen.Sources.VendorScreenJson.DefaultDatasetSource().LoadAsync()).Entities);
        entities.AddRange((await VendorScreen.Sources.SourceFormats.Get("ofac-csv").Open(SharedData.DataPath("ofac/2021-07_sdn_list")).LoadAsync()).Entities);
        var random = new Random(20261201);
        var queries = new[] { "wd_chinese_20.tsv", "wd_korean_20.tsv", "wd_russian_20.tsv" }
            .SelectMany(file => File.ReadLines(SharedData.DataPath("eval/wikidata-name-transliteration/" + file))
                .Select(line => line.Split('\t'))
                .Where(parts => parts.Length >= 2 && parts[1].Length > 0)
                .Select(parts => parts[1])
                .OrderBy(_ => random.Next())
                .Take(60))
            .ToArray();

        AssertSameAsFullComparison(entities, queries).Should().BeGreaterThan(100);
    }

    // Compares the look-up with the reference for every transliterated variant of the queries; the number compared.
    private static int AssertSameAsFullComparison(IReadOnlyList<Entity> entities, IEnumerable<string> queries)
    {
        var index = new CandidateIndex(entities, NameScoringRules.Default);
        var buckets = Buckets(index);
        var compared = 0;
        foreach (var query in queries)
        {
            foreach (var variant in NameNormalizer.Normalize(query).Where(v => v.IsTransliteration && v.SourceScript is NameScript.Han or NameScript.Hangul or NameScript.Cyrillic))
            {
                var expected = Reference(index, buckets, variant).OrderBy(w => w.Word, StringComparer.Ordinal).ToList();
                var actual = index.SoundAlikeWords(variant).OrderBy(w => w.Word, StringComparer.Ordinal).ToList();
                actual.Should().Equal(expected, "the sound look-up for {0} ({1}) must take what comparing every entry takes", query, variant.Key);
                compared++;
            }
        }

        return compared;
    }

    private static Dictionary<int, List<(string Word, string Codes)>> Buckets(CandidateIndex index)
    {
        var buckets = new Dictionary<int, List<(string Word, string Codes)>>();
        var words = index.Names.Where(n => !n.Normalized.IsTransliteration)
            .SelectMany(n => n.Normalized.Tokens)
            .Where(t => t.Class == TokenClass.Word && t.Text.Length >= CandidateIndex.MinSoundWordLength && t.Text.All(char.IsAsciiLetter))
            .Select(t => t.Text)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var word in words)
        {
            var codes = CrossScriptKey.Latin(word);
            foreach (var key in CrossScriptKey.RetrievalKeys(codes, skipFirst: false))
            {
                if (!buckets.TryGetValue(key, out var list))
                {
                    buckets[key] = list = [];
                }

                list.Add((word, codes));
            }
        }

        return buckets;
    }

    private static IEnumerable<(string Word, double Weight)> Reference(CandidateIndex index, Dictionary<int, List<(string Word, string Codes)>> buckets, NormalizedName query)
    {
        var script = query.SourceScript;
        var tokens = query.Tokens;
        var syllabic = script is NameScript.Han or NameScript.Hangul;
        var found = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var j = 0; j < tokens.Count; j++)
        {
            var run = string.Empty;
            for (var k = 1; k <= (syllabic ? 6 : 1) && j + k <= tokens.Count && tokens[j + k - 1].Class == TokenClass.Word && (k == 1 || query.ContinuesWord(j + k - 1)); k++)
            {
                run += tokens[j + k - 1].Text;
                if (syllabic && k < 2)
                {
                    continue;
                }

                var codesForScoring = CrossScriptKey.Native(run, script);
                var matches = new List<(string Word, double Sim)>();
                foreach (var key in CrossScriptKey.RetrievalKeys(codesForScoring.Replace('R', 'r'), skipFirst: true))
                {
                    foreach (var (word, codes) in buckets.GetValueOrDefault(key) ?? [])
                    {
                        var sim = CrossScriptSimilarity.CodeSimilarity(codes, codesForScoring, script, CandidateIndex.MinSoundSimilarity);
                        if (sim >= CandidateIndex.MinSoundSimilarity)
                        {
                            matches.Add((word, sim));
                        }
                    }
                }

                foreach (var (word, sim) in matches.OrderByDescending(m => m.Sim).Take(CandidateIndex.MaxSoundExpansions))
                {
                    var weight = sim * index.Rarity(word) * 0.8;
                    if (!found.TryGetValue(word, out var prior) || prior < weight)
                    {
                        found[word] = weight;
                    }
                }
            }
        }

        return found.Select(p => (p.Key, p.Value));
    }
}
