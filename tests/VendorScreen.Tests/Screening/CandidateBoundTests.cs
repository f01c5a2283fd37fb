using FluentAssertions;
using VendorScreen.Matching;
using VendorScreen.Normalization;
using VendorScreen.Screening;
using VendorScreen.Sources;
using VendorScreen.Tests.Infrastructure;

namespace VendorScreen.Tests.Screening;

/// <summary>
/// Screening skips the full comparison of a candidate when <see cref="NameScorer.MayReach"/> shows that its score stays below
/// the review threshold and that its words cannot all be in the query. The bound must never skip a candidate the full comparison
/// keeps: on the embedded dataset and on the real OFAC list, every candidate the bound rules out scores below the threshold and
/// is not contained, under every token-alignment rule set, for names in Latin letters and names in other scripts, and screening
/// gives the same results with and without the bound.
/// </summary>
public sealed class CandidateBoundTests
{
    private const double ReviewThreshold = 0.8;

    [Fact]
    public async Task MayReach_EmbeddedDataset_RulesOutOnlyCandidatesBelowTheThresholdAndNotContained()
    {
        using var engine = new ScreeningEngineBuilder().Build();
        await engine.RefreshAsync();

        var pruned = BoundFailures(engine, [.. Queries(engine, 400, seed: 7), .. WrittenNatively], out var failures);

        failures.Should().BeEmpty();
        pruned.Should().BeGreaterThan(1000, "the bound rules out most candidates of names that are not listed");
    }

    [Fact]
    public async Task ScreenAsync_EmbeddedDataset_GivesTheSameResultsWithAndWithoutTheBound()
    {
        using var engine = new ScreeningEngineBuilder().Build();
        await engine.RefreshAsync();
        List<ScreeningRequest> queries = [.. Queries(engine, 300, seed: 11), .. WrittenNatively];

        var bounded = await ScreenAllAsync(engine, queries, compareEveryCandidate: false);
        var full = await ScreenAllAsync(engine, queries, compareEveryCandidate: true);

        bounded.Should().Equal(full);
        full.Should().Contain(r => r.Contains("\"decision\":\"Block\"", StringComparison.Ordinal))
            .And.Contain(r => r.Contains("\"decision\":\"Review\"", StringComparison.Ordinal))
            .And.Contain(r => r.Contains("\"decision\":\"Clear\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("US Steel Corporation", "United States Steel Corporation")]
    [InlineData("United States Steel Corporation", "US Steel Corporation")]
    [InlineData("UK Atomic Energy Authority", "United Kingdom Atomic Energy Authority")]
    [InlineData("United Kingdom Atomic Energy Authority", "UK Atomic Energy Authority")]
    public void MayReach_CountryAbbreviationOnEitherSide_DoesNotRuleOutTheNameItSpells(string query, string candidate) =>
        ReachedAfterOtherCandidates(query, candidate, ["Atomic Steel Authority", "Energy Corporation of America"])
            .Should().BeGreaterThan(0, "some rule set reads the abbreviation as the country's name");

    [Theory]
    [InlineData("IBM", "International Business Machines")]
    [InlineData("International Business Machines", "IBM")]
    [InlineData("KNP Trading", "Kuwait National Petroleum Trading")]
    [InlineData("Kuwait National Petroleum Trading", "KNP Trading")]
    public void MayReach_AcronymOnEitherSide_DoesNotRuleOutTheNameItAbbreviates(string query, string candidate) =>
        ReachedAfterOtherCandidates(query, candidate, ["Business Trading Machines", "National Petroleum Corporation"])
            .Should().BeGreaterThan(0, "some rule set reads the acronym as the words it abbreviates");

    [Theory]
    [InlineData("Ahmed Elkurd", "EL-KURD, Ahmed")]
    [InlineData("EL-KURD, Ahmed", "Ahmed Elkurd")]
    [InlineData("Beit Elmal Holdings", "BEIT EL-MAL HOLDINGS")]
    [InlineData("BEIT EL-MAL HOLDINGS", "Beit Elmal Holdings")]
    public void MayReach_ArticleJoinedOnEitherSide_DoesNotRuleOutTheNameWithTheArticleApart(string query, string candidate) =>
        ReachedAfterOtherCandidates(query, candidate, ["Kurdistan Holdings", "Ahmed Malik"])
            .Should().BeGreaterThan(0, "the word with the article joined is read as the article and the word");

    [Theory]
    [InlineData("Persia Oilgas Industry Development Co.", "PERSIA OIL & GAS INDUSTRY DEVELOPMENT CO.")]
    [InlineData("PERSIA OIL & GAS INDUSTRY DEVELOPMENT CO.", "Persia Oilgas Industry Development Co.")]
    [InlineData("Shen Yang Jing Cheng Machinery Impexp Co., Limited", "SHEN YANG JING CHENG MACHINERY IMP&EXP. CO., LIMITED")]
    [InlineData("AGCARLON TRADING", "A & G CARLON TRADING")]
    public void MayReach_RunWrittenWithoutItsAmpersand_DoesNotRuleOutTheNameWithIt(string query, string candidate) =>
        ReachedAfterOtherCandidates(query, candidate, ["Persia Industry Development Co.", "Shen Yang Machinery Co.", "Carlon Trading"])
            .Should().BeGreaterThan(0, "the run with an \"and\" inside it is also read without it");

    // Under each rule set, bounds a candidate after other candidates of the query (with none of the words the pair turns on), as
    // screening bounds them, so that what the bound keeps of the query and of the candidates' words is read again; asserts that
    // the bound does not rule the candidate out wherever its score reaches the threshold, and returns under how many rule sets
    // it does.
    private static int ReachedAfterOtherCandidates(string query, string candidate, string[] others)
    {
        var q = NameNormalizer.Normalize(query)[0];
        var c = NameNormalizer.Normalize(candidate)[0];
        var reached = 0;
        foreach (var rules in NameScoringRules.All)
        {
            NameScorer.ForgetBoundMemos();
            foreach (var other in others)
            {
                NameScorer.MayReach(q, NameNormalizer.Normalize(other)[0], null, rules, ReviewThreshold);
            }

            var score = NameScorer.Score(q, c, null, rules).Score;
            if (score >= ReviewThreshold)
            {
                reached++;
                NameScorer.MayReach(q, c, null, rules, ReviewThreshold).Should().BeTrue($"{rules.Name} scores \"{query}\" / \"{candidate}\" {score}");
            }
        }

        NameScorer.ForgetBoundMemos();
        return reached;
    }

    // A search with a minimum score skips the candidates the bound shows cannot reach it: the hits, their scores and their
    // explanations are those of a search that compares every candidate.
    [Theory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.8)]
    public async Task SearchAsync_EmbeddedDataset_GivesTheSameHitsWithAndWithoutTheBound(double minScore)
    {
        using var engine = new ScreeningEngineBuilder().Build();
        await engine.RefreshAsync();
        List<ScreeningRequest> queries = [.. Queries(engine, 200, seed: 13), .. WrittenNatively];

        var bounded = await SearchAllAsync(engine, queries, minScore, compareEveryCandidate: false);
        var full = await SearchAllAsync(engine, queries, minScore, compareEveryCandidate: true);

        bounded.Should().Equal(full);
        full.Count(r => r.Length > 0).Should().BeGreaterThan(100, "most queries have hits above {0}", minScore);
    }

    [SharedDataFact]
    public async Task SearchAsync_OfacSdn2021_GivesTheSameHitsWithAndWithoutTheBound()
    {
        using var engine = OfacEngine();
        await engine.RefreshAsync();
        List<ScreeningRequest> queries = [.. Queries(engine, 300, seed: 2033), .. NativeQueries(90, seed: 2033)];

        foreach (var minScore in new[] { 0.5, 0.8 })
        {
            var bounded = await SearchAllAsync(engine, queries, minScore, compareEveryCandidate: false);
            var full = await SearchAllAsync(engine, queries, minScore, compareEveryCandidate: true);

            bounded.Should().Equal(full, "at a minimum score of {0}", minScore);
            full.Count(r => r.Length > 0).Should().BeGreaterThan(150, "most queries have hits above {0}", minScore);
        }
    }

    [SharedDataFact]
    public async Task MayReach_OfacSdn2021_RulesOutOnlyCandidatesBelowTheThresholdAndNotContained()
    {
        using var engine = OfacEngine();
        await engine.RefreshAsync();

        var pruned = BoundFailures(engine, [.. Queries(engine, 600, seed: 2021), .. NativeQueries(300, seed: 2021)], out var failures);

        failures.Should().BeEmpty();
        pruned.Should().BeGreaterThan(10_000);
    }

    // A name in Han or Hangul is looked up by sound and has many candidates (57 and 109 on average in the throughput mix): the
    // bound reads the pairs by sound of each Latin word of a candidate with the runs of its syllables, and rules out most of them.
    [SharedDataFact]
    public async Task MayReach_OfacSdn2021_HanAndHangulNames_RulesOutCandidatesOnlyBelowTheThresholdAndNotContained()
    {
        using var engine = OfacEngine();
        await engine.RefreshAsync();
        List<ScreeningRequest> syllabic = [.. NativeQueries(240, seed: 2031).Where((_, i) => i % 3 != 2)];
        syllabic.Should().OnlyContain(r => ((PartyScreeningRequest)r).Name.Any(c => c >= '\u1100' && c <= '\uD7AF' || c >= '\u4E00' && c <= '\u9FFF'));

        var pruned = BoundFailures(engine, syllabic, out var failures);

        failures.Should().BeEmpty();
        pruned.Should().BeGreaterThan(20_000, "the bound rules out most candidates of a Han or Hangul name");
    }

    [SharedDataFact]
    public async Task MayReach_OfacSdn2021_AnswersTheSameWithTheFactsOfTheCandidateTokensAsWithout()
    {
        using var engine = OfacEngine();
        await engine.RefreshAsync();
        var index = engine.Datasets.Current!.State.Index;
        List<ScreeningRequest> queries = [.. Queries(engine, 300, seed: 2023), .. NativeQueries(150, seed: 2023)];
        var differences = new List<string>();
        int compared = 0, ruledOut = 0, rewritten = 0;
        foreach (var rules in NameScoringRules.All)
        {
            foreach (var text in queries.SelectMany(Texts))
            {
                foreach (var variant in Screener.Windows(NameNormalizer.Normalize(text)))
                {
                    foreach (var id in index.FindCandidates(variant, 64))
                    {
                        var candidate = index.Names[id];
                        var facts = index.FactsOf(id).Made();
                        rewritten += ReferenceEquals(facts.WiderTokens, facts.Tokens) ? 0 : 1;
                        foreach (var atLeast in new[] { ReviewThreshold, double.PositiveInfinity })
                        {
                            // Each answer worked out afresh: the bound keeps the answers and the pairs of the query last bounded.
                            NameScorer.ForgetBoundMemos();
                            var withFacts = NameScorer.MayReach(variant, candidate.Normalized, index, rules, atLeast, facts);
                            NameScorer.ForgetBoundMemos();
                            var without = NameScorer.MayReach(variant, candidate.Normalized, index, rules, atLeast);
                            compared++;
                            ruledOut += withFacts ? 0 : 1;
                            if (withFacts != without)
                            {
                                differences.Add($"{rules.Name}: \"{text}\" / \"{candidate.Name.Value}\" at {atLeast}: {withFacts} with the facts, {without} without");
                            }
                        }
                    }
                }
            }
        }

        NameScorer.ForgetBoundMemos();
        differences.Should().BeEmpty();
        compared.Should().BeGreaterThan(50_000);
        ruledOut.Should().BeGreaterThan(10_000, "most candidates of names that are not listed are ruled out");
        rewritten.Should().BeGreaterThan(0, "some candidate names have words of a wider class, read from the facts");
    }

    [SharedDataFact]
    public async Task MayReach_OfacSdn2021_KeepsWithTheFactsTheTraitsOfEachTokenInItsWiderClassUnderEveryRuleSet()
    {
        using var engine = OfacEngine();
        await engine.RefreshAsync();
        var index = engine.Datasets.Current!.State.Index;
        var candidates = new HashSet<int>();
        foreach (var rules in NameScoringRules.All)
        {
            foreach (var text in Queries(engine, 200, seed: 2029).SelectMany(Texts))
            {
                foreach (var variant in Screener.Windows(NameNormalizer.Normalize(text)))
                {
                    foreach (var id in index.FindCandidates(variant, 64))
                    {
                        _ = NameScorer.MayReach(variant, index.Names[id].Normalized, index, rules, ReviewThreshold, index.FactsOf(id));
                        candidates.Add(id);
                    }
                }
            }
        }

        NameScorer.ForgetBoundMemos();
        int kept = 0, wrong = 0;
        foreach (var id in candidates)
        {
            var facts = index.FactsOf(id).Made();
            for (var place = 0; place < facts.WiderTokens.Count; place++)
            {
                var traits = facts.TraitsAt(place);
                if (traits != 0)
                {
                    kept++;
                    wrong += traits == NameScorer.KeptTraitsOf(facts.WiderTokens[place]) ? 0 : 1;
                }
            }
        }

        kept.Should().BeGreaterThan(1_000, "the bound keeps the traits of the candidate tokens it reads");
        wrong.Should().Be(0, "a token's traits are those of its wider class, whichever rule set read it first");
    }

    [SharedDataFact]
    public async Task MayReach_OfacSdn2021_AnswersAsAfreshWhenItKeepsTheTokensOfTheCandidatesOfEachQuery()
    {
        using var engine = OfacEngine();
        await engine.RefreshAsync();
        var index = engine.Datasets.Current!.State.Index;
        List<ScreeningRequest> queries = [.. Queries(engine, 300, seed: 2029), .. NativeQueries(150, seed: 2029)];
        var pairs = new List<(NameScoringRules Rules, string Text, NormalizedName Variant, int Id)>();
        foreach (var rules in NameScoringRules.All)
        {
            foreach (var text in queries.SelectMany(Texts))
            {
                foreach (var variant in Screener.Windows(NameNormalizer.Normalize(text)))
                {
                    pairs.AddRange(index.FindCandidates(variant, 64).Select(id => (rules, text, variant, id)));
                }
            }
        }

        // First every pair in a row, as screening bounds them: the tokens of a query's candidates are kept (by their posting-list
        // numbers) from one candidate to the next, and forgotten when the query or the rules change. Then each pair afresh,
        // without the facts.
        NameScorer.ForgetBoundMemos();
        var inARow = pairs.Select(p => NameScorer.MayReach(p.Variant, index.Names[p.Id].Normalized, index, p.Rules, ReviewThreshold, index.FactsOf(p.Id))).ToList();
        var differences = new List<string>();
        var ruledOut = 0;
        for (var i = 0; i < pairs.Count; i++)
        {
            var (rules, text, variant, id) = pairs[i];
            NameScorer.ForgetBoundMemos();
            var afresh = NameScorer.MayReach(variant, index.Names[id].Normalized, index, rules, ReviewThreshold);
            ruledOut += afresh ? 0 : 1;
            if (inARow[i] != afresh)
            {
                differences.Add($"{rules.Name}: \"{text}\" / \"{index.Names[id].Name.Value}\": {inARow[i]} in a row, {afresh} afresh");
            }
        }

        NameScorer.ForgetBoundMemos();
        differences.Should().BeEmpty();
        pairs.Count.Should().BeGreaterThan(25_000);
        ruledOut.Should().BeGreaterThan(10_000, "most candidates of names that are not listed are ruled out");
    }

    [SharedDataFact]
    public async Task ScreenAsync_OfacSdn2021_GivesTheSameResultsWithAndWithoutTheBound()
    {
        using var engine = OfacEngine();
        await engine.RefreshAsync();
        List<ScreeningRequest> queries = [.. Queries(engine, 500, seed: 2022), .. NativeQueries(200, seed: 2022)];

        var bounded = await ScreenAllAsync(engine, queries, compareEveryCandidate: false);
        var full = await ScreenAllAsync(engine, queries, compareEveryCandidate: true);

        bounded.Should().Equal(full);
        full.Should().Contain(r => r.Contains("\"decision\":\"Block\"", StringComparison.Ordinal))
            .And.Contain(r => r.Contains("\"decision\":\"Review\"", StringComparison.Ordinal));
    }

    // Names written in Han, Hangul, Cyrillic and Arabic script, compared by sound with the Latin names.
    [Fact]
    public void MayReach_SameNamesUnderOtherTokenStatistics_ReadsTheRaritiesOfTheStatisticsGiven()
    {
        // The bound keeps what it learns of each candidate token for the query it last read; a token's rarity comes from the
        // statistics given, so bounding the same names under other statistics must not reuse the rarities of the first.
        var query = NameNormalizer.Normalize("Meridian Zorbex")[0];
        var candidate = NameNormalizer.Normalize("Meridian Quilty")[0];
        var other = NameNormalizer.Normalize("Hollow Brightwater Tannery")[0];
        var sharedRare = new Rarities(new Dictionary<string, double> { ["meridian"] = 1, ["zorbex"] = 0.05, ["quilty"] = 0.05 });
        var sharedCommon = new Rarities(new Dictionary<string, double> { ["meridian"] = 0.05, ["zorbex"] = 1, ["quilty"] = 1 });
        var rules = NameScoringRules.Default;

        bool Fresh(Rarities statistics)
        {
            NameScorer.MayReach(other, candidate, statistics, rules, 0.6);
            return NameScorer.MayReach(query, candidate, statistics, rules, 0.6);
        }

        var rareAlone = Fresh(sharedRare);
        var commonAlone = Fresh(sharedCommon);
        rareAlone.Should().BeTrue("the shared word carries most of the weight");
        commonAlone.Should().BeFalse("the words that differ carry most of the weight");

        NameScorer.MayReach(query, candidate, sharedRare, rules, 0.6).Should().Be(rareAlone);
        NameScorer.MayReach(query, candidate, sharedCommon, rules, 0.6).Should().Be(commonAlone);
        NameScorer.MayReach(query, candidate, sharedRare, rules, 0.6).Should().Be(rareAlone);
    }

    [Fact]
    public void MayReach_TwinCandidateNames_AnswerAsEachAloneUnlessTheyDifferInTokensOrThreshold()
    {
        // A name listed twice is bounded once per query and its twin reads the answer kept: the answer must be the one a fresh
        // bound gives, and a name with the same words but another reading of them (a token class), or another threshold, is
        // bounded on its own.
        var query = NameNormalizer.Normalize("Meridian Zorbex Trading")[0];
        var listed = NameNormalizer.Normalize("Meridian Zorbex Trading")[0];
        var twin = NameNormalizer.Normalize("MERIDIAN, Zorbex Trading")[0];
        var statistics = new Rarities(new Dictionary<string, double> { ["meridian"] = 1, ["zorbex"] = 1, ["trading"] = 0.05, ["quilty"] = 1 });
        var rules = NameScoringRules.Default;
        twin.Should().NotBeSameAs(listed);
        twin.Key.Should().Be(listed.Key);

        NameScorer.MayReach(query, listed, statistics, rules, 0.8).Should().BeTrue();
        NameScorer.MayReach(query, twin, statistics, rules, 0.8).Should().BeTrue();

        // The same key, but a word read as a title, which weighs little: the bound reads the names again.
        var single = NameNormalizer.Normalize("Meridian")[0];
        var partner = NameNormalizer.Normalize("Meridian Quilty")[0];
        var titled = new NormalizedName([partner.Tokens[0], partner.Tokens[1] with { Class = TokenClass.Title }], partner.IsTransliteration);
        titled.Key.Should().Be(partner.Key);
        var unlike = NameNormalizer.Normalize("Hollow Brightwater Tannery")[0];
        var partnerAlone = MayReachAlone(single, partner, statistics, rules, 0.8, unlike);
        var titledAlone = MayReachAlone(single, titled, statistics, rules, 0.8, unlike);
        partnerAlone.Should().BeFalse("an unmatched word weighs as much as the matched one");
        titledAlone.Should().BeTrue("an unmatched title weighs little");
        NameScorer.MayReach(single, partner, statistics, rules, 0.8).Should().BeFalse();
        NameScorer.MayReach(single, titled, statistics, rules, 0.8).Should().BeTrue();

        var far = NameNormalizer.Normalize("Meridian Quilty Holdings")[0];
        var atHalf = MayReachAlone(query, far, statistics, rules, 0.5, unlike);
        var atNine = MayReachAlone(query, far, statistics, rules, 0.9, unlike);
        atNine.Should().BeFalse();
        NameScorer.MayReach(query, far, statistics, rules, 0.5).Should().Be(atHalf);
        NameScorer.MayReach(query, far, statistics, rules, 0.9).Should().Be(atNine);
        NameScorer.MayReach(query, far, statistics, rules, 0.5).Should().Be(atHalf);
    }

    [Fact]
    public void MayReach_CandidatesThatReadTheQueryInTurnInDifferentWays_AnswerAsEachAfresh()
    {
        // The candidates of one query read its words in more than one way: as written, with a misspelt legal form read as the form
        // a candidate carries, and against a name transliterated from Cyrillic under the rules of names spelled alphabetically. The
        // bound keeps what it learns of the candidate words for the way it last read the query, and starts over when the way
        // changes; whatever the order, each answer must be the one a fresh bound gives.
        var query = NameNormalizer.Normalize("Meridian Zorbex Trading Limitd")[0];
        var statistics = new Rarities(new Dictionary<string, double> { ["meridian"] = 1, ["zorbex"] = 1, ["trading"] = 0.1 });
        List<NormalizedName> candidates =
        [
            .. new[]
            {
                "Meridian Zorbex Trading Ltd", "Zorbex Holdings", "Меридиан Зорбекс Трейдинг", "Meridian Zorbex Trading Limited",
                "Quilty Trading Ltd", "Зорбекс Меридиан", "Meridian Zorbex Trading", "Hollow Brightwater Tannery Limited",
            }.SelectMany(NameNormalizer.Normalize),
        ];
        candidates.Should().Contain(c => c.IsTransliteration, "the names in Cyrillic are read in Latin letters too");

        foreach (var rules in NameScoringRules.All)
        {
            var afresh = candidates.Select(c =>
            {
                NameScorer.ForgetBoundMemos();
                return NameScorer.MayReach(query, c, statistics, rules, ReviewThreshold);
            }).ToList();

            NameScorer.ForgetBoundMemos();
            for (var round = 0; round < 3; round++)
            {
                var order = round == 1 ? Enumerable.Range(0, candidates.Count).Reverse() : Enumerable.Range(0, candidates.Count);
                foreach (var i in order)
                {
                    NameScorer.MayReach(query, candidates[i], statistics, rules, ReviewThreshold).Should().Be(afresh[i], $"{rules.Name}: \"{candidates[i].Key}\" in round {round}");
                }
            }

            if (rules == NameScoringRules.Default)
            {
                afresh.Should().Contain(true).And.Contain(false, "some candidates are ruled out and some are not");
            }
        }

        NameScorer.ForgetBoundMemos();
    }

    [Theory]
    [InlineData("Zorbex Bank UAE", "Zorbex Bank United Arab Emirates")]
    [InlineData("Zorbex Bank United Arab Emirates", "Zorbex Bank UAE")]
    [InlineData("Meridian Trading USA", "Meridian Trading United States of America")]
    [InlineData("Hsi Chin-ping", "Xi Jinping")]
    [InlineData("Xi Jinping", "Hsi Chin-ping")]
    public void MayReach_PairReachedThroughARunVariant_IsNotRuledOut(string queryName, string candidateName)
    {
        // A country's abbreviation and Wade-Giles syllables align with runs of the other name, on either side. The bound looks for
        // Wade-Giles runs only in a name with a word only Wade-Giles spells (known for the query once and for the candidate from its
        // words' memo): those pairs are ruled out when it leaves the runs out. The country names weigh little as places, so those
        // pairs reach the threshold either way and check only that nothing is ruled out.
        var query = NameNormalizer.Normalize(queryName)[0];
        var candidate = NameNormalizer.Normalize(candidateName)[0];
        var statistics = new Rarities(new Dictionary<string, double> { ["bank"] = 0.1, ["trading"] = 0.1 });
        var rules = NameScoringRules.Default;
        var score = NameScorer.Score(query, candidate, statistics, rules).Score;
        score.Should().BeGreaterThan(0.8, "the pair is reached through the variant");

        NameScorer.MayReach(query, candidate, statistics, rules, 0.8).Should().BeTrue();
        var unlike = NameNormalizer.Normalize("Hollow Brightwater Tannery")[0];
        MayReachAlone(query, candidate, statistics, rules, 0.8, unlike).Should().BeTrue();
    }

    // The bound of a pair after another query was bounded, so that nothing kept for the first query is read.
    private static bool MayReachAlone(NormalizedName query, NormalizedName candidate, Rarities statistics, NameScoringRules rules, double atLeast, NormalizedName unlike)
    {
        NameScorer.MayReach(unlike, candidate, statistics, rules, atLeast);
        return NameScorer.MayReach(query, candidate, statistics, rules, atLeast);
    }

    private sealed class Rarities(Dictionary<string, double> rarity) : VendorScreen.Indexing.ITokenStatistics
    {
        public double Rarity(string token) => rarity.TryGetValue(token, out var r) ? r : 1;
    }

    private static readonly ScreeningRequest[] WrittenNatively =
    [
        ScreeningRequest.ForParty("海康威视"), ScreeningRequest.ForParty("华为技术有限公司"), ScreeningRequest.ForParty("大疆创新"),
        ScreeningRequest.ForParty("浙江大华技术股份有限公司"), ScreeningRequest.ForParty("中兴通讯"), ScreeningRequest.ForParty("习近平"),
        ScreeningRequest.ForParty("김정은"), ScreeningRequest.ForParty("조선광업개발무역회사"), ScreeningRequest.ForParty("하이크비전"),
        ScreeningRequest.ForParty("Владимир Путин"), ScreeningRequest.ForParty("Касперский"), ScreeningRequest.ForParty("Роснефть"),
        ScreeningRequest.ForParty("Хуавэй Текнолоджиз"), ScreeningRequest.ForParty("أسامة بن لادن"), ScreeningRequest.ForParty("Βλαντιμίρ Πούτιν"),
    ];

    // Names of people written in Han and Hangul (as written in Wikidata), and in Cyrillic (a given name and a surname of two
    // people), from ../shared/data.
    private static List<ScreeningRequest> NativeQueries(int count, int seed)
    {
        static string[] Read(string file) => [.. File.ReadLines(SharedData.DataPath("eval/wikidata-name-transliteration/" + file))
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length >= 2 && parts[1].Length > 0)
            .Select(parts => parts[1].Replace(" ", string.Empty, StringComparison.Ordinal))];

        var random = new Random(seed);
        var han = Read("wd_chinese_20.tsv");
        var hangul = Read("wd_korean_20.tsv");
        var cyrillic = Read("wd_russian_20.tsv");
        var queries = new List<ScreeningRequest>(count);
        for (var i = 0; i < count; i++)
        {
            queries.Add(ScreeningRequest.ForParty((i % 3) switch
            {
                0 => han[random.Next(han.Length)],
                1 => hangul[random.Next(hangul.Length)],
                _ => $"{cyrillic[random.Next(cyrillic.Length)]} {cyrillic[random.Next(cyrillic.Length)]}",
            }));
        }

        return queries;
    }

    private static ScreeningEngine OfacEngine() => new ScreeningEngineBuilder()
        .Configure(o => o.UseDefaultDataset = false)
        .AddSource(SourceFormats.Get("ofac-csv").Open(SharedData.DataPath("ofac/2021-07_sdn_list")))
        .Build();

    // For each query and candidate, under each token-alignment rule set, the bound's verdicts that the full comparison
    // contradicts; returns how many candidates the bound ruled out.
    private static int BoundFailures(ScreeningEngine engine, List<ScreeningRequest> requests, out List<string> failures)
    {
        var index = engine.Datasets.Current!.State.Index;
        failures = [];
        var pruned = 0;
        foreach (var rules in NameScoringRules.All)
        {
            var algorithm = NameMatchAlgorithms.Get(rules.Name);
            foreach (var text in requests.SelectMany(Texts))
            {
                foreach (var variant in Screener.Windows(NameNormalizer.Normalize(text)))
                {
                    foreach (var id in index.FindCandidates(variant, 64))
                    {
                        var candidate = index.Names[id];
                        var scored = algorithm.Score(new NameMatchInput(text, variant), new NameMatchInput(candidate.Name.Value, candidate.Normalized), index);
                        if (!NameScorer.MayReach(variant, candidate.Normalized, index, rules, ReviewThreshold, index.FactsOf(id)))
                        {
                            pruned++;
                            if (scored.Score >= ReviewThreshold || scored.CandidateContained)
                            {
                                failures.Add($"{rules.Name}: \"{text}\" / \"{candidate.Name.Value}\" ({candidate.Normalized.Key}): {scored.Score}, contained {scored.CandidateContained}");
                            }
                        }

                        if (!NameScorer.MayReach(variant, candidate.Normalized, index, rules, double.PositiveInfinity, index.FactsOf(id)) && scored.CandidateContained)
                        {
                            failures.Add($"{rules.Name}: \"{text}\" / \"{candidate.Name.Value}\": contained, but ruled out as a mention");
                        }
                    }
                }
            }
        }

        return pruned;
    }

    private static IEnumerable<string> Texts(ScreeningRequest request) => request switch
    {
        PartyScreeningRequest party => [party.Name],
        ProductScreeningRequest product => new[] { product.Brand, product.Title }.OfType<string>(),
        _ => [],
    };

    // Each query's top 10 hits at a minimum score, as text: entity, matched name, score and every feature of the explanation.
    private static async Task<List<string>> SearchAllAsync(ScreeningEngine engine, List<ScreeningRequest> requests, double minScore, bool compareEveryCandidate)
    {
        var results = new List<string>(requests.Count);
        Screener.CompareEveryCandidate.Value = compareEveryCandidate;
        try
        {
            foreach (var text in requests.SelectMany(Texts))
            {
                var result = await engine.SearchAsync(text, top: 10, minScore: minScore);
                results.Add(string.Join("\n", result.Hits.Select(h =>
                    $"{h.EntityId} | {h.MatchedName} | {h.Score} | {string.Join("; ", h.Features.Select(f => $"{f.Feature} {f.Score} {f.Detail}"))}")));
            }
        }
        finally
        {
            Screener.CompareEveryCandidate.Value = false;
        }

        return results;
    }

    private static async Task<List<string>> ScreenAllAsync(ScreeningEngine engine, List<ScreeningRequest> requests, bool compareEveryCandidate)
    {
        var results = new List<string>(requests.Count);
        Screener.CompareEveryCandidate.Value = compareEveryCandidate;
        try
        {
            foreach (var request in requests)
            {
                var result = await engine.ScreenAsync(request);
                results.Add(ResultJson.Of(result));
            }
        }
        finally
        {
            Screener.CompareEveryCandidate.Value = false;
        }

        return results;
    }

    // Seeded queries from the loaded names: the names as listed, with one or two letters edited, with their words reversed or
    // the last word dropped, two names' words mixed, and products whose brand or title holds a name.
    private static List<ScreeningRequest> Queries(ScreeningEngine engine, int count, int seed)
    {
        var random = new Random(seed);
        var names = engine.Dataset!.Entities.SelectMany(e => e.Names.Select(n => n.Value)).Where(n => n.Length > 2).ToArray();
        var queries = new List<ScreeningRequest>(count);
        for (var i = 0; i < count; i++)
        {
            var name = names[random.Next(names.Length)];
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var other = names[random.Next(names.Length)].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            ScreeningRequest request = (i % 8) switch
            {
                0 => ScreeningRequest.ForParty(name),
                1 => ScreeningRequest.ForParty(Misspellings.Edit(name, random, 1, minLength: 3)),
                2 => ScreeningRequest.ForParty(Misspellings.Edit(name, random, 2, minLength: 3)),
                3 => ScreeningRequest.ForParty(string.Join(' ', words.Reverse())),
                4 => ScreeningRequest.ForParty(words.Length > 1 ? string.Join(' ', words[..^1]) : name + " Ltd"),
                5 => ScreeningRequest.ForParty($"{words[0]} {other[^1]}"),
                6 => ScreeningRequest.ForProduct() with { Brand = Misspellings.Edit(name, random, 1, minLength: 3) },
                _ => ScreeningRequest.ForProduct() with { Title = $"Replacement cable for {name} camera 4 pack" },
            };
            queries.Add(request);
        }

        return queries;
    }
}
