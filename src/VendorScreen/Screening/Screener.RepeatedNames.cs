using System.Collections.Concurrent;
using VendorScreen.Matching;

namespace VendorScreen.Screening;

// The matches of names that a batch or stream has already screened: supplier files and product feeds name the same party, brand
// or seller on many rows, and each such name is looked up and scored once per dataset generation.
internal static partial class Screener
{
    /// <summary>What the matches of a name depend on besides the dataset generation: the field (which each match names), the name
    /// as written, whether partial names are matched, the options the look-up and scoring read, a party's date of birth and
    /// country, which qualify its name matches, and a product's categories (<see cref="ProductContext.CategoryBits"/>), which
    /// decide whether a name scoped to some categories is compared.</summary>
    internal readonly record struct NameMatchKey(string Field, string Value, bool PartialNames, string Algorithm, int MaxCandidates, double ReviewThreshold,
        double MatchThreshold, FactDate? DateOfBirth, string? Country, string? UnrecognisedCountry, int Categories);

    /// <summary>The matches of the names screened so far in batches and streams against one dataset generation (held by its
    /// <see cref="EngineState"/>, so that a new generation starts with none), each name's in the order it found them.</summary>
    /// <remarks>A name screened again in a batch or stream reads its matches from here instead of being looked up and scored: of
    /// each match only what its explanation is written from is kept (<see cref="PendingExplanation"/>), from which the match is made
    /// again as the first screening made it (<see cref="MatchOf"/>), in the same order, so the results are the same either way. Names longer than
    /// <see cref="MaxLength"/> characters and mentions in text (titles) are not kept, as they are seldom repeated word for word.
    /// The names are kept in two halves of <see cref="HalfNames"/>: new names (and names found in the older half) go to the
    /// recent half, and when it is full it becomes the older half and the older one is let go. So a name is kept for at least
    /// <see cref="HalfNames"/> new names after it was last found, and at most <see cref="MaxNames"/> names are kept, which bounds the
    /// memo's memory on a stream of any length (about 1 KB per name with what its matches hold). Single screenings neither
    /// read nor add to it (each would pay for its entry, and a service screening one name at a time keeps its allocation per
    /// screening small). Safe for concurrent use.</remarks>
    internal sealed class NameMatchMemo
    {
        /// <summary>The most names in one half.</summary>
        public const int HalfNames = 4_096;

        /// <summary>The most names kept.</summary>
        public const int MaxNames = 2 * HalfNames;

        /// <summary>The longest name kept, in characters.</summary>
        public const int MaxLength = 256;

        private readonly object _turnover = new();
        private Halves _halves = new(null);

        /// <summary>Gets the number of names kept in both halves (for tests; a name moved to the recent half counts twice).</summary>
        internal int Count
        {
            get
            {
                var halves = Volatile.Read(ref _halves);
                return halves.Recent.Count + (halves.Older?.Count ?? 0);
            }
        }

        /// <summary>Gets whether a name's matches may be kept: not a mention, and no longer than <see cref="MaxLength"/>.</summary>
        /// <param name="value">The name.</param>
        /// <param name="mention">Whether it is a text that mentions names.</param>
        /// <returns>Whether the memo is read and written for it.</returns>
        public static bool Keeps(string value, bool mention) => !mention && value.Length <= MaxLength;

        /// <summary>Adds the matches kept for a name, when it is kept, to a list of matches.</summary>
        /// <param name="key">The name and what its matches depend on.</param>
        /// <param name="matches">The list of matches.</param>
        /// <returns>Whether the name was kept.</returns>
        public bool TryRepeat(in NameMatchKey key, List<Match> matches)
        {
            var halves = Volatile.Read(ref _halves);
            if (!halves.Recent.TryGetValue(key, out var made))
            {
                if (halves.Older is not { } older || !older.TryGetValue(key, out made))
                {
                    return false;
                }

                // Found again: kept in the recent half, so that it outlives the older one.
                Add(halves, key, made);
            }

            for (var i = 0; i < made.Length; i++)
            {
                matches.Add(MatchOf(key.Field, key.Value, made[i]));
            }

            return true;
        }

        /// <summary>Keeps the matches a name found: those of a list of matches from an index on.</summary>
        /// <param name="key">The name and what its matches depend on.</param>
        /// <param name="matches">The list of matches.</param>
        /// <param name="first">The index of the name's first match in the list.</param>
        public void Remember(in NameMatchKey key, List<Match> matches, int first)
        {
            var made = matches.Count == first ? [] : new PendingExplanation[matches.Count - first];
            for (var i = 0; i < made.Length; i++)
            {
                made[i] = matches[first + i].Pending;
            }

            Add(Volatile.Read(ref _halves), key, made);
        }

        // Adds a name to the recent half; the name that fills it turns the halves over (once, whichever thread adds it).
        private void Add(Halves halves, in NameMatchKey key, PendingExplanation[] made)
        {
            if (halves.Recent.TryAdd(key, made) && Interlocked.Increment(ref halves.Count) == HalfNames)
            {
                lock (_turnover)
                {
                    if (ReferenceEquals(_halves, halves))
                    {
                        Volatile.Write(ref _halves, new Halves(halves.Recent));
                    }
                }
            }
        }

        // The recent half, the number of names added to it, and the older half (none at first).
        private sealed class Halves(ConcurrentDictionary<NameMatchKey, PendingExplanation[]>? older)
        {
            public readonly ConcurrentDictionary<NameMatchKey, PendingExplanation[]> Recent = new();
            public readonly ConcurrentDictionary<NameMatchKey, PendingExplanation[]>? Older = older;
            public int Count;
        }
    }
}
