using System.Collections.Frozen;

namespace VendorScreen.Normalization;

/// <summary>
/// Given names and their short forms (hypocorisms): a curated table of groups, each one name with its full forms in several
/// European languages ("John", "Juan", "Johann", "Jean", "Giovanni", "Ivan") and its usual short forms in those languages ("Johnny",
/// "Jack", "Hans", "Gianni", "Vanya"; "Ted" for Theodore or Edward, "Ben" and "Bibi" for Benjamin).
/// </summary>
/// <remarks>
/// <para>Two names are equivalent when they share a group, one as a full form and the other as a short form: "Ted" / "Theodore",
/// "Bibi" / "Benjamin", "Sasha" / "Aleksandr" are; two full forms are not ("John" / "Juan", "Frederick" / "Friedrich": the same
/// name in two languages, which measured as often another person as the same one), nor two short forms ("Bob" / "Rob"), and "Ted"
/// does not make "Edward" and "Theodore" one name. Spellings that differ only by transliteration ("Aleksandr" / "Alexander") are
/// left to the spelling comparison.</para>
/// <para>The table is modest on purpose: common names of English, the Romance, Germanic and Slavic languages and Greek, written
/// in Latin letters in compare form (lower case, no diacritics). It holds no cross-cultural equivalents (Arabic "Yusuf" for
/// Joseph, "Yahya" for John): a person rarely uses both, and they would join names of different people.</para>
/// <para>The type is immutable and safe for concurrent use.</para>
/// </remarks>
internal static class GivenNames
{
    // One group a line: the full forms, a bar, then the short forms. Every name is lower case letters a to z.
    internal static readonly string[] Table =
    [
        "alexander alexandr aleksandr aleksander alexandre alejandro alessandro alexandru oleksandr | alex alec sasha sascha sandro",
        "alexei alexey aleksei aleksey alexis oleksiy oleksii | alyosha",
        "andrew andre andres andreas andrei andrey andrii andriy andrzej ondrej andras | andy drew",
        "anthony antony antonio antoine anton antoni | tony",
        "benjamin binyamin beniamino veniamin | ben benny benji bibi",
        "charles carlos carlo karl carl karel karol | charlie chuck",
        "christopher cristobal cristoforo christoph krzysztof | chris kit",
        "constantine konstantin constantin costantino | kostya",
        "daniel daniele danilo daniil | dan danny",
        "david davide dawid | dave davy",
        "dmitry dmitri dmitriy dimitri dimitrios demetrius | dima",
        "edward eduardo edouard eduard edoardo | ed eddie ted teddy ned",
        "elizabeth elisabeth elisabetta elizaveta | liz lizzie beth betty betsy",
        "eugene eugen eugenio evgeny evgeniy yevgeny yevgeniy | zhenya",
        "francis francisco francesco francois franz frantisek franciszek | frank frankie paco pancho",
        "frederick frederic federico friedrich | fred freddie fritz",
        "george georges jorge giorgio georg georgy georgiy yuri yury jerzy jiri gheorghe | georgie",
        "gregory gregorio gregoire grigory grigoriy grzegorz | greg",
        "henry henri enrique enrico heinrich henrik henryk | harry hank heinz",
        "jacob jakob jakub jacopo yakov yaakov jacobo jacques | jake",
        "james jaime jacques giacomo seamus | jim jimmy jamie",
        "john juan johann johannes jean giovanni ivan ioan ion ioannis jan joao sean jens | johnny jack hans gianni vanya",
        "joseph jose josef jozef giuseppe iosif yosef | joe joey pepe beppe",
        "katherine catherine kathryn katharina caterina catalina ekaterina yekaterina katarzyna | kate kathy cathy katie katya",
        "lawrence laurence lorenzo laurent lavrenty | larry",
        "margaret margarita margherita marguerite margarete | maggie meg peggy greta",
        "mary maria marie mariya marija | molly",
        "michael miguel michel michele michal mikhail mihail mihai mikael | mike mikey mick mickey misha",
        "nicholas nicolas nicola niccolo nikolai nikolay mykola mikolaj nikolaus niklas | nick nicky klaus kolya",
        "patrick patricio patrizio padraig | pat paddy",
        "paul pablo paolo paulo pavel pawel | pasha",
        "peter pedro pierre pietro piotr pyotr petr petro pieter petar | pete petya",
        "richard ricardo riccardo ryszard | rick ricky dick",
        "robert roberto | rob robbie bob bobby",
        "sergey sergei serge sergio sergiu serhiy serhii | seryozha",
        "stephen steven stefan stephan stefano etienne esteban stepan istvan | steve stevie",
        "theodore theodor teodoro fyodor fedor feodor todor | ted teddy theo",
        "thomas tomas tommaso tomasz foma | tom tommy",
        "vladimir volodymyr wladimir wlodzimierz | volodya vova",
        "william guillermo guillaume guglielmo wilhelm willem | will willie bill billy liam",
    ];

    private static readonly FrozenDictionary<string, Membership[]> Groups = Parse(Table);

    /// <summary>Gets whether a word (in compare form) is a given name of the table.</summary>
    /// <param name="word">The word.</param>
    /// <returns><see langword="true"/> when the table lists it.</returns>
    public static bool Contains(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Groups.ContainsKey(word);
    }

    /// <summary>Gets whether two different words (in compare form) are one given name: they share a group of the table, one as a
    /// full form and the other as a short form.</summary>
    /// <param name="a">The first word.</param>
    /// <param name="b">The second word.</param>
    /// <returns><see langword="true"/> for "ted" / "theodore", "bibi" / "benjamin" or "sasha" / "alexander"; <see langword="false"/>
    /// for equal words, two full forms ("john" / "juan"), two short forms ("bob" / "rob") or a word the table does not list.</returns>
    public static bool AreEquivalent(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (string.Equals(a, b, StringComparison.Ordinal) || !Groups.TryGetValue(a, out var ga) || !Groups.TryGetValue(b, out var gb))
        {
            return false;
        }

        foreach (var x in ga)
        {
            foreach (var y in gb)
            {
                if (x.Group == y.Group && x.Full != y.Full)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Reads a table of equivalence groups: one group a line, its full forms, a bar (<c>|</c>), then its short forms (none
    /// after the bar is allowed). A name is one or more lower-case letters a to z and appears once in a group.</summary>
    /// <param name="lines">The lines.</param>
    /// <returns>Each name with the groups it belongs to.</returns>
    /// <exception cref="FormatException">A line is malformed: the message names the line (1-based) and the fault.</exception>
    internal static FrozenDictionary<string, Membership[]> Parse(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var groups = new Dictionary<string, List<Membership>>(StringComparer.Ordinal);
        for (var n = 0; n < lines.Count; n++)
        {
            var line = lines[n] ?? throw new FormatException($"Given-name table line {n + 1} is null.");
            var halves = line.Split('|');
            if (halves.Length != 2)
            {
                throw new FormatException($"Given-name table line {n + 1} (\"{line}\") must hold exactly one '|' between the full forms and the short forms.");
            }

            var full = halves[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var short_ = halves[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (full.Length == 0)
            {
                throw new FormatException($"Given-name table line {n + 1} (\"{line}\") has no full form before '|'.");
            }

            if (full.Length + short_.Length < 2)
            {
                throw new FormatException($"Given-name table line {n + 1} (\"{line}\") has one name only; a group needs two or more.");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, isFull) in full.Select(f => (f, true)).Concat(short_.Select(s => (s, false))))
            {
                if (!name.All(char.IsAsciiLetterLower))
                {
                    throw new FormatException($"Given-name table line {n + 1}: \"{name}\" is not a name in compare form (lower-case letters a to z only).");
                }

                if (!seen.Add(name))
                {
                    throw new FormatException($"Given-name table line {n + 1}: \"{name}\" appears twice in the group.");
                }

                if (!groups.TryGetValue(name, out var memberships))
                {
                    groups[name] = memberships = [];
                }

                memberships.Add(new Membership(n, isFull));
            }
        }

        return groups.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>A name's place in one group of the table.</summary>
    /// <param name="Group">The group (its line).</param>
    /// <param name="Full">Whether the name is a full form in the group, rather than a short form.</param>
    internal readonly record struct Membership(int Group, bool Full);
}
