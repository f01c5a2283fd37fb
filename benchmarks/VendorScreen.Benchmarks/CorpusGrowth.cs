using System.Text;
using VendorScreen.Sources;

namespace VendorScreen.Benchmarks;

/// <summary>
/// Grows the real lists to a multiple of their size for the scaling report: every copy of an entity gets a new id and names
/// whose words have some of their letters changed, the same word the same way within one copy (seeded), so the vocabulary
/// grows with the copies while the shape of the lists (how often a word recurs, how long names are, which scripts they use)
/// stays that of the real lists. A copy is never the original with a suffix.
/// </summary>
internal static class CorpusGrowth
{
    /// <summary>Gets the lists with <paramref name="factor"/> − 1 perturbed copies of every entity added to each list.</summary>
    /// <param name="snapshots">The real lists.</param>
    /// <param name="factor">The multiple: 1 returns the lists as they are.</param>
    /// <param name="seed">The seed of the letter changes.</param>
    /// <returns>The grown lists, in the same order.</returns>
    public static IReadOnlyList<ListSnapshot> Grow(IReadOnlyList<ListSnapshot> snapshots, int factor, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        if (factor == 1)
        {
            return snapshots;
        }

        var grown = new List<ListSnapshot>(snapshots.Count);
        foreach (var snapshot in snapshots)
        {
            var ids = snapshot.Entities.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            var entities = new List<Entity>(snapshot.Entities.Count * factor);
            var relations = new List<Relation>(snapshot.Relations.Count * factor);
            entities.AddRange(snapshot.Entities);
            relations.AddRange(snapshot.Relations);
            for (var copy = 1; copy < factor; copy++)
            {
                var words = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var entity in snapshot.Entities)
                {
                    entities.Add(Copy(entity, copy, seed, words));
                }

                // Relations between entities of the list are copied between the copies; a relation to another list's entity
                // keeps that end.
                foreach (var relation in snapshot.Relations)
                {
                    relations.Add(relation with
                    {
                        FromId = ids.Contains(relation.FromId) ? CopyId(relation.FromId, copy) : relation.FromId,
                        ToId = ids.Contains(relation.ToId) ? CopyId(relation.ToId, copy) : relation.ToId,
                    });
                }
            }

            grown.Add(snapshot with { Entities = entities, Relations = relations, Version = $"{snapshot.Version} x{factor}" });
        }

        return grown;
    }

    /// <summary>Gets a name with the letters of each word changed as copy <paramref name="copy"/> changes them.</summary>
    /// <param name="name">The name.</param>
    /// <param name="copy">The number of the copy, from 1.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The changed name.</returns>
    public static string Perturb(string name, int copy, int seed) => Perturb(name, copy, seed, new Dictionary<string, string>(StringComparer.Ordinal));

    private static Entity Copy(Entity entity, int copy, int seed, Dictionary<string, string> words) =>
        new(CopyId(entity.Id, copy), entity.Kind, Perturb(entity.PrimaryName, copy, seed, words))
        {
            Names = [.. entity.Names.Select(n => n with { Value = Perturb(n.Value, copy, seed, words) })],
            Countries = entity.Countries,
            Identifiers = entity.Identifiers,
            Listings = entity.Listings,
            SourceName = entity.SourceName,
            Remarks = entity.Remarks,
        };

    private static string CopyId(string id, int copy) => $"{id}~copy{copy}";

    private static string Perturb(string name, int copy, int seed, Dictionary<string, string> words)
    {
        var text = new StringBuilder(name.Length);
        var start = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            var letter = i < name.Length && char.IsLetter(name[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                var word = name[start..i];
                if (!words.TryGetValue(word, out var changed))
                {
                    changed = PerturbWord(word, copy, seed);
                    words[word] = changed;
                }

                text.Append(changed);
                start = -1;
            }

            if (!letter && i < name.Length)
            {
                text.Append(name[i]);
            }
        }

        return text.ToString();
    }

    /// <summary>Changes about a third of a word's letters (at least one), each to another letter of the same alphabet and case.
    /// The places and letters depend only on the word (ignoring case), the copy and the seed.</summary>
    private static string PerturbWord(string word, int copy, int seed)
    {
        var random = new Random(Hash(word.ToUpperInvariant(), copy, seed));
        var letters = word.ToCharArray();
        var changes = Math.Max(1, letters.Length / 3);
        for (var n = 0; n < changes; n++)
        {
            var at = random.Next(letters.Length);
            if (Alphabet(letters[at]) is { } range)
            {
                var offset = letters[at] - range.First;
                letters[at] = (char)(range.First + ((offset + 1 + random.Next(range.Size - 1)) % range.Size));
            }
        }

        return new string(letters);
    }

    /// <summary>Gets the run of code points a letter is changed within: its alphabet and case.</summary>
    private static (char First, int Size)? Alphabet(char c) => c switch
    {
        >= 'A' and <= 'Z' => ('A', 26),
        >= 'a' and <= 'z' => ('a', 26),
        >= '\u0410' and <= '\u042F' => ('\u0410', 32),
        >= '\u0430' and <= '\u044F' => ('\u0430', 32),
        >= '\u0627' and <= '\u064A' => ('\u0627', 0x64A - 0x627 + 1),
        >= '\u4E00' and <= '\u9FFF' => ('\u4E00', 0x9FFF - 0x4E00 + 1),
        >= '\uAC00' and <= '\uD7A3' => ('\uAC00', 0xD7A3 - 0xAC00 + 1),
        _ => null,
    };

    /// <summary>FNV-1a over the word, the copy and the seed: stable across processes, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static int Hash(string word, int copy, int seed)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 16777619u;
        }

        hash = (hash ^ (uint)copy) * 16777619u;
        hash = (hash ^ (uint)seed) * 16777619u;
        return (int)(hash & 0x7FFFFFFF);
    }
}
