using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using VendorScreen.Normalization;

namespace VendorScreen.Screening;

/// <summary>
/// What kind of product a request is about: the categories (<see cref="ProductCategories"/>) given in
/// <see cref="ProductScreeningRequest.Category"/> or read from the words of its title and other fields. Scoped facts
/// (<see cref="Relation.Scope"/>, <see cref="EntityIdentifier.Scope"/>) and weak identifiers apply only within these categories.
/// </summary>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
internal sealed partial class ProductContext
{
    // Words (after folding to lower case) that name a category. Two-word entries are matched on adjacent words.
    private static readonly (string Words, string Category)[] Vocabulary =
    [
        ("camera", ProductCategories.VideoSurveillance), ("cameras", ProductCategories.VideoSurveillance), ("cam", ProductCategories.VideoSurveillance),
        ("cams", ProductCategories.VideoSurveillance), ("webcam", ProductCategories.VideoSurveillance), ("cctv", ProductCategories.VideoSurveillance),
        ("nvr", ProductCategories.VideoSurveillance), ("dvr", ProductCategories.VideoSurveillance), ("xvr", ProductCategories.VideoSurveillance),
        ("hvr", ProductCategories.VideoSurveillance), ("doorbell", ProductCategories.VideoSurveillance), ("ptz", ProductCategories.VideoSurveillance),
        ("surveillance", ProductCategories.VideoSurveillance), ("ipc", ProductCategories.VideoSurveillance), ("intercom", ProductCategories.VideoSurveillance),
        ("video recorder", ProductCategories.VideoSurveillance), ("security camera", ProductCategories.VideoSurveillance), ("ip camera", ProductCategories.VideoSurveillance), ("security system", ProductCategories.VideoSurveillance),
        ("door station", ProductCategories.VideoSurveillance), ("indoor monitor", ProductCategories.VideoSurveillance),
        ("baby monitor", ProductCategories.VideoSurveillance), ("dashcam", ProductCategories.VideoSurveillance),
        ("router", ProductCategories.Telecom), ("routers", ProductCategories.Telecom), ("modem", ProductCategories.Telecom), ("hotspot", ProductCategories.Telecom),
        ("mifi", ProductCategories.Telecom), ("smartphone", ProductCategories.Telecom), ("phone", ProductCategories.Telecom),
        ("cellphone", ProductCategories.Telecom), ("lte", ProductCategories.Telecom), ("4g", ProductCategories.Telecom), ("5g", ProductCategories.Telecom),
        ("onu", ProductCategories.Telecom), ("ont", ProductCategories.Telecom), ("gpon", ProductCategories.Telecom), ("telecom", ProductCategories.Telecom),
        ("telecommunications", ProductCategories.Telecom), ("base station", ProductCategories.Telecom), ("access point", ProductCategories.Telecom),
        ("radio", ProductCategories.Radio), ("radios", ProductCategories.Radio), ("walkie", ProductCategories.Radio), ("transceiver", ProductCategories.Radio),
        ("dmr", ProductCategories.Radio), ("tetra", ProductCategories.Radio), ("repeater", ProductCategories.Radio), ("two way", ProductCategories.Radio),
        ("drone", ProductCategories.Drones), ("drones", ProductCategories.Drones), ("quadcopter", ProductCategories.Drones), ("uav", ProductCategories.Drones),
        ("uas", ProductCategories.Drones), ("fpv", ProductCategories.Drones),
    ];

    // "Camera" alone also names photo, film and thermal-imaging cameras: it reads as video surveillance only when no word of these
    // says otherwise (a surveillance word such as NVR or CCTV still counts).
    private static readonly string[] GenericVideoWords = ["camera", "cameras", "cam", "cams", "webcam", "dashcam"];
    private static readonly string[] PhotoWords = ["dslr", "mirrorless", "camcorder", "digital camera", "camera body", "action camera", "instant camera", "film camera", "point and shoot", "photography", "thermal"];

    // Han-script words: matched as substrings (no spaces between words).
    private static readonly (string Text, string Category)[] HanVocabulary =
    [
        ("摄像", ProductCategories.VideoSurveillance), ("攝像", ProductCategories.VideoSurveillance), ("监控", ProductCategories.VideoSurveillance),
        ("監控", ProductCategories.VideoSurveillance), ("录像机", ProductCategories.VideoSurveillance), ("錄影機", ProductCategories.VideoSurveillance),
        ("網路攝影機", ProductCategories.VideoSurveillance), ("网络摄影机", ProductCategories.VideoSurveillance), ("監視攝影機", ProductCategories.VideoSurveillance),
        ("路由器", ProductCategories.Telecom), ("手机", ProductCategories.Telecom), ("手機", ProductCategories.Telecom),
        ("对讲机", ProductCategories.Radio), ("對講機", ProductCategories.Radio), ("无人机", ProductCategories.Drones), ("無人機", ProductCategories.Drones),
    ];

    private static readonly char[] TokenSeparators = [' ', '\t', '\r', '\n', ',', ';', ':', '(', ')', '[', ']', '{', '}', '|', '/', '\\', '"', '\'', '!', '?', '+', '*', '，', '、', '（', '）', '【', '】'];

    private ProductContext(IReadOnlyList<string> categories, bool known, string? explanation)
    {
        Categories = categories;
        IsKnown = known;
        Explanation = explanation;
        CategoryBits = BitsOf(categories);
    }

    /// <summary>Gets the context of a request with no product category: a party, or a product whose title and fields name none.</summary>
    public static ProductContext Unknown { get; } = new([], false, null);

    /// <summary>Gets the categories the product is read as; empty when none is known or the given category names none.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>Gets whether the product's category is known: given by the caller, or read from its text.</summary>
    public bool IsKnown { get; }

    /// <summary>Gets how the categories were found, for explanations.</summary>
    public string? Explanation { get; }

    /// <summary>Reads the context of a request: the given category, else the categories named by the title and fields.</summary>
    public static ProductContext For(ScreeningRequest request)
    {
        if (request is not ProductScreeningRequest product)
        {
            return Unknown;
        }

        if (!string.IsNullOrWhiteSpace(product.Category))
        {
            var given = product.Category.Trim();
            if (ProductCategories.IsKnown(given))
            {
                return new([given], true, $"in {given} (the category given)");
            }

            var (named, words) = Read(given);
            return named.Count > 0
                ? new(named, true, $"in {string.Join(", ", named)} (the category given, \"{given}\", names {string.Join(", ", words.Select(w => $"\"{w}\""))})")
                : new([], true, $"of the category given, \"{given}\", which is none of {string.Join(", ", ProductCategories.All)}");
        }

        var text = string.Join(" \u2029 ", new[] { product.Title, product.Model, product.Brand, product.Manufacturer, product.Seller }.Where(t => !string.IsNullOrWhiteSpace(t)));
        var (categories, found) = Read(text);
        return categories.Count == 0
            ? Unknown
            : new(categories, true, $"in {string.Join(", ", categories)} (read from {string.Join(", ", found.Select(w => $"\"{w}\""))})");
    }

    /// <summary>Gets the categories the product is read as, one bit per category in the order of <see cref="ProductCategories.All"/>:
    /// what the matching of names carries, and what a batch's memo of names is keyed by.</summary>
    internal int CategoryBits { get; }

    /// <summary>Gets whether a fact with a scope applies: an empty scope always does, a scope only when a category of the product is in it.</summary>
    public bool InScope(IReadOnlyList<string> scope) => InScope(CategoryBits, scope);

    /// <summary>Gets whether a fact with a scope applies to a product of some categories (<see cref="CategoryBits"/>).</summary>
    /// <param name="categoryBits">The product's categories.</param>
    /// <param name="scope">The fact's scope.</param>
    /// <returns><see langword="true"/> when the scope is empty or holds a category of the product.</returns>
    internal static bool InScope(int categoryBits, IReadOnlyList<string> scope) => scope.Count == 0 || (BitsOf(scope) & categoryBits) != 0;

    // Categories as bits, in the order of ProductCategories.All; a text that is no category has none.
    private static int BitsOf(IReadOnlyList<string> categories)
    {
        var bits = 0;
        for (var i = 0; i < categories.Count; i++)
        {
            for (var c = 0; c < ProductCategories.All.Count; c++)
            {
                if (string.Equals(categories[i], ProductCategories.All[c], StringComparison.Ordinal))
                {
                    bits |= 1 << c;
                }
            }
        }

        return bits;
    }

    /// <summary>Gets whether an identifier counts for this product at a date: it holds at the date, and a scoped or weak identifier
    /// needs a product category in its scope (a weak one without a scope needs any known category).</summary>
    public bool Admits(EntityIdentifier identifier, DateOnly asOf)
    {
        if (!identifier.IsValidAt(asOf))
        {
            return false;
        }

        if (identifier.Scope.Count > 0)
        {
            return InScope(identifier.Scope);
        }

        return !identifier.Weak || Categories.Count > 0;
    }

    /// <summary>Gets whether every scoped relation on a path applies to this product.</summary>
    public bool Admits(IReadOnlyList<Relation> path)
    {
        for (var i = 0; i < path.Count; i++)
        {
            if (!InScope(path[i].Scope))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Gets the model-like tokens of a text: words with at least one letter and one digit, four characters or longer
    /// (<c>iDS-2CD7A46G0-IZHSYR</c>, <c>DH-XVR5108</c>), in order and without repeats.</summary>
    public static IReadOnlyList<string> ModelTokens(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var result = new List<string>();
        foreach (var raw in text.Split(TokenSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            var token = raw.Trim('.', '-', '_', '#', '~');
            if (token.Length >= 4 && token.Any(char.IsAsciiLetter) && token.Any(char.IsAsciiDigit) && !result.Contains(token, StringComparer.OrdinalIgnoreCase))
            {
                result.Add(token);
            }
        }

        return result;
    }

    /// <summary>Gets the names a brand or manufacturer field gives when it gives several, parted by slashes or bars
    /// (<c>Hikvision/EZVIZ</c>, <c>Dahua | Imou</c>), each of two letters or more; none when it gives one (<c>A/S</c>, <c>N/A</c>,
    /// whose parts are single letters, are one).</summary>
    public static IReadOnlyList<string> NamesOfAField(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.IndexOfAny(FieldSeparators) < 0)
        {
            return [];
        }

        var parts = text.Split(FieldSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && Array.TrueForAll(parts, p => p.Count(char.IsLetter) >= 2) ? parts : [];
    }

    private static readonly char[] FieldSeparators = ['/', '|'];

    /// <summary>Gets the further readings of a brand or manufacturer field, each screened besides the field as given: the field
    /// without the label a product page puts before the name (<c>Manufacturer: Hikvision</c>, <c>Made by Hikvision</c>, <c>OEM:
    /// Dahua</c>), the name before an address that follows its legal form (<c>Hangzhou Hikvision Digital Technology Co., Ltd.,
    /// No.555 Qianmo Road, ...</c>), and the names the field gives parted by slashes or bars (<see cref="NamesOfAField"/>), in
    /// that order and without repeats.</summary>
    /// <param name="text">The field's value.</param>
    /// <returns>The readings; none when the field is read only as given.</returns>
    public static IReadOnlyList<string> ReadingsOfAField(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var result = new List<string>();
        var given = text.Trim();
        void Add(string reading)
        {
            reading = reading.Trim();
            if (reading.Length > 0 && !string.Equals(reading, given, StringComparison.Ordinal) && !result.Contains(reading, StringComparer.Ordinal))
            {
                result.Add(reading);
            }
        }

        var label = NameLabel().Match(text);
        var name = label.Success && label.Length < text.Length ? text[label.Length..] : text;
        Add(name);
        if (NameBeforeAddress().Match(name) is { Success: true } address)
        {
            Add(address.Groups["name"].Value);
        }

        foreach (var part in NamesOfAField(name))
        {
            Add(part);
        }

        return result;
    }

    // The options of the patterns that read labels and FCC IDs.
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private const int TimeoutMs = 1000;

    // "Manufacturer:", "Mfr.:", "Brand:", "OEM:", "Made by", "Manufactured by", "Produced by": a label before a name.
    [GeneratedRegex(
        @"^\s*(?:(?:manufacturer|mfr\.?|mfg\.?|maker|brand|oem|odm|vendor)\s*[:#]|(?:made|manufactured|produced)\s+by\b\s*:?)\s*(?=\S)",
        Options, TimeoutMs)]
    private static partial Regex NameLabel();

    // A company's name ending in its legal form, then a comma, a semicolon or "Address" and more: the name before an address.
    [GeneratedRegex(
        @"^(?<name>.*?\b(?:Co\.?,?\s*Ltd\.?|Co\.?,?\s*Limited|Ltd\.?|Limited|Inc\.?|Corporation|Corp\.?|LLC|L\.L\.C\.|GmbH|AG|JSC|PLC|S\.A\.|B\.V\.|N\.V\.|Company))\s*(?:[,;]|\baddress\b:?)\s*\S",
        Options, TimeoutMs)]
    private static partial Regex NameBeforeAddress();

    /// <summary>Gets the FCC IDs a text gives with their label, as listings print them (<c>FCC ID: 2ADTD-DS2CD2043G2</c>, <c>FCCID
    /// SVN-IPC</c>, <c>FCC: 2AVYF-IPC-F42FX</c>), in order and without repeats. A label without "ID" only counts before an ID with a
    /// digit, so that <c>FCC: approved</c> gives none; <c>FCC certified</c> and <c>FCC Part 15</c> give none.</summary>
    /// <param name="text">The text (a listing's title).</param>
    /// <returns>The IDs as written.</returns>
    public static IReadOnlyList<string> FccIdsInText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.IndexOf("FCC", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return [];
        }

        var result = new List<string>();
        foreach (System.Text.RegularExpressions.Match m in LabelledFccId().Matches(text))
        {
            var id = m.Groups["id"].Value.TrimEnd('-', '_');
            if (!result.Contains(id, StringComparer.OrdinalIgnoreCase))
            {
                result.Add(id);
            }
        }

        return result;
    }

    /// <summary>Gets the grantee code an FCC ID starts with: three characters, the first a letter, or since May 2013 five, the
    /// first a digit (<c>2ADTD-DS2CD2043</c>), after a label (<c>FCC ID: 2ADTD-5604SD</c>, <c>FCC: ...</c>) and with separators
    /// left out. A value that holds the grantee code alone (<c>2ADTD</c>, <c>SVN</c>) names the grantee too.</summary>
    /// <param name="fccId">The FCC ID as given.</param>
    /// <returns>The grantee code in capitals, or <see langword="null"/> when the value is too short to hold one or says there is
    /// none (<c>none</c>, <c>N/A</c>).</returns>
    public static string? GranteeCodeOf(string? fccId)
    {
        var folded = Folded(fccId);
        var length = GranteeCodeLength(folded);
        return folded.Length < length || NoValue.Contains(folded) ? null : folded[..length];
    }

    /// <summary>Gets a note for an FCC ID field that holds letters or digits but too few to hold a grantee code, so that it was not
    /// screened (<see cref="ScreeningResult.Notes"/>); <see langword="null"/> for a value that holds one, an empty value, or a
    /// value that says there is none (<c>N/A</c>, <c>none</c>, <c>-</c>).</summary>
    /// <param name="fccId">The FCC ID field as given.</param>
    /// <returns>The note, or <see langword="null"/>.</returns>
    public static string? UnreadFccId(string? fccId)
    {
        var folded = Folded(fccId);
        if (folded.Length == 0 || folded.Length >= GranteeCodeLength(folded) || NoValue.Contains(folded))
        {
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"fcc_id \"{fccId!.Trim()}\" was not screened: it holds {folded.Length} letters and digits, fewer than the {GranteeCodeLength(folded)} of the grantee code an FCC ID starts with ({(char.IsAsciiDigit(folded[0]) ? "five when the first is a digit, as in codes issued since May 2013" : "three when the first is a letter")})");
    }

    // Values of an identifier field that say there is none.
    private static readonly FrozenSet<string> NoValue = new[] { "NA", "NIL", "NONE", "NULL", "TBD", "UNKNOWN" }.ToFrozenSet(StringComparer.Ordinal);

    // An FCC ID without its label, its separators and case.
    private static string Folded(string? fccId)
    {
        var folded = NameNormalizer.FoldIdentifier(fccId is null ? null : WithoutLabel(fccId));
        return folded.StartsWith("FCCID", StringComparison.Ordinal) ? folded[5..] : folded;
    }

    private static int GranteeCodeLength(string folded) => folded.Length > 0 && char.IsAsciiDigit(folded[0]) ? 5 : 3;

    /// <summary>Gets an identifier field's value without the label a form or a marketplace put before it (<c>FCC ID: 2ADTD</c>,
    /// <c>Model: DS-2CD2043G2-I</c>, <c>Model No. IPC-HFW2431S</c>, <c>P/N: ...</c>): the label's letters would otherwise be read as
    /// the identifier's first characters.</summary>
    /// <param name="value">The field's value.</param>
    /// <returns>The value after its label; the value itself when it has none, or nothing after it.</returns>
    public static string WithoutLabel(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var m = IdentifierLabel().Match(value);
        return m.Success && m.Length < value.Length ? value[m.Length..] : value;
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9])FCC[\s\-_]*ID(?:\s*(?:No\.?|number))?\s*[:#]?\s*(?<id>[A-Za-z0-9][A-Za-z0-9\-_]{2,})|(?<![A-Za-z0-9])FCC\s*[:#]\s*(?<id>[A-Za-z0-9\-_]*[0-9][A-Za-z0-9\-_]*)",
        Options, TimeoutMs)]
    private static partial Regex LabelledFccId();

    // "FCC ID:", "FCC:", "FCCID", "Model:", "Model No.", "Model number", "Item model number:", "Part No.", "P/N:": a label followed by
    // a colon, a hash or white space (after "No." or "number", or after "FCC ID").
    [GeneratedRegex(
        @"^\s*(?:FCC(?:[\s\-_]*ID)?(?:\s*(?:No\.?|number))?\s*[:#]?|(?:item\s+)?(?:model|part|p/n)(?:\s*(?:No\.?|number|#)\s*[:#]?|\s*[:#]))\s*(?=[A-Za-z0-9])",
        Options, TimeoutMs)]
    private static partial Regex IdentifierLabel();

    /// <summary>Gets the pairs of words of a text that may be one model number written with a space: a word of two to four
    /// letters followed by a word with a digit, of letters, digits and separators (<c>IPC HDW2431T</c>, <c>DS 2CD2043G2-I</c>),
    /// in order and without repeats. Whether a pair is a model of a maker is the model prefixes' to say
    /// (<see cref="Indexing.ModelPrefixPattern.MatchesSpacedWords"/>).</summary>
    public static IReadOnlyList<(string First, string Second)> SpacedModelWords(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var result = new List<(string First, string Second)>();
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < words.Length; i++)
        {
            var first = words[i];
            var second = words[i + 1].TrimEnd('.', ',', ';', ':', ')', ']', '}', '!', '?', '/');
            if (first.Length is >= 2 and <= 4 && NameNormalizer.IsAsciiLetters(first)
                && second.Length >= 2 && char.IsAsciiLetterOrDigit(second[0]) && second.Any(char.IsAsciiDigit)
                && second.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
                && !result.Contains((first, second)))
            {
                result.Add((first, second));
            }
        }

        return result;
    }

    private static (List<string> Categories, List<string> Words) Read(string text)
    {
        var categories = new List<string>();
        var found = new List<string>();
        var words = Words(text);
        var photo = PhotoWords.Any(w => Contains(words, w));
        foreach (var (entry, category) in Vocabulary)
        {
            if (photo && GenericVideoWords.Contains(entry, StringComparer.Ordinal))
            {
                continue;
            }

            if (Contains(words, entry))
            {
                Add(category, entry);
            }
        }

        foreach (var (han, category) in HanVocabulary)
        {
            if (text.Contains(han, StringComparison.Ordinal))
            {
                Add(category, han);
            }
        }

        // Keep the fixed order of ProductCategories.All.
        return (ProductCategories.All.Where(categories.Contains).ToList(), found);

        void Add(string category, string word)
        {
            if (!categories.Contains(category))
            {
                categories.Add(category);
            }

            if (!found.Contains(word))
            {
                found.Add(word);
            }
        }
    }

    // Whether the words hold an entry of one word, or of several adjacent words.
    private static bool Contains(List<string> words, string entry)
    {
        var parts = entry.Split(' ');
        for (var i = 0; i + parts.Length <= words.Count; i++)
        {
            var hit = true;
            for (var k = 0; k < parts.Length && hit; k++)
            {
                hit = string.Equals(words[i + k], parts[k], StringComparison.Ordinal);
            }

            if (hit)
            {
                return true;
            }
        }

        return false;
    }

    // Lower-case words of letters and digits; "walkie-talkie" gives "walkie" and "talkie", "Wi-Fi" gives "wi" and "fi".
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in Normalization.NameNormalizer.CompatibleForm(text))
        {
            if (char.IsLetterOrDigit(c) && c < '\u3000')
            {
                sb.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else if (sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
        }

        if (sb.Length > 0)
        {
            words.Add(sb.ToString());
        }

        return words;
    }
}
