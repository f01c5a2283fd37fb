using System.Collections.Concurrent;
using VendorScreen.Matching;

namespace VendorScreen.Screening;

// The matches of names that a batch or stream has already screened: supplier files and product feeds name the same party, brand
// or seller on many rows, and each such name is looked up and scored once per dataset generation.
internal static partial class Screener
{
    /// <summary>What a name match found (all of <see cref="Match"/> but the field and the query), kept to be found again.</summary>
    internal readonly record struct MatchCopy(Entity Entity, string MatchedName, NameKind? NameKind, FactConfidence Confidence, double Score, double NameScore,
        IReadOnlyList<FeatureScore>? Features, PendingExplanation Pending, bool HasPending, bool ExactIdentifier, bool ProductIdentifier, string? Scheme,
        bool Mention, bool AccessoryMention, bool Contained, bool Partial, EntityIdentifier? Identifier, string? EvidenceKind, int EntityIndex);

    /// <summary>What the matches of a name depend on besides the dataset generation: the field (which each match names), the name
    /// as written, whether partial names are matched, the options the look-up and scoring read, and a party's date of birth and
    /// country, which qualify its name matches.</summary>
    internal readonly record struct NameMatchKey(string Field, string Value, bool PartialNames, string Algorithm, int MaxCandidates, double ReviewThreshold,
        double MatchThreshold, FactDate? DateOfBirth, string? Country, string? UnrecognisedCountry);

    /// <summary>The matches of the names screened so far in batches and streams against one dataset generation (held by its
    /// <see cref="EngineState"/>, so that a new generation starts with none), each name's in the order it found them.</summary>
    /// <remarks>A name screened again in a batch or stream reads its matches from here instead of being looked up and scored: the
    /// same matches in the same order, each a match of its own, so the results are the same either way. Names longer than
    /// <see cref="MaxLength"/> characters and mentions in text (titles) are not kept, as they are seldom repeated word for word.
    /// At most <see cref="MaxNames"/> names are kept; the next one starts the memo over, which bounds its memory on a stream of any
    /// length. Single screenings neither read nor add to it (each would pay for its entry, and a service screening one name at a
    /// time keeps its allocation per screening small). Safe for concurrent use.</remarks>
    internal sealed class NameMatchMemo
    {
        /// <summary>The most names kept.</summary>
        public const int MaxNames = 32_768;

        /// <summary>The longest name kept, in characters.</summary>
        public const int MaxLength = 256;

        private readonly ConcurrentDictionary<NameMatchKey, MatchCopy[]> _names = new();
        private int _count;

        /// <summary>Gets the number of names kept (for tests).</summary>
        internal int Count => _names.Count;

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
            if (!_names.TryGetValue(key, out var copies))
            {
                return false;
            }

            for (var i = 0; i < copies.Length; i++)
            {
                matches.Add(Match.Rent(copies[i], key.Field, key.Value));
            }

            return true;
        }

        /// <summary>Keeps the matches a name found: those of a list of matches from an index on.</summary>
        /// <param name="key">The name and what its matches depend on.</param>
        /// <param name="matches">The list of matches.</param>
        /// <param name="first">The index of the name's first match in the list.</param>
        public void Remember(in NameMatchKey key, List<Match> matches, int first)
        {
            var copies = matches.Count == first ? [] : new MatchCopy[matches.Count - first];
            for (var i = 0; i < copies.Length; i++)
            {
                copies[i] = matches[first + i].Copy();
            }

            if (Volatile.Read(ref _count) >= MaxNames)
            {
                // Starts over: another thread adding at the same time may keep its name in the new memo or lose it, either of which
                // only costs a screening later.
                _names.Clear();
                Interlocked.Exchange(ref _count, 0);
            }

            // Counted only when added: two threads screening the same name at once keep it once.
            if (_names.TryAdd(key, copies))
            {
                Interlocked.Increment(ref _count);
            }
        }
    }
}
