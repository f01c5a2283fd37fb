using System.Globalization;
using Microsoft.Extensions.Configuration;
using VendorScreen.Sources;

namespace VendorScreen.Hosting;

/// <summary>One source named in configuration: a list file (<see cref="Path"/>) or a published list (<see cref="Url"/>) in a format.</summary>
internal sealed record ConfiguredSource(string Key, string Name, string Format, string? Path, Uri? Url, string? FileName, TimeSpan? Timeout, long? MaxBodyBytes);

/// <summary>Reads the <c>VendorScreen</c> configuration section: screening options, sources, refresh and health settings. Every
/// problem is reported with its configuration path, all at once; an unknown key is a problem too, so that a misspelt setting is not
/// silently ignored.</summary>
internal sealed class VendorScreenConfiguration
{
    private static readonly string[] OptionKeys =
    [
        nameof(ScreeningOptions.MatchThreshold), nameof(ScreeningOptions.ReviewThreshold), nameof(ScreeningOptions.MaxSourceAge),
        nameof(ScreeningOptions.RecentlyEndedRelationWindow), nameof(ScreeningOptions.MaxPathDepth), nameof(ScreeningOptions.MaxCandidates),
        nameof(ScreeningOptions.MaxHits), nameof(ScreeningOptions.UseDefaultDataset), nameof(ScreeningOptions.Policy),
        nameof(ScreeningOptions.EnableSensitiveData), nameof(ScreeningOptions.SourcesAllowedEmpty), nameof(ScreeningOptions.MaxSourceShrink),
        nameof(ScreeningOptions.SourceStateDirectory), nameof(ScreeningOptions.CutNameLengths),
    ];

    private static readonly string[] SectionKeys = ["Sources", "Refresh", "Health", "CacheDirectory", "IndexSnapshot"];

    private static readonly string[] SourceKeys = ["Name", "Format", "Path", "Url", "FileName", "Timeout", "MaxBodyBytes"];

    private readonly List<string> _errors = [];

    private VendorScreenConfiguration()
    {
    }

    /// <summary>Gets the problems found; empty when the section is valid.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Gets the sources.</summary>
    public List<ConfiguredSource> Sources { get; } = [];

    /// <summary>Gets the index snapshot file to screen against, or <see langword="null"/> for none.</summary>
    public string? IndexSnapshot { get; private set; }

    /// <summary>Gets the cache folder of URL sources, or <see langword="null"/> for the default.</summary>
    public string? CacheDirectory { get; private set; }

    /// <summary>Reads a section.</summary>
    public static VendorScreenConfiguration Read(IConfiguration section, ScreeningOptions options, VendorScreenRefreshOptions refresh)
    {
        var result = new VendorScreenConfiguration();
        result.ReadAll(section, options, refresh);
        return result;
    }

    private static string PathOf(IConfiguration section, string key) => section is IConfigurationSection s && s.Path.Length > 0 ? s.Path + ":" + key : key;

    private void ReadAll(IConfiguration section, ScreeningOptions options, VendorScreenRefreshOptions refresh)
    {
        foreach (var child in section.GetChildren())
        {
            if (!OptionKeys.Concat(SectionKeys).Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                _errors.Add($"{child.Path}: unknown setting; known settings: {string.Join(", ", OptionKeys.Concat(SectionKeys))}.");
            }
        }

        Double(section, nameof(ScreeningOptions.MatchThreshold), v => options.MatchThreshold = v);
        Double(section, nameof(ScreeningOptions.ReviewThreshold), v => options.ReviewThreshold = v);
        Duration(section, nameof(ScreeningOptions.MaxSourceAge), v => options.MaxSourceAge = v);
        Duration(section, nameof(ScreeningOptions.RecentlyEndedRelationWindow), v => options.RecentlyEndedRelationWindow = v);
        Integer(section, nameof(ScreeningOptions.MaxPathDepth), v => options.MaxPathDepth = v);
        Integer(section, nameof(ScreeningOptions.MaxCandidates), v => options.MaxCandidates = v);
        Integer(section, nameof(ScreeningOptions.MaxHits), v => options.MaxHits = v);
        Boolean(section, nameof(ScreeningOptions.UseDefaultDataset), v => options.UseDefaultDataset = v);
        Boolean(section, nameof(ScreeningOptions.EnableSensitiveData), v => options.EnableSensitiveData = v);
        Double(section, nameof(ScreeningOptions.MaxSourceShrink), v => options.MaxSourceShrink = v);
        if (section[nameof(ScreeningOptions.Policy)] is { } policy)
        {
            options.Policy = policy;
        }

        if (section[nameof(ScreeningOptions.SourceStateDirectory)] is { } stateDirectory)
        {
            options.SourceStateDirectory = stateDirectory;
        }

        foreach (var allowed in section.GetSection(nameof(ScreeningOptions.SourcesAllowedEmpty)).GetChildren())
        {
            if (allowed.Value is { Length: > 0 } value)
            {
                options.SourcesAllowedEmpty.Add(value);
            }
        }

        // The lengths, when given, replace the defaults: as a list of numbers, or as "none" (or empty) for no reading of cut names.
        var cutNameLengths = section.GetSection(nameof(ScreeningOptions.CutNameLengths));
        if (cutNameLengths.GetChildren().Any())
        {
            var lengths = new List<int>();
            foreach (var length in cutNameLengths.GetChildren())
            {
                if (int.TryParse(length.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    lengths.Add(value);
                }
                else
                {
                    _errors.Add($"{length.Path}: \"{length.Value}\" is not a whole number of characters.");
                }
            }

            options.CutNameLengths = lengths;
        }
        else if (cutNameLengths.Value is { } none)
        {
            if (none.Length == 0 || none.Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                options.CutNameLengths = [];
            }
            else
            {
                _errors.Add($"{cutNameLengths.Path}: \"{none}\" is not a list of lengths; give them as a list of whole numbers, or \"none\".");
            }
        }

        CacheDirectory = section["CacheDirectory"];
        if (section["IndexSnapshot"] is { } indexSnapshot)
        {
            if (string.IsNullOrWhiteSpace(indexSnapshot))
            {
                _errors.Add($"{PathOf(section, "IndexSnapshot")}: empty; give the path of an index snapshot file (vendorscreen index build -o FILE) or remove the setting.");
            }
            else
            {
                IndexSnapshot = indexSnapshot;
            }
        }

        var refreshSection = section.GetSection("Refresh");
        Known(refreshSection, ["Interval", "Jitter", "WarmUp", "WarmUpScreening", "Enabled"]);
        Duration(refreshSection, "Interval", v => refresh.Interval = v);
        Duration(refreshSection, "Jitter", v => refresh.Jitter = v);
        Boolean(refreshSection, "WarmUp", v => refresh.WarmUp = v);
        Boolean(refreshSection, "WarmUpScreening", v => refresh.WarmUpScreening = v);
        Boolean(refreshSection, "Enabled", v => refresh.Enabled = v);
        var healthSection = section.GetSection("Health");
        Known(healthSection, ["DegradedAge"]);
        Duration(healthSection, "DegradedAge", v => refresh.DegradedAge = v);
        foreach (var error in refresh.Validate())
        {
            _errors.Add(PathOf(section, error));
        }

        ReadSources(section.GetSection("Sources"));
    }

    private void ReadSources(IConfigurationSection sources)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var formats = SourceFormats.All.Select(f => f.Name).ToArray();
        foreach (var source in sources.GetChildren())
        {
            Known(source, SourceKeys);
            var format = source["Format"];
            var path = source["Path"];
            var url = source["Url"];
            if (string.IsNullOrWhiteSpace(format))
            {
                _errors.Add($"{source.Path}:Format: required; one of {string.Join(", ", formats)}.");
                continue;
            }

            if (!formats.Contains(format, StringComparer.OrdinalIgnoreCase))
            {
                _errors.Add($"{source.Path}:Format: unknown format \"{format}\"; known formats: {string.Join(", ", formats)}.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(path) == string.IsNullOrWhiteSpace(url))
            {
                _errors.Add($"{source.Path}: set exactly one of Path (a list file or folder) and Url (an https URL).");
                continue;
            }

            Uri? uri = null;
            if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out uri) || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))))
            {
                _errors.Add($"{source.Path}:Url: \"{url}\" must be an absolute https URL (plain http only for a loopback host).");
                continue;
            }

            TimeSpan? timeout = null;
            long? maxBody = null;
            Duration(source, "Timeout", v => timeout = v);
            if (source["MaxBodyBytes"] is { } body)
            {
                if (long.TryParse(body, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
                {
                    maxBody = parsed;
                }
                else
                {
                    _errors.Add($"{source.Path}:MaxBodyBytes: \"{body}\" is not a positive whole number of bytes.");
                }
            }

            var name = source["Name"] is { Length: > 0 } given
                ? given
                : path is not null ? System.IO.Path.GetFileNameWithoutExtension(System.IO.Path.TrimEndingDirectorySeparator(path)).ToLowerInvariant() : format.ToLowerInvariant();
            if (names.TryGetValue(name, out var other))
            {
                _errors.Add($"{source.Path}:Name: \"{name}\" is also the name of {other}; give each source its own Name.");
                continue;
            }

            names[name] = source.Path;
            Sources.Add(new ConfiguredSource(source.Path, name, format, path, uri, source["FileName"], timeout, maxBody));
        }
    }

    private void Known(IConfigurationSection section, string[] keys)
    {
        foreach (var child in section.GetChildren())
        {
            if (!keys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                _errors.Add($"{child.Path}: unknown setting; known settings: {string.Join(", ", keys)}.");
            }
        }
    }

    private void Double(IConfiguration section, string key, Action<double> set) =>
        Value(section, key, static (string text, out double value) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value),
            "is not a number (use a dot for decimals, for example 0.92).", set);

    private void Integer(IConfiguration section, string key, Action<int> set) =>
        Value(section, key, static (string text, out int value) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value),
            "is not a whole number.", set);

    private void Boolean(IConfiguration section, string key, Action<bool> set) =>
        Value(section, key, bool.TryParse, "is not true or false.", set);

    private void Duration(IConfiguration section, string key, Action<TimeSpan> set) =>
        Value(section, key, static (string text, out TimeSpan value) => TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value),
            "is not a duration (d.hh:mm:ss, for example 1.12:00:00 for 36 hours).", set);

    /// <summary>Sets a value from a setting that is present and parses; a setting that does not parse is reported with its path, its
    /// text and what it should be.</summary>
    private void Value<T>(IConfiguration section, string key, TryParse<T> parse, string notValid, Action<T> set)
    {
        if (section[key] is { } text)
        {
            if (parse(text, out var value))
            {
                set(value);
            }
            else
            {
                _errors.Add($"{PathOf(section, key)}: \"{text}\" {notValid}");
            }
        }
    }

    private delegate bool TryParse<T>(string text, out T value);
}
