using System.Globalization;
using System.Text;
using VendorScreen.Normalization;

namespace VendorScreen.Matching;

/// <summary>The outcome of an OFAC-parity comparison.</summary>
/// <param name="Score">The score on OFAC's scale, 0 to 100, rounded to a whole number as the Sanctions List Search shows it.</param>
/// <param name="WholeString">The whole-string technique's Jaro-Winkler similarity in [0, 1] (0 when the first letters differ).</param>
/// <param name="PerToken">The name-part technique's composite similarity in [0, 1].</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
internal sealed record OfacParityComparison(int Score, double WholeString, double PerToken)
{
    /// <summary>Gets a one-line explanation: the two technique scores that the score is the higher of.</summary>
    public string Explanation => string.Create(CultureInfo.InvariantCulture, $"whole-string {WholeString:0.00}, name-part {PerToken:0.00}");
}

/// <summary>
/// The <c>ofac-sls-parity-v1</c> scorer: reproduces the name score (0 to 100) that the OFAC Sanctions List Search tool shows for a
/// query and a listed name, so that a user can tell what the official search would say about a name.
/// </summary>
/// <remarks>
/// <para>
/// OFAC describes its score in FAQ 249: Jaro-Winkler over the whole name string, and Jaro-Winkler (with Soundex) over the
/// individual name parts, combined into a composite; the tool shows the higher of the two techniques. This scorer implements:
/// </para>
/// <list type="number">
/// <item><description>Both names are folded to upper case without diacritics; apostrophes and full stops are deleted
/// (<c>O'BRIEN</c> is one part, <c>J.P.</c> becomes <c>JP</c>); every other non-alphanumeric character separates parts.</description></item>
/// <item><description>Whole string: Jaro-Winkler over the parts joined by single spaces, only when both strings begin with the
/// same letter (the tool finds no whole-string match for <c>BUSH GEORGE</c> against <c>GEORGIOU, Georgios</c> but does for
/// <c>GEORGE BUSH</c>). The Winkler prefix bonus (up to four characters, factor 0.1) is applied whatever the Jaro similarity,
/// as in the SimMetrics implementation that the tool's vintage ASP.NET stack would have used, not only above Jaro 0.7.</description></item>
/// <item><description>Name parts: query parts of two characters or fewer are ignored unless nothing else is left (the tool gives
/// <c>KIM JONG UN</c> 100 against <c>KIM, Jong Man</c>); each remaining part takes its best Jaro-Winkler similarity against any
/// part of the listed name, a part below 0.5 counts as 0, and the composite is the mean over the query parts.</description></item>
/// </list>
/// <para>
/// Soundex is not used: on the published portal scores a Soundex agreement never raised a part's score beyond its
/// Jaro-Winkler similarity. The tool does not transliterate, so a name in another script scores 0 against a Latin name.
/// Scores are close to, not identical with, the tool's; the tool's candidate pre-filter (first letter and edit distance) is not
/// reproduced, so a few pairs that the tool never shows receive a score here.
/// </para>
/// <para>The type is stateless and safe for concurrent use.</para>
/// </remarks>
internal static class OfacParityScorer
{
    /// <summary>The algorithm name and version.</summary>
    public const string Algorithm = "ofac-sls-parity-v1";

    /// <summary>The name-part similarity below which a part counts as unmatched.</summary>
    public const double PartFloor = 0.5;

    /// <summary>Query name parts of this length or shorter are ignored when longer parts exist.</summary>
    public const int ShortPartLength = 2;

    private const int WinklerPrefixLength = 4;
    private const double WinklerScale = 0.1;

    /// <summary>Compares a query name with a listed name.</summary>
    /// <param name="query">The name searched for.</param>
    /// <param name="candidate">The listed name.</param>
    /// <returns>The comparison; a score of 0 when either name has no letters or digits.</returns>
    public static OfacParityComparison Compare(string? query, string? candidate)
    {
        var q = Tokenize(query);
        var c = Tokenize(candidate);
        if (q.Count == 0 || c.Count == 0)
        {
            return new OfacParityComparison(0, 0, 0);
        }

        var whole = WholeString(q, c);
        var perToken = PerToken(q, c);
        var best = Math.Max(whole, perToken);
        return new OfacParityComparison((int)Math.Round(best * 100, MidpointRounding.AwayFromZero), whole, perToken);
    }

    /// <summary>Gets the score (0 to 100) of a query name against a listed name.</summary>
    /// <param name="query">The name searched for.</param>
    /// <param name="candidate">The listed name.</param>
    /// <returns>The score.</returns>
    public static int Score(string? query, string? candidate) => Compare(query, candidate).Score;

    /// <summary>Gets the best score (0 to 100) of a query name against any of an entity's names, as the tool scores an entry by its best alias.</summary>
    /// <param name="query">The name searched for.</param>
    /// <param name="candidateNames">The listed names of one entry.</param>
    /// <returns>The best comparison, or a score of 0 when there are no names.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidateNames"/> is <see langword="null"/>.</exception>
    public static OfacParityComparison CompareBest(string? query, IEnumerable<string> candidateNames)
    {
        ArgumentNullException.ThrowIfNull(candidateNames);
        var best = new OfacParityComparison(0, 0, 0);
        foreach (var name in candidateNames)
        {
            var comparison = Compare(query, name);
            if (comparison.Score > best.Score)
            {
                best = comparison;
            }
        }

        return best;
    }

    /// <summary>Splits a name into OFAC-style name parts: upper case, diacritics removed, apostrophes and full stops deleted.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The parts, in order.</returns>
    public static IReadOnlyList<string> Tokenize(string? name)
    {
        var parts = new List<string>();
        if (string.IsNullOrWhiteSpace(name))
        {
            return parts;
        }

        var decomposed = NameNormalizer.ReplaceLoneSurrogates(name).Normalize(NormalizationForm.FormKD);
        var current = new StringBuilder();
        foreach (var ch in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
            {
                continue;
            }

            if (char.IsLetterOrDigit(ch))
            {
                current.Append(char.ToUpperInvariant(ch));
            }
            else if (ch is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`' or '.')
            {
                // Deleted, not a separator: O'BRIEN, J.P.
            }
            else if (current.Length > 0)
            {
                parts.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            parts.Add(current.ToString());
        }

        return parts;
    }

    /// <summary>Gets the Jaro similarity of two strings.</summary>
    /// <param name="a">The first string.</param>
    /// <param name="b">The second string.</param>
    /// <returns>The similarity in [0, 1]; 0 when either string is empty.</returns>
    public static double Jaro(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 1;
        }

        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        var matchedA = new bool[a.Length];
        var matchedB = new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length, i + window + 1);
            for (var j = from; j < to; j++)
            {
                if (!matchedB[j] && a[i] == b[j])
                {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var halfTranspositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!matchedA[i])
            {
                continue;
            }

            while (!matchedB[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                halfTranspositions++;
            }

            k++;
        }

        double m = matches;
        return ((m / a.Length) + (m / b.Length) + ((m - (halfTranspositions / 2.0)) / m)) / 3.0;
    }

    /// <summary>Gets the Jaro-Winkler similarity with the prefix bonus applied unconditionally (the SimMetrics variant).</summary>
    /// <param name="a">The first string.</param>
    /// <param name="b">The second string.</param>
    /// <returns>The similarity in [0, 1].</returns>
    public static double JaroWinkler(string a, string b)
    {
        var jaro = Jaro(a, b);
        if (jaro == 0)
        {
            return 0;
        }

        var prefix = 0;
        var limit = Math.Min(WinklerPrefixLength, Math.Min(a.Length, b.Length));
        while (prefix < limit && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * WinklerScale * (1 - jaro));
    }

    private static double WholeString(IReadOnlyList<string> query, IReadOnlyList<string> candidate)
    {
        var q = string.Join(' ', query);
        var c = string.Join(' ', candidate);
        return q[0] == c[0] ? JaroWinkler(q, c) : 0;
    }

    private static double PerToken(IReadOnlyList<string> query, IReadOnlyList<string> candidate)
    {
        var kept = query.Where(t => t.Length > ShortPartLength).ToList();
        if (kept.Count == 0)
        {
            kept = [.. query];
        }

        double sum = 0;
        foreach (var part in kept)
        {
            double best = 0;
            foreach (var other in candidate)
            {
                best = Math.Max(best, JaroWinkler(part, other));
            }

            sum += best >= PartFloor ? best : 0;
        }

        return sum / kept.Count;
    }
}
