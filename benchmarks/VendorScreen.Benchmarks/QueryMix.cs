using System.Text;

namespace VendorScreen.Benchmarks;

/// <summary>One query of the mix: its kind, its script, the name and, for a listed name, the entity it must find.</summary>
internal sealed record Query(string Kind, string Script, string Name, string? ExpectedEntityId);

/// <summary>
/// The seeded query mix of the throughput harness: listed names with one and two letter edits, with their words reordered
/// and with their legal form dropped; names in Han, Hangul and Cyrillic script; and names that are not listed (SEC company
/// names and persons made of a given name and a surname of different listed people).
/// </summary>
internal static class QueryMix
{
    private static readonly string[] LegalForms =
        ["CO., LTD.", "CO. LTD.", "CO LTD", "LTD.", "LTD", "LIMITED", "LLC", "INC.", "INC", "CORP.", "CORPORATION", "COMPANY", "S.A.", "GMBH", "JSC", "PJSC", "OOO"];

    public static IReadOnlyList<Query> Build(RealCorpus corpus, int count, int seed)
    {
        var random = new Random(seed);
        var listed = corpus.Snapshots.SelectMany(s => s.Entities)
            .Where(e => e.PrimaryName.Count(char.IsLetter) >= 6 && e.PrimaryName.All(c => c < 0x250))
            .ToArray();
        var persons = listed.Where(e => e.Kind == EntityKind.Person).ToArray();
        var withForm = listed.Where(e => e.Kind != EntityKind.Person && DropLegalForm(e.PrimaryName) is not null).ToArray();
        var sec = corpus.SecCompanies();
        var han = corpus.NativeNames("wd_chinese_20.tsv");
        var hangul = corpus.NativeNames("wd_korean_20.tsv");
        var cyrillic = corpus.NativeNames("wd_russian_20.tsv");

        var queries = new List<Query>(count);
        for (var i = 0; i < count; i++)
        {
            var entity = listed[random.Next(listed.Length)];
            var formed = withForm[random.Next(withForm.Length)];
            queries.Add((i % 10) switch
            {
                0 or 1 => new Query("typo1", "latin", Edit(entity.PrimaryName, 1, random), entity.Id),
                2 => new Query("typo2", "latin", Edit(entity.PrimaryName, 2, random), entity.Id),
                3 => new Query("reordered", "latin", Reorder(entity.PrimaryName, random), entity.Id),
                4 => new Query("no-legal-form", "latin", DropLegalForm(formed.PrimaryName)!, formed.Id),
                5 => new Query("han", "han", han[random.Next(han.Count)], null),
                6 => new Query("hangul", "hangul", hangul[random.Next(hangul.Count)], null),
                7 => new Query("cyrillic", "cyrillic", Capitalise(cyrillic[random.Next(cyrillic.Count)]) + " " + Capitalise(cyrillic[random.Next(cyrillic.Count)]), null),
                8 => new Query("sec-company", "latin", sec[random.Next(sec.Count)], null),
                _ => new Query("synthetic-person", "latin", SyntheticPerson(persons, random), null),
            });
        }

        return queries;
    }

    /// <summary>Applies letter edits (substitution, deletion, insertion) at random places, as a typist would.</summary>
    public static string Edit(string name, int edits, Random random)
    {
        var text = new StringBuilder(name);
        for (var n = 0; n < edits; n++)
        {
            var letters = Enumerable.Range(0, text.Length).Where(i => char.IsLetter(text[i])).ToArray();
            var at = letters[random.Next(letters.Length)];
            var letter = (char)('A' + random.Next(26));
            letter = char.IsLower(text[at]) ? char.ToLowerInvariant(letter) : letter;
            switch (random.Next(3))
            {
                case 0:
                    text[at] = letter == text[at] ? (char)(((letter - 'A' + 1) % 26) + (char.IsLower(letter) ? 'a' : 'A')) : letter;
                    break;
                case 1:
                    text.Remove(at, 1);
                    break;
                default:
                    text.Insert(at, letter);
                    break;
            }
        }

        return text.ToString();
    }

    private static string Reorder(string name, Random random)
    {
        var words = name.Replace(",", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            return name;
        }

        var shift = 1 + random.Next(words.Length - 1);
        return string.Join(' ', words.Skip(shift).Concat(words.Take(shift)));
    }

    private static string? DropLegalForm(string name)
    {
        var upper = name.ToUpperInvariant();
        foreach (var form in LegalForms)
        {
            if (upper.EndsWith(" " + form, StringComparison.Ordinal) || upper.EndsWith("," + form, StringComparison.Ordinal))
            {
                var rest = name[..^form.Length].TrimEnd(' ', ',');
                return rest.Count(char.IsLetter) >= 4 ? rest : null;
            }
        }

        return null;
    }

    private static string SyntheticPerson(Entity[] persons, Random random)
    {
        // A given name of one listed person and the surname of another: OFAC writes persons "SURNAME, Given Names".
        static (string Surname, string Given)? Split(string name)
        {
            var comma = name.IndexOf(',', StringComparison.Ordinal);
            return comma > 0 && comma < name.Length - 2 ? (name[..comma].Trim(), name[(comma + 1)..].Trim().Split(' ')[0]) : null;
        }

        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (Split(persons[random.Next(persons.Length)].PrimaryName) is { } a && Split(persons[random.Next(persons.Length)].PrimaryName) is { } b)
            {
                return b.Given + " " + a.Surname;
            }
        }

        return "Maria Lindqvist";
    }

    private static string Capitalise(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
