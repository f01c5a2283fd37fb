using VendorScreen.Sources;

namespace VendorScreen.Hosting;

/// <summary>A list file named in configuration. It is opened at each load, so a file that is missing when the host starts makes
/// the source unusable (and results <see cref="ScreeningDecision.Incomplete"/>) instead of stopping the host, and a file that appears
/// later is picked up by the next refresh. The snapshot carries the configured name.</summary>
internal sealed class ConfiguredPathSource(string name, string format, string path, TimeProvider timeProvider) : ISanctionListSource
{
    public string Name => name;

    public async ValueTask<ListSnapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await SourceFormats.Open(format + ":" + path, timeProvider).LoadAsync(cancellationToken).ConfigureAwait(false);
        return string.Equals(snapshot.SourceName, name, StringComparison.Ordinal) ? snapshot : snapshot with { SourceName = name };
    }
}
