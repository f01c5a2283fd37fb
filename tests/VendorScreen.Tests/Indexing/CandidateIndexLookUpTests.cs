using FluentAssertions;
using VendorScreen.Indexing;
using VendorScreen.Matching;
using VendorScreen.Normalization;
using VendorScreen.Sources;
using VendorScreen.Tests.Infrastructure;

namespace VendorScreen.Tests.Indexing;

/// <summary>
/// The candidate look-up keeps the misspelling look-up of each indexed word taken as a query token, and computes the look-up by
/// sound over narrowed edit-cost rows, yet returns exactly the candidates, in the same order, of a straightforward tally: every
/// posting list of the query's tokens, of their misspellings (found by a full scan of the trigram lists,
/// <see cref="CandidateIndexSimilarWordsTests.FullScan"/>, each at the lower rarity of the token and the misspelling), of their joined runs and of the Latin words that sound like them,
/// added into a dictionary in the order the look-up reads them, then every name sorted by score (lower id first among equals).
/// Each query is looked up twice, so that the second look-up reads what the first one kept.
/// </summary>
public sealed class CandidateIndexLookUpTests
{
    // Names in Han, Hangul and Cyrillic: those of the look-up-by-sound tests and two company names.
    private static readonly string[] OtherScripts = [.. CandidateIndexSoundAlikeTests.Queries, "科大讯飞", "华为技术有限公司"];

    [Fact]
    public async Task FindCandidates_EmbeddedData_EqualsAStraightforwardTallyForEveryNameAndItsTypos()
    {
        var snapshot = await new VendorScreen.Sources.VendorScreenJson.DefaultDatasetSource().LoadAsync();
        var index = new CandidateIndex(snapshot.Entities, NameScoringRules.Default);
        var names = snapshot.Entities.SelectMany(e => e.Names.Select(n => n.Value).Append(e.PrimaryName)).Distinct(StringComparer.Ordinal).ToArray();

        var compared = AssertSameAsReference(index, WithTypos(names, new Random(11)).Concat(OtherScripts));

        compared.Should().BeGreaterThan(900);
        index.SimilarMemoCount.Should().BeGreaterThan(0, "indexed words looked up are kept");
    }

    [SharedDataFact]
    public async Task FindCandidates_OfacSdn_EqualsAStraightforwardTallyForSampledNamesAndTheirTypos()
    {
        var snapshot = await SourceFormats.Get("ofac-csv").Open(SharedData.DataPath("ofac/2021-07_sdn_list")).LoadAsync();
        var index = new CandidateIndex(snapshot.Entities, NameScoringRules.Default);
        var random = new Random(20210702);
        var names = snapshot.Entities.SelectMany(e => e.Names.Select(n => n.Value)).ToArray();
        var sample = Enumerable.Range(0, 300).Select(_ => names[random.Next(names.Length)]).ToArray();

        var compared = AssertSameAsReference(index, WithTypos(sample, random).Concat(OtherScripts));

        compared.Should().BeGreaterThan(900);
    }

    [Fact]
    public void FindCandidates_RareNearSpellingAmongCommonOnes_KeepsTheRareOnesName()
    {
        // "baskr" is one letter from "bakr", which six names share, and from "baskar", which one name holds, listed last: the
        // rare word's name ranks first, and stays among the candidates when fewer are kept than the common word's names.
        var entities = Enumerable.Range(0, 6)
            .Select(i => new Entity($"t:bakr-{i}", EntityKind.Organization, $"Bakr {new string((char)('A' + i), 3)}"))
            .Append(new Entity("t:baskar", EntityKind.Organization, "Baskar"))
            .ToList();
        var index = new CandidateIndex(entities, NameScoringRules.Default);
        var query = NameNormalizer.Normalize("Baskr")[0];

        var candidates = index.FindCandidates(query, 3);

        index.Rarity("baskar").Should().BeGreaterThan(index.Rarity("bakr"));
        candidates.Should().HaveCount(3);
        EntityOf(index, candidates[0]).Should().Be("t:baskar");
        EntityOf(index, candidates[1]).Should().StartWith("t:bakr-");
    }

    [Fact]
    public void FindCandidates_MoreNamesTiedThanKept_KeepsTheNamesWrittenAsTheQuery()
    {
        // Seventy names hold "hassan" beside one other word each, listed first; the one-word "Hassan" comes last. All tie in the
        // tally, and the tie is cut by id, but a name written as the query is stays among the candidates.
        var entities = SeventyNamesHolding("Hassan", EntityKind.Person)
            .Append(new Entity("t:hassan", EntityKind.Person, "Hassan"))
            .ToList();
        var index = new CandidateIndex(entities, NameScoringRules.Default);
        var query = NameNormalizer.Normalize("HASSAN")[0];

        var candidates = index.FindCandidates(query, 64);
        var few = index.FindCandidates(query, 3);

        candidates.Should().HaveCount(64);
        candidates.Select(id => EntityOf(index, id)).Should().Contain("t:hassan");
        EntityOf(index, few[^1]).Should().Be("t:hassan", "it takes the place of the last candidate");
        few.Should().HaveCount(3);
        index.NamesOfWords(query).Select(id => EntityOf(index, id)).Should().Equal("t:hassan");
    }

    [Fact]
    public void FindCandidates_MoreNamesTiedThanKept_KeepsTheNamesOfTheQuerysWordsInAnyOrder()
    {
        // Seventy names hold "muhammad" and "abdallah" beside a third word, listed first; "'ABDALLAH, Muhammad" (a list's surname
        // first) comes last. All tie in the tally on the query's two words, and the tie is cut by id, but a name of the query's
        // words in another order stays among the candidates, as one in the same order does.
        var entities = SeventyNamesHolding("Muhammad Abdallah", EntityKind.Person)
            .Append(new Entity("t:listed", EntityKind.Person, "'ABDALLAH, Muhammad"))
            .Append(new Entity("t:other", EntityKind.Person, "Muhammad Abdallah Abdallah"))
            .ToList();
        var index = new CandidateIndex(entities, NameScoringRules.Default);
        var query = NameNormalizer.Normalize("Muhammad Abdallah")[0];

        var candidates = index.FindCandidates(query, 64);
        var few = index.FindCandidates(query, 3);

        candidates.Should().HaveCount(64);
        candidates.Select(id => EntityOf(index, id)).Should().Contain("t:listed");
        EntityOf(index, few[^1]).Should().Be("t:listed", "it takes the place of the last candidate");
        index.NamesOfWords(query).Select(id => EntityOf(index, id)).Should().Equal(["t:listed"], "a name that holds a word more times is not of the same words");
    }

    [Fact]
    public void FindCandidates_MoreNamesTiedThanKept_KeepsTheNamesOfTheQuerysWordsWithOtherLegalForms()
    {
        // "Zorbex LLC" holds the words of "ZORBEX LTD" and of "Zorbex" but its legal form: those stay among the candidates, among
        // seventy names holding "zorbex" listed first. A title is a word: "Mr Zorbex" is not of the words of "Zorbex". A query
        // of legal forms alone holds the words of names of legal forms alone.
        var entities = SeventyNamesHolding("Zorbex", EntityKind.Organization)
            .Append(new Entity("t:ltd", EntityKind.Organization, "ZORBEX LTD"))
            .Append(new Entity("t:bare", EntityKind.Organization, "Zorbex"))
            .Append(new Entity("t:forms", EntityKind.Organization, "Ltd"))
            .ToList();
        var index = new CandidateIndex(entities, NameScoringRules.Default);

        index.FindCandidates(NameNormalizer.Normalize("Zorbex LLC")[0], 64).Select(id => EntityOf(index, id)).Should().Contain(["t:ltd", "t:bare"]);
        index.NamesOfWords(NameNormalizer.Normalize("Zorbex LLC")[0]).Select(id => EntityOf(index, id)).Should().Equal("t:ltd", "t:bare");
        index.NamesOfWords(NameNormalizer.Normalize("Mr Zorbex")[0]).Should().BeEmpty();
        index.NamesOfWords(NameNormalizer.Normalize("Limited")[0]).Select(id => EntityOf(index, id)).Should().Equal("t:forms");
    }

    [Fact]
    public void FindCandidates_MoreNamesTiedThanKept_KeepsTheNamesOfTheQuerysWordsButItsTitle()
    {
        // "Mr Muhammad 'Abdallah" was screened Clear: the title made its words other than those of "'ABDALLAH, Muhammad", which
        // tied with seventy names holding both words and was cut by id. A query's title is set aside in a second look-up; a
        // listed name's title still counts ("Ibrahim" does not keep "DR. IBRAHIM").
        var entities = SeventyNamesHolding("Muhammad Abdallah", EntityKind.Person)
            .Append(new Entity("t:listed", EntityKind.Person, "'ABDALLAH, Muhammad"))
            .Append(new Entity("t:titled", EntityKind.Person, "DR. Muhammad Abdallah"))
            .ToList();
        var index = new CandidateIndex(entities, NameScoringRules.Default);

        var titled = index.FindCandidates(NameNormalizer.Normalize("Mr Muhammad 'Abdallah")[0], 3).Select(id => EntityOf(index, id)).ToList();
        var bare = index.FindCandidates(NameNormalizer.Normalize("Muhammad Abdallah")[0], 3).Select(id => EntityOf(index, id)).ToList();

        titled.Should().Contain("t:listed");
        titled.Should().NotContain("t:titled", "a listed name's title counts among its words");
        bare.Should().Contain("t:listed").And.NotContain("t:titled");
    }

    // Seventy entities ("t:0" to "t:69") whose names hold some words and one other word each ("Hassan AAx", "Hassan ABx", ...):
    // names that tie in the tally of a query of those words, listed before the names a test appends.
    private static IEnumerable<Entity> SeventyNamesHolding(string words, EntityKind kind) =>
        Enumerable.Range(0, 70).Select(i => new Entity($"t:{i}", kind, $"{words} {(char)('A' + (i / 26))}{(char)('A' + (i % 26))}x"));

    // The id of the entity of an indexed name.
    private static string EntityOf(CandidateIndex index, int name) => index.Entities[index.Names[name].EntityIndex].Id;

    // Each name as it is, with one edit and with two edits.
    private static IEnumerable<string> WithTypos(IEnumerable<string> names, Random random)
    {
        foreach (var name in names)
        {
            var oneEdit = Misspellings.Edit(name, random, minLength: 1);
            yield return name;
            yield return oneEdit;
            yield return Misspellings.Edit(oneEdit, random, minLength: 1);
        }
    }

    // Compares the look-up with the reference for every normalised form of every query, looked up twice; the number of forms.
    private static int AssertSameAsReference(CandidateIndex index, IEnumerable<string> queries)
    {
        var reference = new Reference(index, NameScoringRules.Default);
        var compared = 0;
        var differences = new List<string>();
        foreach (var query in queries)
        {
            foreach (var form in NameNormalizer.Normalize(query))
            {
                var expected = reference.FindCandidates(form, 64);
                for (var round = 0; round < 2; round++)
                {
                    var actual = index.FindCandidates(form, 64);
                    if (!actual.SequenceEqual(expected))
                    {
                        differences.Add($"{query} [{form.Key}], look-up {round + 1}: [{string.Join(", ", actual)}] instead of [{string.Join(", ", expected)}]");
                    }
                }

                compared++;
            }
        }

        differences.Should().BeEmpty("the look-up must return what the straightforward tally returns");
        return compared;
    }

    private sealed class Reference
    {
        // Whether two names hold the same words, each as many times, in any order, legal forms aside unless a name holds
        // nothing else.
        private static bool SameWords(NormalizedName name, NormalizedName query, bool queryTitlesAside = false) =>
            Words(name, titlesAside: false).SequenceEqual(Words(query, queryTitlesAside));

        private static List<string> Words(NormalizedName name, bool titlesAside)
        {
            var aside = name.Tokens.All(t => t.Class is TokenClass.LegalForm);
            return [.. name.Tokens.Where(t => aside || (t.Class is not TokenClass.LegalForm && !(titlesAside && t.Class is TokenClass.Title)))
                .Select(t => t.Text).Order(StringComparer.Ordinal), aside ? "(aside)" : ""];
        }

        private readonly CandidateIndex _index;
        private readonly ICandidateScoring _scoring;
        private readonly CandidateIndexSimilarWordsTests.FullScan _typos;
        private readonly Dictionary<string, List<int>> _postings = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>> _withoutAnd = new(StringComparer.Ordinal);

        public Reference(CandidateIndex index, ICandidateScoring scoring)
        {
            _index = index;
            _scoring = scoring;
            _typos = new CandidateIndexSimilarWordsTests.FullScan(index, scoring);
            for (var id = 0; id < index.Names.Length; id++)
            {
                foreach (var key in CandidateIndex.PostingKeys(index.Names[id].Normalized.Tokens))
                {
                    if (!_postings.TryGetValue(key, out var list))
                    {
                        _postings[key] = list = [];
                    }

                    if (list.Count == 0 || list[^1] != id)
                    {
                        list.Add(id);
                    }
                }
            }

            // A name is also looked up under its runs read without their inner "and"s ("oil and gas" as "oilgas"), unless it is
            // posted under that key already.
            for (var id = 0; id < index.Names.Length; id++)
            {
                foreach (var key in CandidateIndex.KeysWithoutInnerAnds(index.Names[id].Normalized.Tokens))
                {
                    if (_postings.TryGetValue(key, out var posted) && posted.Contains(id))
                    {
                        continue;
                    }

                    if (!_withoutAnd.TryGetValue(key, out var list))
                    {
                        _withoutAnd[key] = list = [];
                    }

                    if (list.Count == 0 || list[^1] != id)
                    {
                        list.Add(id);
                    }
                }
            }
        }

        public int[] FindCandidates(NormalizedName query, int maxCandidates)
        {
            var tokens = query.Tokens;
            var scores = new Dictionary<int, double>();
            void Add(string key, double weight, bool asWritten = false)
            {
                foreach (var id in _postings.GetValueOrDefault(key) ?? [])
                {
                    scores[id] = scores.GetValueOrDefault(id) + weight;
                }

                // A token or a joined run as written also finds the names of runs read without their inner "and"s; a misspelling
                // does not.
                foreach (var id in (asWritten ? _withoutAnd.GetValueOrDefault(key) : null) ?? [])
                {
                    scores[id] = scores.GetValueOrDefault(id) + weight;
                }
            }

            var onlyLowWeight = tokens.All(t => t.Class is TokenClass.LegalForm or TokenClass.Generic or TokenClass.Location);
            for (var i = 0; i < tokens.Count; i++)
            {
                var t = tokens[i];
                if (!onlyLowWeight && t.Class is TokenClass.LegalForm)
                {
                    // A legal form few names carry (at most 40) finds its names as written, at its weight.
                    if (_postings.GetValueOrDefault(t.Text) is { Count: <= 40 } carried)
                    {
                        foreach (var id in carried)
                        {
                            scores[id] = scores.GetValueOrDefault(id) + (_scoring.BaseWeight(t.Class) * _index.Rarity(t.Text));
                        }
                    }

                    continue;
                }

                var weight = _scoring.BaseWeight(t.Class) * _index.Rarity(t.Text);
                Add(t.Text, weight, asWritten: true);
                if (t.Text.Length >= 4 && t.Class is not (TokenClass.Number or TokenClass.Ideograph))
                {
                    foreach (var similar in _typos.SimilarWords(t.Text, shortWordLookup: !query.IsTransliteration))
                    {
                        // A near spelling at four fifths of the token's weight, at the lower rarity of the two words.
                        Add(similar, _scoring.BaseWeight(t.Class) * Math.Min(_index.Rarity(t.Text), _index.Rarity(similar)) * 0.8);
                    }
                }

                var joined = t.Text;
                for (var k = i + 1; k < Math.Min(tokens.Count, i + 4); k++)
                {
                    joined += tokens[k].Text;
                    Add(joined, weight, asWritten: true);
                }
            }

            if (query.IsTransliteration && query.SourceScript is not (NameScript.Latin or NameScript.Arabic or NameScript.Hebrew or NameScript.Other))
            {
                foreach (var (word, weight) in _index.SoundAlikeWords(query))
                {
                    Add(word, weight);
                }
            }

            var top = scores.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(maxCandidates).Select(p => p.Key).ToList();

            // Every name of the query's words, in any order, is kept, in place of the last names that are not, lowest id first;
            // then, for a query with a title and another word, every name of its words but its titles, in place of the last
            // names of neither kind.
            Keep(top, maxCandidates, query, titlesAside: false);
            if (query.Tokens.Any(t => t.Class is TokenClass.Title) && query.Tokens.Any(t => t.Class is not (TokenClass.Title or TokenClass.LegalForm)))
            {
                Keep(top, maxCandidates, query, titlesAside: true);
            }

            return [.. top];
        }

        private void Keep(List<int> top, int maxCandidates, NormalizedName query, bool titlesAside)
        {
            var ofKey = Enumerable.Range(0, _index.Names.Length).Where(id => SameWords(_index.Names[id].Normalized, query, titlesAside)).ToList();
            var replace = top.Count - 1;
            foreach (var id in ofKey.Where(id => !top.Contains(id)))
            {
                if (top.Count < maxCandidates)
                {
                    top.Add(id);
                    continue;
                }

                while (replace >= 0 && (SameWords(_index.Names[top[replace]].Normalized, query)
                    || (titlesAside && SameWords(_index.Names[top[replace]].Normalized, query, queryTitlesAside: true))))
                {
                    replace--;
                }

                if (replace < 0)
                {
                    break;
                }

                top[replace--] = id;
            }
        }
    }
}
