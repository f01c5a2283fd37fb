using System.Globalization;
using System.Text.Json;

namespace VendorScreen.Sources.Remote;

/// <summary>A remote list: where it is published, which file format reads it, and the limits to fetch it with.</summary>
/// <param name="Name">The source name, lower-kebab (<c>un-sc-xml</c>).</param>
/// <param name="Format">The name of the file format registered in <see cref="SourceFormats"/> (<c>un-xml</c>, <c>ofac-csv</c>, ...).</param>
/// <param name="Url">The URL, or <see langword="null"/> when it must be configured (the EU list needs a personal token).</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record RemoteListDefinition(string Name, string Format, Uri? Url)
{
    /// <summary>Gets a one-line description.</summary>
    /// <value>The default value is empty.</value>
    public string Description { get; init; } = string.Empty;

    /// <summary>Gets the name of the main file in the cache folder.</summary>
    /// <value>The default value is <see langword="null"/>: derived from the URL.</value>
    public string? FileName { get; init; }

    /// <summary>Gets further files of the list (OFAC's address, alias and comment files).</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<RemoteFile> AdditionalFiles { get; init; } = [];

    /// <summary>Gets the accepted media types; empty for any.</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<string> ExpectedContentTypes { get; init; } = [];

    /// <summary>Gets how to obtain the URL when <see cref="Url"/> is <see langword="null"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? UrlHint { get; init; }

    /// <summary>Gets the timeout of one attempt, or <see langword="null"/> for <see cref="HttpSanctionListSourceOptions.DefaultTimeout"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Gets the number of retries, or <see langword="null"/> for the default of <see cref="HttpSanctionListSourceOptions.MaxRetries"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public int? MaxRetries { get; init; }

    /// <summary>Gets the largest body accepted, or <see langword="null"/> for <see cref="HttpSanctionListSourceOptions.DefaultMaxBodyBytes"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public long? MaxBodyBytes { get; init; }

    /// <summary>Creates the options of a source for this list.</summary>
    /// <param name="cacheDirectory">The cache folder (the list gets the sub-folder <see cref="Name"/>).</param>
    /// <returns>The options; change them further with a <c>with</c> expression.</returns>
    /// <exception cref="ArgumentException"><paramref name="cacheDirectory"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The list has no URL.</exception>
    public HttpSanctionListSourceOptions ToOptions(string cacheDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cacheDirectory);
        if (Url is null)
        {
            throw new InvalidOperationException($"The remote list \"{Name}\" has no URL; configure one. {UrlHint}".TrimEnd());
        }

        var options = new HttpSanctionListSourceOptions(Name, Url)
        {
            Format = Format,
            FileName = FileName,
            AdditionalFiles = AdditionalFiles,
            ExpectedContentTypes = ExpectedContentTypes,
            CacheDirectory = cacheDirectory,
        };
        return options with
        {
            Timeout = Timeout ?? options.Timeout,
            MaxRetries = MaxRetries ?? options.MaxRetries,
            MaxBodyBytes = MaxBodyBytes ?? options.MaxBodyBytes,
        };
    }

    /// <summary>Creates a source for this list.</summary>
    /// <param name="httpClient">The client to fetch with.</param>
    /// <param name="cacheDirectory">The cache folder.</param>
    /// <returns>The source (not yet loaded).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The list has no URL.</exception>
    public HttpSanctionListSource CreateSource(HttpClient httpClient, string cacheDirectory)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        return new HttpSanctionListSource(httpClient, ToOptions(cacheDirectory));
    }
}

/// <summary>The official remote lists (see <c>docs/remote-sources.md</c>), and the JSON configuration that adds to or changes them.</summary>
/// <remarks>
/// The type is stateless and safe for concurrent use. Publishers move their files from time to time; every URL here can be
/// replaced through a configuration file. The formats are looked up by name in <see cref="SourceFormats"/> when a list is read.
/// </remarks>
public static class RemoteListCatalog
{
    /// <summary>The OFAC Sanctions List Service export folder.</summary>
    public const string OfacExports = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/";

    private static readonly string[] CsvTypes = ["text/csv", "text/plain", "application/csv", "application/vnd.ms-excel", "application/octet-stream", "binary/octet-stream"];
    private static readonly string[] XmlTypes = ["application/xml", "text/xml", "text/plain", "application/octet-stream", "binary/octet-stream"];
    private static readonly string[] JsonTypes = ["application/json", "text/json", "text/plain", "application/octet-stream", "binary/octet-stream"];

    /// <summary>Gets every list in the catalog.</summary>
    public static IReadOnlyList<RemoteListDefinition> All { get; } =
    [
        Ofac("ofac-sdn-csv", "ofac-csv", "OFAC SDN list, legacy CSV (sdn, add, alt, comments)", "SDN.CSV", "ADD.CSV", "ALT.CSV", "SDN_COMMENTS.CSV"),
        Ofac("ofac-cons-csv", "ofac-csv", "OFAC Consolidated (non-SDN) lists, legacy CSV", "CONS_PRIM.CSV", "CONS_ADD.CSV", "CONS_ALT.CSV", "CONS_COMMENTS.CSV"),
        Ofac("ofac-sdn-xml", "ofac-xml", "OFAC SDN list, XML", "SDN.XML"),
        Ofac("ofac-cons-xml", "ofac-xml", "OFAC Consolidated (non-SDN) lists, XML", "CONSOLIDATED.XML"),
        SingleFile("us-csl-csv", "csl-csv", "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv", "US Consolidated Screening List (trade.gov), CSV", CsvTypes),
        SingleFile("us-csl-json", "csl-json", "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json", "US Consolidated Screening List (trade.gov), JSON", JsonTypes),
        SingleFile("un-sc-xml", "un-xml", "https://scsanctions.un.org/resources/xml/en/consolidated.xml", "UN Security Council Consolidated List, XML", XmlTypes),
        SingleFile("uk-sanctions-csv", "uk-fcdo-csv", "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv", "UK Sanctions List (FCDO), CSV", CsvTypes),
        new("eu-fsf-xml", "eu-xml", null)
        {
            Description = "EU Financial Sanctions Files (FSF), XML 1.1",
            FileName = "eu-fsf.xml",
            ExpectedContentTypes = XmlTypes,
            UrlHint = "Get a token from the EU Financial Sanctions Files page and configure the URL "
                + "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=<TOKEN>.",
        },
    ];

    /// <summary>Finds a list by name (case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The list, or <see langword="null"/>.</returns>
    public static RemoteListDefinition? Find(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Gets the default cache folder: <c>$XDG_CACHE_HOME/vendorscreen</c>, or <c>~/.cache/vendorscreen</c>.</summary>
    /// <returns>The folder path (not created).</returns>
    public static string DefaultCacheDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathFullyQualified(xdg))
        {
            return Path.Combine(xdg, "vendorscreen");
        }

        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "vendorscreen");
    }

    /// <summary>Reads a list configuration file (see <see cref="ReadConfiguration"/>).</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The lists, in file order.</returns>
    /// <exception cref="FormatException">The file is not a valid configuration; the message names the file and every problem.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<RemoteListDefinition> LoadConfiguration(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ReadConfiguration(File.ReadAllBytes(path), path);
    }

    /// <summary>
    /// Reads a list configuration: <c>{"lists": [ ... ]}</c> or a bare array. Each entry has a <c>name</c>, and <c>url</c>,
    /// <c>format</c>, <c>fileName</c>, <c>files</c> (<c>[{"fileName", "url"}]</c>), <c>contentTypes</c>, <c>timeoutSeconds</c>,
    /// <c>maxRetries</c> and <c>maxBytes</c>. An entry whose name is in the catalog starts from the catalog entry, so
    /// <c>{"name": "eu-fsf-xml", "url": "..."}</c> only sets the URL; any other entry needs <c>url</c> and <c>format</c>.
    /// </summary>
    /// <param name="utf8Json">The configuration.</param>
    /// <param name="location">The file name, used in messages.</param>
    /// <returns>The lists, in order.</returns>
    /// <exception cref="FormatException">The configuration is not valid; the message lists every problem.</exception>
    public static IReadOnlyList<RemoteListDefinition> ReadConfiguration(ReadOnlySpan<byte> utf8Json, string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{location}: not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            var array = root.ValueKind == JsonValueKind.Array ? root
                : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("lists", out var lists) && lists.ValueKind == JsonValueKind.Array ? lists
                : throw new FormatException($"{location}: expected an object with a \"lists\" array, or an array");
            var errors = new List<string>();
            var result = new List<RemoteListDefinition>();
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                var where = string.Create(CultureInfo.InvariantCulture, $"{location}: lists[{index++}]");
                if (ReadEntry(item, where, errors) is { } definition)
                {
                    if (result.Exists(d => string.Equals(d.Name, definition.Name, StringComparison.OrdinalIgnoreCase)))
                    {
                        errors.Add($"{where}: the name \"{definition.Name}\" is used twice");
                    }

                    result.Add(definition);
                }
            }

            if (errors.Count > 0)
            {
                throw new FormatException(string.Join(Environment.NewLine, errors));
            }

            return result;
        }
    }

    private static RemoteListDefinition? ReadEntry(JsonElement item, string where, List<string> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{where}: expected an object");
            return null;
        }

        var count = errors.Count;
        var name = GetString(item, "name", where, errors);
        if (!HttpSanctionListSourceOptions.IsValidFileName(name))
        {
            errors.Add($"{where}: \"name\" is missing or not usable as a folder name");
            return null;
        }

        var known = Find(name!);
        var format = GetString(item, "format", where, errors) ?? known?.Format;
        var url = GetUrl(item, "url", where, errors) ?? known?.Url;
        if (format is null)
        {
            errors.Add($"{where} ({name}): \"format\" is missing and \"{name}\" is not in the catalog");
        }

        if (url is null && known is null)
        {
            errors.Add($"{where} ({name}): \"url\" is missing and \"{name}\" is not in the catalog");
        }

        var files = known?.AdditionalFiles ?? [];
        if (item.TryGetProperty("files", out var filesElement))
        {
            if (filesElement.ValueKind != JsonValueKind.Array)
            {
                errors.Add($"{where}: \"files\" must be an array");
            }
            else
            {
                var list = new List<RemoteFile>();
                foreach (var f in filesElement.EnumerateArray())
                {
                    var fileName = f.ValueKind == JsonValueKind.Object ? GetString(f, "fileName", where, errors) : null;
                    var fileUrl = f.ValueKind == JsonValueKind.Object ? GetUrl(f, "url", where, errors) : null;
                    if (fileName is null || fileUrl is null)
                    {
                        errors.Add($"{where}: every \"files\" entry needs \"fileName\" and \"url\"");
                    }
                    else
                    {
                        list.Add(new RemoteFile(fileName, fileUrl));
                    }
                }

                files = list;
            }
        }

        IReadOnlyList<string> contentTypes = known?.ExpectedContentTypes ?? [];
        if (item.TryGetProperty("contentTypes", out var types))
        {
            if (types.ValueKind != JsonValueKind.Array || types.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String))
            {
                errors.Add($"{where}: \"contentTypes\" must be an array of strings");
            }
            else
            {
                contentTypes = types.EnumerateArray().Select(t => t.GetString()!).ToArray();
            }
        }

        var timeout = GetNumber(item, "timeoutSeconds", where, errors) is { } seconds ? TimeSpan.FromSeconds(seconds) : known?.Timeout;
        var retries = GetNumber(item, "maxRetries", where, errors) is { } r ? (int)r : known?.MaxRetries;
        var maxBytes = GetNumber(item, "maxBytes", where, errors) is { } b ? (long)b : known?.MaxBodyBytes;
        if (errors.Count > count)
        {
            return null;
        }

        return new RemoteListDefinition(name!, format!, url)
        {
            Description = GetString(item, "description", where, errors) ?? known?.Description ?? string.Empty,
            FileName = GetString(item, "fileName", where, errors) ?? known?.FileName,
            AdditionalFiles = files,
            ExpectedContentTypes = contentTypes,
            UrlHint = known?.UrlHint,
            Timeout = timeout,
            MaxRetries = retries,
            MaxBodyBytes = maxBytes,
        };
    }

    private static string? GetString(JsonElement item, string property, string where, List<string> errors)
    {
        if (!item.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            errors.Add($"{where}: \"{property}\" must be a non-empty string");
            return null;
        }

        return value.GetString();
    }

    private static Uri? GetUrl(JsonElement item, string property, string where, List<string> errors)
    {
        var text = GetString(item, property, where, errors);
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{where}: \"{property}\" must be an absolute http(s) URL");
            return null;
        }

        return url;
    }

    private static double? GetNumber(JsonElement item, string property, string where, List<string> errors)
    {
        if (!item.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || number < 0)
        {
            errors.Add($"{where}: \"{property}\" must be a non-negative number");
            return null;
        }

        return number;
    }

    private static RemoteListDefinition SingleFile(string name, string format, string url, string description, string[] contentTypes) =>
        new(name, format, new Uri(url))
        {
            Description = description,
            ExpectedContentTypes = contentTypes,
        };

    private static RemoteListDefinition Ofac(string name, string format, string description, string mainFile, params string[] otherFiles) =>
        new(name, format, new Uri(OfacExports + mainFile))
        {
            Description = description,
            FileName = mainFile.ToLowerInvariant(),
            AdditionalFiles = otherFiles.Select(f => new RemoteFile(f.ToLowerInvariant(), new Uri(OfacExports + f))).ToArray(),
            ExpectedContentTypes = format == "ofac-xml" ? XmlTypes : CsvTypes,
        };
}
