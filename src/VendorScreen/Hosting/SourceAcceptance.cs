using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VendorScreen.Hosting;

/// <summary>
/// The rules every loaded snapshot must pass before the engine serves it, whatever its source (a local file, a remote list, a
/// host's own <see cref="Sources.ISanctionListSource"/>):
/// <list type="number">
/// <item>it holds at least one entity, unless its source is in <see cref="ScreeningOptions.SourcesAllowedEmpty"/>;</item>
/// <item>it rejected no more records than it accepted;</item>
/// <item>it has no more than <see cref="ScreeningOptions.MaxSourceShrink"/> fewer entities than the last good version of the same
/// source (the one served before in this process, or else the one recorded in the state file under
/// <see cref="ScreeningOptions.SourceStateDirectory"/>, which survives restarts).</item>
/// </list>
/// A snapshot that fails is refused like a failed load: the engine keeps the last good snapshot of the process, if any.
/// </summary>
/// <remarks>Instances are used under the engine's refresh lock only.</remarks>
internal sealed class SourceAcceptance
{
    private readonly HashSet<string> _allowedEmpty;
    private readonly double _maxShrink;
    private readonly SourceStateFile? _state;

    public SourceAcceptance(ScreeningOptions options)
    {
        _allowedEmpty = new HashSet<string>(options.SourcesAllowedEmpty ?? (IEnumerable<string>)[], StringComparer.Ordinal);
        _maxShrink = options.MaxSourceShrink;
        _state = options.SourceStateDirectory is { } dir ? new SourceStateFile(Path.Combine(dir, SourceStateFile.FileName)) : null;
    }

    /// <summary>Gets the state file, or <see langword="null"/> without persistence.</summary>
    public string? StatePath => _state?.Path;

    /// <summary>Finds why a snapshot may not be served; <see langword="null"/> when it may.</summary>
    /// <param name="candidate">The snapshot just loaded.</param>
    /// <param name="prior">The last good snapshot of the same source in this process, if any.</param>
    public string? FindProblem(ListSnapshot candidate, ListSnapshot? prior)
    {
        var entities = candidate.Entities.Count;
        var rejected = candidate.RejectedRecords.Count;
        var allowedEmpty = _allowedEmpty.Contains(candidate.SourceName);
        if (entities == 0 && !allowedEmpty)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"version {candidate.Version} holds no entity ({rejected} records rejected); a list that is meant to be empty must be named in ScreeningOptions.SourcesAllowedEmpty");
        }

        if (rejected > entities)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"version {candidate.Version} rejected {rejected} records and accepted only {entities}: more records could not be read than could");
        }

        if (entities == 0)
        {
            return null;
        }

        var (baseline, baselineVersion, where) = prior is not null
            ? (prior.Entities.Count, prior.Version, "served before")
            : _state?.Find(candidate.SourceName, candidate.Location) is { } entry
                ? (entry.Entities, entry.Version, "recorded in " + _state.Path)
                : (0, null, null);
        if (baseline > 0 && entities < baseline)
        {
            var shrink = 1 - ((double)entities / baseline);
            if (shrink > _maxShrink)
            {
                var accept = _state is null
                    ? "raise ScreeningOptions.MaxSourceShrink to accept it"
                    : $"if the list really shrank, remove its entry from {_state.Path} or raise ScreeningOptions.MaxSourceShrink to accept it";
                return string.Create(CultureInfo.InvariantCulture,
                    $"version {candidate.Version} has {entities} entities, {shrink * 100:0.0}% fewer than the {baseline} of the last good version {baselineVersion} ({where}); at most {_maxShrink * 100:0.0}% fewer allowed, so the list may be cut short; {accept}");
            }
        }

        return null;
    }

    /// <summary>Records accepted snapshots as the last good versions of their sources. A state file that cannot be read (it is
    /// then written anew) or written is reported, not fatal: the snapshots are served all the same.</summary>
    /// <returns>An error message, or <see langword="null"/>.</returns>
    public string? Remember(IReadOnlyList<ListSnapshot> accepted, DateTimeOffset now) => _state?.Update(accepted, now);
}

/// <summary>One source's last good version, as kept in the state file.</summary>
internal sealed record SourceStateEntry
{
    public string Source { get; init; } = string.Empty;

    public string? Location { get; init; }

    public string? Version { get; init; }

    public string? Sha256 { get; init; }

    public int Entities { get; init; }

    public int Rejected { get; init; }

    public DateTimeOffset AcceptedAt { get; init; }
}

/// <summary>The state file's content.</summary>
internal sealed record SourceStateDocument
{
    public const string FormatTag = "vendorscreen-source-state/1";

    public string Format { get; init; } = FormatTag;

    public List<SourceStateEntry> Sources { get; init; } = [];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SourceStateDocument))]
internal sealed partial class SourceStateJsonContext : JsonSerializerContext;

/// <summary>The small JSON file that keeps, per source name and location, the counts of the last good version. It is read again
/// at every refresh (other processes may have moved it on) and replaced in one move.</summary>
internal sealed class SourceStateFile(string path)
{
    public const string FileName = "source-state.json";

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public SourceStateEntry? Find(string source, string? location) =>
        Read(out _).Sources.FirstOrDefault(e => string.Equals(e.Source, source, StringComparison.Ordinal) && string.Equals(e.Location, location, StringComparison.Ordinal));

    public string? Update(IReadOnlyList<ListSnapshot> accepted, DateTimeOffset now)
    {
        var document = Read(out var unreadable);
        var changed = unreadable is not null;
        foreach (var snapshot in accepted)
        {
            var index = document.Sources.FindIndex(e => string.Equals(e.Source, snapshot.SourceName, StringComparison.Ordinal)
                && string.Equals(e.Location, snapshot.Location, StringComparison.Ordinal));
            var current = index >= 0 ? document.Sources[index] : null;
            if (current is not null && current.Entities == snapshot.Entities.Count && string.Equals(current.Sha256, snapshot.Sha256, StringComparison.Ordinal)
                && string.Equals(current.Version, snapshot.Version, StringComparison.Ordinal))
            {
                continue;
            }

            var entry = new SourceStateEntry
            {
                Source = snapshot.SourceName,
                Location = snapshot.Location,
                Version = snapshot.Version,
                Sha256 = snapshot.Sha256,
                Entities = snapshot.Entities.Count,
                Rejected = snapshot.RejectedRecords.Count,
                AcceptedAt = now,
            };
            if (index >= 0)
            {
                document.Sources[index] = entry;
            }
            else
            {
                document.Sources.Add(entry);
            }

            changed = true;
        }

        if (!changed)
        {
            return null;
        }

        var temp = Path + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(document, SourceStateJsonContext.Default.SourceStateDocument));
            File.Move(temp, Path, overwrite: true);
            return unreadable is null ? null : $"the source state file {Path} could not be read ({unreadable}); it was written anew, so sources had no recorded last good version to check against";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // A temporary file left behind is never read.
            }

            return $"could not write the source state file {Path}: {ex.Message}";
        }
    }

    private SourceStateDocument Read(out string? problem)
    {
        problem = null;
        try
        {
            if (!File.Exists(Path))
            {
                return new SourceStateDocument();
            }

            var document = JsonSerializer.Deserialize(File.ReadAllBytes(Path), SourceStateJsonContext.Default.SourceStateDocument);
            if (document is { Format: SourceStateDocument.FormatTag, Sources: not null })
            {
                return document with { Sources = document.Sources.Where(e => e is not null).ToList() };
            }

            problem = $"not in the {SourceStateDocument.FormatTag} format";
            return new SourceStateDocument();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            problem = ex.Message;
            return new SourceStateDocument();
        }
    }
}
