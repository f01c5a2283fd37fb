using System.Globalization;
using System.Text;
using System.Text.Json;

namespace VendorScreen.Policies;

/// <summary>A JSON policy file that is not valid: names the file, the JSON path and the problem, in one line.</summary>
public sealed class PolicyFileException : FormatException
{
    /// <summary>Initializes a new instance of the <see cref="PolicyFileException"/> class.</summary>
    /// <param name="file">The file (or resource) name.</param>
    /// <param name="path">The JSON path of the problem, such as <c>$.rules[2].when.minScore</c>.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="innerException">The parser's exception, if any.</param>
    public PolicyFileException(string file, string path, string problem, Exception? innerException = null)
        : base($"{file}: {path}: {problem}", innerException)
    {
        File = file;
        Path = path;
        Problem = problem;
    }

    /// <summary>Initializes a new instance of the <see cref="PolicyFileException"/> class.</summary>
    public PolicyFileException()
        : this("the policy file is not valid")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PolicyFileException"/> class with a message.</summary>
    /// <param name="message">The message.</param>
    public PolicyFileException(string message)
        : this(message, (Exception?)null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PolicyFileException"/> class with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PolicyFileException(string message, Exception? innerException)
        : base(message, innerException)
    {
        File = string.Empty;
        Path = "$";
        Problem = message;
    }

    /// <summary>Gets the file (or resource) name.</summary>
    public string File { get; }

    /// <summary>Gets the JSON path of the problem.</summary>
    public string Path { get; }

    /// <summary>Gets what is wrong.</summary>
    public string Problem { get; }
}

/// <summary>
/// Reads JSON policy files (format <c>vendorscreen-policy/1</c>) into a <see cref="RuleBasedPolicy"/>: a name, a built-in
/// policy it extends, and rules tried in order. Every key is checked: an unknown key, a wrong type, an unknown value or a
/// missing field stops with a <see cref="PolicyFileException"/> naming the file and JSON path. See docs/policies.md.
/// </summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
public static class PolicyFile
{
    /// <summary>The format marker a policy file starts with.</summary>
    public const string Format = "vendorscreen-policy/1";

    private static readonly string[] TopKeys = ["format", "name", "description", "extends", "rules"];
    private static readonly string[] RuleKeys = ["name", "when", "decision", "reason", "includeDropped"];
    private static readonly string[] ConditionKeys =
    [
        "lists", "listCategories", "programs", "citations", "listedOnOrAfter", "listedOnOrBefore", "fields", "minScore", "belowScore",
        "direct", "relationKinds", "relationConfidences", "minOwnershipPercent", "ownershipUnknown", "evidence", "countries",
        "asOfFrom", "asOfTo", "baseDecisions", "baseRules",
    ];

    /// <summary>Reads a policy file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="PolicyFileException">The file cannot be read or is not a valid policy.</exception>
    public static RuleBasedPolicy Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string json;
        try
        {
            json = System.IO.File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new PolicyFileException(path, "$", $"cannot read the file: {ex.Message}", ex);
        }

        return Parse(json, path);
    }

    /// <summary>Reads a policy from JSON text.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="file">The file name for messages.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="PolicyFileException">The text is not a valid policy.</exception>
    public static RuleBasedPolicy Parse(string json, string file)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(file);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new PolicyFileException(file, ex.Path ?? "$", $"not valid JSON (line {(ex.LineNumber ?? 0) + 1}): {ex.Message.Split('.')[0]}", ex);
        }

        using (document)
        {
            var reader = new Reader(file);
            var root = document.RootElement;
            reader.Object(root, "$", TopKeys);
            var format = reader.RequiredString(root, "$", "format");
            if (format != Format)
            {
                throw reader.Error("$.format", $"expected \"{Format}\", found \"{format}\"");
            }

            var name = reader.RequiredString(root, "$", "name");
            var extends = reader.OptionalString(root, "$", "extends") ?? DefaultScreeningPolicy.PolicyName;
            if (string.Equals(extends, name, StringComparison.Ordinal))
            {
                throw reader.Error("$.extends", "a policy cannot extend itself");
            }

            var basePolicy = ScreeningPolicies.FindCoded(extends)
                ?? throw reader.Error("$.extends", $"unknown policy \"{extends}\" (a policy file extends one of: {string.Join(", ", ScreeningPolicies.CodedNames)})");
            if (!root.TryGetProperty("rules", out var rulesElement))
            {
                throw reader.Error("$", "missing \"rules\" (an array of rules; it may be empty)");
            }

            if (rulesElement.ValueKind != JsonValueKind.Array)
            {
                throw reader.Error("$.rules", $"expected an array, found {Describe(rulesElement)}");
            }

            var rules = new List<PolicyRule>();
            var index = 0;
            foreach (var element in rulesElement.EnumerateArray())
            {
                var at = $"$.rules[{index++}]";
                reader.Object(element, at, RuleKeys);
                var ruleName = reader.RequiredString(element, at, "name");
                if (rules.Any(r => r.Name == ruleName))
                {
                    throw reader.Error(at + ".name", $"a rule named \"{ruleName}\" comes earlier");
                }

                var decisionText = reader.RequiredString(element, at, "decision");
                var decision = decisionText switch
                {
                    "block" => ScreeningDecision.Block,
                    "review" => ScreeningDecision.Review,
                    "clear" => ScreeningDecision.Clear,
                    _ => throw reader.Error(at + ".decision", $"unknown decision \"{decisionText}\" (expected block, review or clear)"),
                };
                if (!element.TryGetProperty("when", out var when))
                {
                    throw reader.Error(at, "missing \"when\" (an object of conditions; {} matches every hit)");
                }

                rules.Add(new PolicyRule(ruleName, reader.Condition(when, at + ".when"), decision)
                {
                    Reason = reader.OptionalString(element, at, "reason"),
                    IncludeDropped = reader.OptionalBool(element, at, "includeDropped") ?? false,
                });
            }

            return new RuleBasedPolicy(name, basePolicy, rules) { Description = reader.OptionalString(root, "$", "description") };
        }
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private sealed class Reader(string file)
    {
        public PolicyFileException Error(string path, string problem) => new(file, path, problem);

        public void Object(JsonElement element, string path, string[] keys)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Error(path, $"expected an object, found {Describe(element)}");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                if (!keys.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw Error($"{path}.{property.Name}", $"unknown key (expected one of: {string.Join(", ", keys)})");
                }

                if (!seen.Add(property.Name))
                {
                    throw Error($"{path}.{property.Name}", "the key appears twice");
                }
            }
        }

        public string RequiredString(JsonElement element, string path, string key) =>
            OptionalString(element, path, key) ?? throw Error(path, $"missing \"{key}\"");

        public string? OptionalString(JsonElement element, string path, string key)
        {
            if (!element.TryGetProperty(key, out var value))
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                throw Error($"{path}.{key}", $"expected a non-empty string, found {Describe(value)}");
            }

            return value.GetString()!.Trim();
        }

        public bool? OptionalBool(JsonElement element, string path, string key)
        {
            if (!element.TryGetProperty(key, out var value))
            {
                return null;
            }

            return value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Error($"{path}.{key}", $"expected true or false, found {Describe(value)}"),
            };
        }

        public PolicyCondition Condition(JsonElement when, string path)
        {
            Object(when, path, ConditionKeys);
            var evidence = Strings(when, path, "evidence");
            if (evidence?.FirstOrDefault(e => !PolicyCondition.EvidenceKinds.Contains(e, StringComparer.Ordinal)) is { } unknownEvidence)
            {
                throw Error($"{path}.evidence", $"unknown evidence \"{unknownEvidence}\" (expected one of: {string.Join(", ", PolicyCondition.EvidenceKinds)})");
            }

            var decisions = Enums<ScreeningDecision>(when, path, "baseDecisions");
            return new PolicyCondition
            {
                Lists = Strings(when, path, "lists"),
                ListCategories = Enums<ListCategory>(when, path, "listCategories"),
                Programs = Strings(when, path, "programs"),
                Citations = Strings(when, path, "citations"),
                ListedOnOrAfter = Date(when, path, "listedOnOrAfter"),
                ListedOnOrBefore = Date(when, path, "listedOnOrBefore"),
                Fields = Strings(when, path, "fields"),
                MinScore = Number(when, path, "minScore", 0, 1),
                BelowScore = Number(when, path, "belowScore", 0, 1),
                Direct = OptionalBool(when, path, "direct"),
                RelationKinds = Enums<RelationKind>(when, path, "relationKinds"),
                RelationConfidences = Enums<FactConfidence>(when, path, "relationConfidences"),
                MinOwnershipPercent = (decimal?)Number(when, path, "minOwnershipPercent", 0, 100),
                OwnershipUnknown = OptionalBool(when, path, "ownershipUnknown"),
                Evidence = evidence,
                Countries = Strings(when, path, "countries"),
                AsOfFrom = Date(when, path, "asOfFrom"),
                AsOfTo = Date(when, path, "asOfTo"),
                BaseDecisions = decisions,
                BaseRules = Strings(when, path, "baseRules"),
            };
        }

        private string[]? Strings(JsonElement element, string path, string key)
        {
            if (!element.TryGetProperty(key, out var value))
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
            {
                throw Error($"{path}.{key}", $"expected a non-empty array of strings, found {(value.ValueKind == JsonValueKind.Array ? "an empty array" : Describe(value))}");
            }

            var values = new List<string>();
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
                {
                    throw Error($"{path}.{key}[{i}]", $"expected a non-empty string, found {Describe(item)}");
                }

                values.Add(item.GetString()!.Trim());
                i++;
            }

            return values.ToArray();
        }

        private TEnum[]? Enums<TEnum>(JsonElement element, string path, string key)
            where TEnum : struct, Enum
        {
            if (Strings(element, path, key) is not { } names)
            {
                return null;
            }

            var known = ModelText.KebabSpellings<TEnum>();
            return names.Select((n, i) => known.TryGetValue(n, out var v)
                ? v
                : throw Error($"{path}.{key}[{i}]", $"unknown value \"{n}\" (expected one of: {string.Join(", ", known.Keys)})")).ToArray();
        }

        private double? Number(JsonElement element, string path, string key, double min, double max)
        {
            if (!element.TryGetProperty(key, out var value))
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || number < min || number > max)
            {
                throw Error($"{path}.{key}", $"expected a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, found {(value.ValueKind == JsonValueKind.Number ? value.GetRawText() : Describe(value))}");
            }

            return number;
        }

        private DateOnly? Date(JsonElement element, string path, string key)
        {
            if (OptionalString(element, path, key) is not { } text)
            {
                return null;
            }

            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw Error($"{path}.{key}", $"expected a date as yyyy-MM-dd, found \"{text}\"");
        }
    }
}
