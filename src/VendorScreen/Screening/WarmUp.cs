using System.Diagnostics;
using System.Runtime;

namespace VendorScreen.Screening;

/// <summary>
/// What <see cref="ScreeningEngine.WarmUpAsync"/> screens and how long it waits: made-up requests, different in every round so
/// that every look-up misses the index's memos as a new query does, in phases, each followed by a wait until the runtime has
/// recompiled the methods the phase called often.
/// </summary>
/// <remarks>
/// The runtime compiles a method quickly and unoptimised at its first call, then, once it has been called 30 times, again on a
/// thread of its own: first with counters (dynamic profile-guided optimisation, on by default) and, after 30 more calls, fully
/// optimised with what the counters saw. One pass over each path of the screening code compiles it only the first way; a new
/// process then screened its first few thousand requests (about a second on two cores) in code not yet optimised, at about
/// one and a half times the time of later ones. The phases call each path well over 60 times and wait for the recompiling
/// thread, so that the first requests meet the optimised code.
/// </remarks>
internal static class WarmUp
{
    /// <summary>The rounds of requests of one phase.</summary>
    internal const int Rounds = 40;

    /// <summary>The phases: the first compiles the methods quickly and has them counted, the next run the code recompiled with
    /// counters until it is optimised, the last catches what the others left.</summary>
    internal const int Phases = 3;

    // How long the runtime must compile nothing for the recompiling to count as done, and the longest wait for it after a phase.
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(1);

    /// <summary>The longest a warm-up goes on: no phase starts after it (a slow or busy machine).</summary>
    internal static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    private static readonly string[] Given = ["Maria", "Ahmed", "Olivia", "Josef", "Fatima", "Pierre", "Hannah", "Yusuf", "Elena", "Tomas", "Amira", "Lukas", "Sofia", "Rashid", "Ingrid", "Mateo"];
    private static readonly string[] Surnames = ["Gonzalez", "Petrovic", "Hassani", "Novakova", "Schmidtke", "Kowalczyk", "Tanabe", "Oliveira", "Lindqvist", "Moreau", "Brennan", "Castellano", "Haddad", "Varga", "Okonkwo", "Rasmussen"];
    private static readonly string[] Firms = ["Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware", "Woodgrove", "Proseware", "Lucerne", "Wingtip", "Alpine", "Coho", "Treyworth", "Margie", "Humongous", "Fourthcoffee", "Graphicon"];
    private static readonly string[] Trades = ["Trading", "Logistics", "Electronics", "Shipping", "Holdings", "Industries", "Technology", "Security", "Imports", "Systems", "Engineering", "Supplies"];
    private static readonly string[] LegalForms = ["Limited", "LLC", "GmbH", "Co., Ltd.", "S.A.", "Inc.", "JSC", "Pte. Ltd."];

    // Common Han and Hangul family names and syllables of given names, and Cyrillic given names and family names.
    private const string HanFamily = "\u5F20\u738B\u674E\u8D75\u5218\u9648\u6768\u9EC4\u5468\u5434\u5F90\u5B59\u9A6C\u6731\u80E1\u90ED";
    private const string HanGiven = "\u4F1F\u82B3\u5A1C\u654F\u9759\u4E3D\u5F3A\u78CA\u519B\u6D0B\u52C7\u8273\u6770\u5A1F\u6D9B\u660E";
    private const string HangulFamily = "\uAE40\uC774\uBC15\uCD5C\uC815\uAC15\uC870\uC724\uC7A5\uC784\uD55C\uC624\uC11C\uC2E0\uAD8C\uD669";
    private const string HangulGiven = "\uBBFC\uC900\uC11C\uC5F0\uC9C0\uD6C8\uD604\uC6B0\uC218\uBE48\uC608\uC740\uB3C4\uC724\uD558\uB9B0";
    private static readonly string[] CyrillicGiven = ["\u0418\u0432\u0430\u043D", "\u041F\u0451\u0442\u0440", "\u041E\u043B\u044C\u0433\u0430", "\u0421\u0435\u0440\u0433\u0435\u0439", "\u0410\u043D\u043D\u0430", "\u0414\u043C\u0438\u0442\u0440\u0438\u0439", "\u041D\u0430\u0442\u0430\u043B\u044C\u044F", "\u041C\u0438\u0445\u0430\u0438\u043B"];
    private static readonly string[] CyrillicFamily = ["\u041F\u0435\u0442\u0440\u043E\u0432", "\u0421\u043C\u0438\u0440\u043D\u043E\u0432", "\u041A\u0443\u0437\u043D\u0435\u0446\u043E\u0432", "\u041F\u043E\u043F\u043E\u0432", "\u0421\u043E\u043A\u043E\u043B\u043E\u0432", "\u041B\u0435\u0431\u0435\u0434\u0435\u0432", "\u041C\u043E\u0440\u043E\u0437\u043E\u0432", "\u0412\u043E\u043B\u043A\u043E\u0432"];

    // The first round: one request per path of the screening code (Latin letters: a company with a legal form and a misspelt
    // word, a person; Han, Hangul and Cyrillic, each looked up by sound; a product listing with brand, manufacturer, model and
    // grantee code).
    private static readonly ScreeningRequest[] FirstRound =
    [
        ScreeningRequest.ForParty("Nortwind Trading Company Limited"),
        ScreeningRequest.ForParty("Maria Elena Gonzalez"),
        ScreeningRequest.ForParty("\u5F20\u4F1F\u79D1\u6280\u6709\u9650\u516C\u53F8"),
        ScreeningRequest.ForParty("\uAE40\uBBFC\uC900"),
        ScreeningRequest.ForParty("\u0418\u0432\u0430\u043D \u041F\u0435\u0442\u0440\u043E\u0432"),
        ScreeningRequest.ForProduct() with
        {
            Title = "4MP outdoor dome security camera with night vision",
            Brand = "Lumaview",
            Manufacturer = "Lumaview Electronics Co., Ltd.",
            Model = "LV-D4420",
            FccId = "2AXYZLV4420",
        },
    ];

    /// <summary>Gets the requests of a round: those of the first round, then in each later one a person and a company in Latin
    /// letters with a letter left out, a name in Han, one in Hangul and one in Cyrillic, and in every fourth round a product
    /// listing, each made of words picked by the round's number.</summary>
    /// <param name="round">The round's number, from 0.</param>
    /// <returns>The requests.</returns>
    public static IEnumerable<ScreeningRequest> Requests(int round)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(round);
        if (round == 0)
        {
            foreach (var request in FirstRound)
            {
                yield return request;
            }

            yield break;
        }

        // Each kind of name takes its words by the round's number in a different order, so that no two rounds of a warm-up
        // (Phases * Rounds) screen the same name.
        yield return ScreeningRequest.ForParty($"{Pick(Given, round)} {LeaveOutALetter(Pick(Surnames, round / Given.Length), round)}");
        yield return ScreeningRequest.ForParty(CompanyName(round));
        yield return ScreeningRequest.ForParty(
            $"{HanFamily[round % HanFamily.Length]}{HanGiven[round / HanFamily.Length % HanGiven.Length]}{HanGiven[((round * 7) + 3) % HanGiven.Length]}");
        yield return ScreeningRequest.ForParty(
            $"{HangulFamily[round % HangulFamily.Length]}{HangulGiven[round / HangulFamily.Length % HangulGiven.Length]}{HangulGiven[((round * 5) + 2) % HangulGiven.Length]}");
        var family = Pick(CyrillicFamily, round / CyrillicGiven.Length);
        yield return ScreeningRequest.ForParty(
            $"{Pick(CyrillicGiven, round)} {(round / (CyrillicGiven.Length * CyrillicFamily.Length) % 2 == 0 ? family : LeaveOutALetter(family, round))}");
        if (round % 4 == 0)
        {
            yield return ScreeningRequest.ForProduct() with
            {
                Title = "4MP outdoor dome security camera with night vision",
                Brand = Pick(Firms, round),
                Model = $"LV-D{4400 + round}",
            };
        }
    }

    /// <summary>Gets the requests of a round made of the dataset's own names, which the made-up ones of <see cref="Requests"/> do
    /// not find: the paths of a hit (the explanations, the decision of the policy, the names read in another order or with a
    /// letter left out) are compiled by the warm-up too, not by the first requests that find a listed party. In each round a
    /// name of the index, another each round, as written, with a letter left out, in another order or with its punctuation
    /// dropped; in every fourth round also the name of an entity owned by listed parties, when the dataset has one, and in
    /// every fourth round a longer name cut short as a name field cuts it, and a legal form followed by the start of a word
    /// (so that every reading of cut names is compiled).</summary>
    /// <param name="state">The state screened.</param>
    /// <param name="asOf">The date of the ownership read.</param>
    /// <param name="round">The round's number, from 0.</param>
    /// <param name="cutNameLengths">The lengths at which names are read as cut (<see cref="ScreeningOptions.CutNameLengths"/>):
    /// in every fourth round, a longer name of the index cut at the first of them.</param>
    /// <returns>The requests.</returns>
    public static IEnumerable<ScreeningRequest> ListedRequests(EngineState state, DateOnly asOf, int round, IList<int>? cutNameLengths = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentOutOfRangeException.ThrowIfNegative(round);
        var names = state.Index.Names;
        if (names.Length == 0)
        {
            yield break;
        }

        // A stride prime to any index's size in practice spreads the rounds' names over the whole index.
        var name = names[(int)((((long)round * 7919) + 13) % names.Length)].Name.Value;
        yield return ScreeningRequest.ForParty((round % 4) switch
        {
            0 => name,
            1 => WithALetterLeftOut(name, round),
            2 => InAnotherOrder(name),
            _ => WithoutPunctuation(name),
        });

        if (round % 4 == 2 && cutNameLengths is { Count: > 0 } && cutNameLengths[0] is var length and > 0)
        {
            // A name cut short by a field: the first name from the round's place on that is longer than the field.
            for (var k = 0; k < 64; k++)
            {
                var longer = names[(int)((((long)round * 7919) + 13 + k) % names.Length)].Name.Value;
                if (longer.Length > length)
                {
                    yield return ScreeningRequest.ForParty(longer[..length]);
                    break;
                }
            }

            // And one whose whole words are a legal form, whose cut word the look-up of words by their start reads.
            const string Form = "LIMITED LIABILITY COMPANY ";
            var letters = new string([.. name.Where(char.IsAsciiLetter).Select(char.ToUpperInvariant)]);
            if (length - Form.Length is var room and >= 3 && letters.Length >= room)
            {
                yield return ScreeningRequest.ForParty(Form + letters[..room]);
            }
        }

        if (round % 4 == 0)
        {
            var owned = state.Ownership.At(asOf).Exposures.Keys;
            if (owned.Length > 0 && state.Dataset.FindEntity(owned[round / 4 % owned.Length]) is { } entity)
            {
                yield return ScreeningRequest.ForParty(entity.PrimaryName);
            }
        }
    }

    // The name with one letter left out of its longest word (a letter after the first, another one each round).
    private static string WithALetterLeftOut(string name, int round)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var longest = 0;
        for (var i = 1; i < words.Length; i++)
        {
            longest = words[i].Length > words[longest].Length ? i : longest;
        }

        if (words.Length == 0 || words[longest].Length < 3)
        {
            return name;
        }

        words[longest] = LeaveOutALetter(words[longest], round);
        return string.Join(' ', words);
    }

    // A name written surname first ("BIN LADEN, Usama") in natural order, any other with its words the other way round.
    private static string InAnotherOrder(string name)
    {
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0 && comma == name.LastIndexOf(',') && comma < name.Length - 1)
        {
            return $"{name[(comma + 1)..].Trim()} {name[..comma].Trim()}";
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Array.Reverse(words);
        return string.Join(' ', words);
    }

    // The name in lower case with every character but letters, digits and spaces left out.
    private static string WithoutPunctuation(string name) =>
        string.Concat(name.Where(c => char.IsLetterOrDigit(c) || c == ' ')).ToLowerInvariant();

    /// <summary>Gets the name an analyst's search of a round looks for.</summary>
    /// <param name="round">The round's number, from 0.</param>
    /// <returns>The name.</returns>
    public static string SearchName(int round) => round == 0 ? "Northwind Trading" : CompanyName(round);

    /// <summary>Waits until the runtime has compiled no method for a moment (the recompiling of the methods called often is
    /// done), or at most a second.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the wait is over.</returns>
    public static async Task UntilCompiledAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var quietSince = started;
        var compiled = JitInfo.GetCompiledMethodCount(currentThread: false);
        while (Stopwatch.GetElapsedTime(started) < LongestWait)
        {
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
            var now = JitInfo.GetCompiledMethodCount(currentThread: false);
            if (now != compiled)
            {
                compiled = now;
                quietSince = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(quietSince) >= Quiet)
            {
                return;
            }
        }
    }

    private static string CompanyName(int round) =>
        $"{LeaveOutALetter(Pick(Firms, round), round + 1)} {Pick(Trades, round / Firms.Length)} {Pick(LegalForms, round)}";

    private static string Pick(string[] words, int at) => words[at % words.Length];

    // The word with one letter after the first left out, another one each round.
    private static string LeaveOutALetter(string word, int round) => word.Remove(1 + (round % (word.Length - 1)), 1);
}
