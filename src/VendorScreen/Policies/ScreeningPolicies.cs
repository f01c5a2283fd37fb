namespace VendorScreen.Policies;

/// <summary>Finds built-in policies by name, and policy files by path.</summary>
/// <remarks>
/// Built in: <c>default</c>, <c>federal-contractor</c>, <c>sanctions-only</c> (written in code) and <c>marketplace-listing</c>,
/// <c>human-rights-due-diligence</c> (policy files shipped in the package, in the same format users write). The type is
/// stateless and safe for concurrent use.
/// </remarks>
public static class ScreeningPolicies
{
    private const string ResourcePrefix = "VendorScreen.Policies.";

    /// <summary>The built-in policies written as policy files.</summary>
    private static readonly string[] FileNames = ["marketplace-listing", "human-rights-due-diligence"];

    /// <summary>The built-in policy files, each read from the package once (a <see cref="RuleBasedPolicy"/> is immutable).</summary>
    private static readonly Dictionary<string, Lazy<RuleBasedPolicy>> BuiltInFiles =
        FileNames.ToDictionary(n => n, n => new Lazy<RuleBasedPolicy>(() => LoadBuiltIn(n)), StringComparer.Ordinal);

    /// <summary>Gets the names of the built-in policies.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [DefaultScreeningPolicy.PolicyName, FederalContractorPolicy.PolicyName, SanctionsOnlyPolicy.PolicyName, .. FileNames];

    /// <summary>Gets the names of the built-in policies written in code, which a policy file may extend.</summary>
    internal static IReadOnlyList<string> CodedNames { get; } = [DefaultScreeningPolicy.PolicyName, FederalContractorPolicy.PolicyName, SanctionsOnlyPolicy.PolicyName];

    /// <summary>Gets a built-in policy by name.</summary>
    /// <param name="name">The policy name.</param>
    /// <returns>The policy, or <see langword="null"/> when no built-in policy has that name.</returns>
    public static ScreeningPolicy? Find(string? name) =>
        FindCoded(name) ?? (name is not null && BuiltInFiles.TryGetValue(name, out var file) ? file.Value : null);

    /// <summary>Gets a built-in policy by name, or reads a policy file when the value ends with <c>.json</c>.</summary>
    /// <param name="nameOrFile">A built-in policy name, or the path of a JSON policy file.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="PolicyFileException">The policy file cannot be read or is not valid.</exception>
    /// <exception cref="ArgumentException">The name is neither a built-in policy nor a <c>.json</c> file.</exception>
    public static ScreeningPolicy Resolve(string nameOrFile)
    {
        ArgumentNullException.ThrowIfNull(nameOrFile);
        if (IsFile(nameOrFile))
        {
            return PolicyFile.Load(nameOrFile);
        }

        return Find(nameOrFile)
            ?? throw new ArgumentException($"unknown policy \"{nameOrFile}\" (expected one of {string.Join(", ", Names)}, or a policy file ending in .json)", nameof(nameOrFile));
    }

    /// <summary>Gets whether a policy value names a policy file rather than a built-in policy.</summary>
    /// <param name="nameOrFile">The value.</param>
    /// <returns><see langword="true"/> when it ends with <c>.json</c>.</returns>
    public static bool IsFile(string? nameOrFile) => nameOrFile is not null && nameOrFile.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets a built-in policy written in code.</summary>
    internal static ScreeningPolicy? FindCoded(string? name) => name switch
    {
        null or "" or DefaultScreeningPolicy.PolicyName => new DefaultScreeningPolicy(),
        FederalContractorPolicy.PolicyName => new FederalContractorPolicy(),
        SanctionsOnlyPolicy.PolicyName => new SanctionsOnlyPolicy(),
        _ => null,
    };

    private static RuleBasedPolicy LoadBuiltIn(string name)
    {
        var resource = ResourcePrefix + name + ".json";
        using var stream = typeof(ScreeningPolicies).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the built-in policy {resource} is missing from the package");
        using var reader = new StreamReader(stream);
        return PolicyFile.Parse(reader.ReadToEnd(), resource);
    }
}
