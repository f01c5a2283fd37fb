using System.Text;

namespace VendorScreen.Indexing;

/// <summary>
/// A model-number prefix as published in a dataset (<see cref="IdentifierSchemes.ModelPrefix"/>), compiled for matching: <c>#</c>
/// stands for one digit, <c>-</c> (or <c>_</c>, <c>.</c>, a space) for a separator, letters compare case-insensitively.
/// </summary>
/// <remarks>
/// A model field is compared in folded form, letters and digits only (<c>DS2CD2143G2</c> starts with <c>DS-</c>), as a field that
/// holds a model number is one. A model-like word found in a longer text must also have the separators where the prefix has them
/// (<c>DS-7616NI</c> starts with <c>DS-7</c>, <c>DS220</c> does not start with <c>DS-</c>), unless the prefix has five letters and
/// digits or more (<c>DS2CD2043G2I</c> starts with <c>DS-2CD</c>). A model matches when it is longer than
/// the prefix, or as long when the prefix ends in a digit (<c>AD410</c> is that model). Instances are immutable and safe for
/// concurrent use.
/// </remarks>
internal sealed class ModelPrefixPattern
{
    private ModelPrefixPattern(string folded, string separated)
    {
        Folded = folded;
        Separated = separated;
        var last = folded.Length == 0 ? ' ' : folded[^1];
        MayEqual = char.IsAsciiDigit(last) || last == '#';
    }

    /// <summary>Gets the letters, digits and digit marks of the prefix, upper case.</summary>
    public string Folded { get; }

    /// <summary>Gets the prefix upper case with every separator as <c>-</c>.</summary>
    public string Separated { get; }

    private bool MayEqual { get; }

    /// <summary>Compiles a published prefix.</summary>
    public static ModelPrefixPattern Compile(string prefix)
    {
        var folded = new StringBuilder(prefix.Length);
        var separated = new StringBuilder(prefix.Length);
        foreach (var c in prefix)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '#')
            {
                folded.Append(char.ToUpperInvariant(c));
                separated.Append(char.ToUpperInvariant(c));
            }
            else if (IsSeparator(c) && separated.Length > 0 && separated[^1] != '-')
            {
                separated.Append('-');
            }
        }

        return new ModelPrefixPattern(folded.ToString(), separated.ToString());
    }

    /// <summary>Folds a model-like word for <see cref="MatchesWord"/>: upper case, every run of separators one <c>-</c>, other
    /// characters dropped.</summary>
    public static string FoldWord(string word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToUpperInvariant(c));
            }
            else if (IsSeparator(c) && sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().TrimEnd('-');
    }

    /// <summary>Gets whether a folded model field (<see cref="Normalization.NameNormalizer.FoldIdentifier"/>) starts with the prefix.</summary>
    public bool MatchesFolded(string foldedModel) => Matches(foldedModel, Folded);

    /// <summary>Gets whether a folded model-like word (<see cref="FoldWord"/>) starts with the prefix, separators included; or,
    /// for a prefix of <see cref="MinDistinctiveLength"/> letters and digits or more (<c>DS-2CD</c>, <c>IPC-HFW</c>), without
    /// them, as marketplace listings write models (<c>DS2CD2043G2I</c>).</summary>
    public bool MatchesWord(string foldedWord) =>
        Matches(foldedWord, Separated) || (Folded.Length >= MinDistinctiveLength && MatchesWithoutSeparators(foldedWord));

    /// <summary>Gets whether a model number written in a text as two words (<c>IPC HDW2431T</c>, <c>DS 2CD2043G2-I</c>), folded
    /// with the space as a separator (<see cref="FoldWord"/> of <c>IPC-HDW2431T</c>), starts with the prefix, which must have a
    /// separator where the space is and go on past it (<c>IPC-HDW</c>, <c>DS-2CD</c>, <c>DH-XVR</c>): two letters and a word of
    /// digits (<c>DS 220</c>, <c>LC 1080P</c>) say nothing of a maker.</summary>
    /// <param name="foldedWords">The two words folded as one.</param>
    /// <param name="space">The length of the first word, folded: where the space is.</param>
    public bool MatchesSpacedWords(string foldedWords, int space) =>
        Separated.Length > space + 1 && Separated[space] == '-' && Matches(foldedWords, Separated);

    /// <summary>The fewest letters and digits of a prefix that a word in a text matches without its separators: <c>DS-</c>
    /// needs them (<c>DS220</c> is another maker's), <c>DS-2CD</c> does not.</summary>
    public const int MinDistinctiveLength = 5;

    // Whether a folded word read without its separators starts with the prefix's letters and digits.
    private bool MatchesWithoutSeparators(string foldedWord)
    {
        if (foldedWord.Length < Folded.Length)
        {
            return false;
        }

        Span<char> plain = foldedWord.Length <= 256 ? stackalloc char[foldedWord.Length] : new char[foldedWord.Length];
        var length = 0;
        foreach (var c in foldedWord)
        {
            if (c != '-')
            {
                plain[length++] = c;
            }
        }

        return Matches(plain[..length], Folded);
    }

    private bool Matches(ReadOnlySpan<char> model, string pattern)
    {
        if (pattern.Length == 0 || model.Length < pattern.Length || (model.Length == pattern.Length && !MayEqual))
        {
            return false;
        }

        for (var i = 0; i < pattern.Length; i++)
        {
            var p = pattern[i];
            var m = model[i];
            if (p == '#' ? !char.IsAsciiDigit(m) : p != m)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSeparator(char c) => c is '-' or '_' or '.' or ' ' or '\u2010' or '\u2011' or '\u2012' or '\u2013';
}
