using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VendorScreen.Policies;
using VendorScreen.Sources;
using VendorScreen.Sources.VendorScreenJson;

namespace VendorScreen;

/// <summary>Builds a <see cref="ScreeningEngine"/> without dependency injection.</summary>
/// <remarks>A builder is mutable and single-use: configure it on one thread, then call <see cref="Build"/> once.
/// The engine it builds is immutable and safe for concurrent use.</remarks>
public sealed class ScreeningEngineBuilder
{
    private readonly List<ISanctionListSource> _sources = [];
    private readonly ScreeningOptions _options = new();
    private ScreeningPolicy? _policy;
    private bool _used;

    /// <summary>Gets or sets the clock used for "today" and source ages.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the logger factory.</summary>
    /// <value>The default value is <see langword="null"/> (no logging).</value>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Gets or sets the meter factory that creates the <see cref="VendorScreenTelemetry.MeterName"/> meter.</summary>
    /// <value>The default value is <see langword="null"/>: one meter shared by every engine built without a factory.</value>
    public IMeterFactory? MeterFactory { get; set; }

    /// <summary>Creates an engine over the embedded default dataset with default options.</summary>
    /// <returns>The engine.</returns>
    public static ScreeningEngine CreateDefault() => new ScreeningEngineBuilder().Build();

    /// <summary>Adds a list source.</summary>
    /// <param name="source">The source.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    public ScreeningEngineBuilder AddSource(ISanctionListSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _sources.Add(source);
        return this;
    }

    /// <summary>Screens against the sources stored in an index snapshot file (<see cref="IndexSnapshotFile"/>) instead of
    /// the embedded default dataset: each stored source keeps its name, version and SHA-256. The file is read now, and its stored
    /// candidate index is used as long as the engine screens exactly these sources (a source added besides them makes the engine
    /// build its index again).</summary>
    /// <param name="path">The index snapshot file.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is <see langword="null"/> or blank.</exception>
    /// <exception cref="SanctionListSourceException">The file cannot be read or is not a usable index snapshot.</exception>
    public ScreeningEngineBuilder AddIndexSnapshot(string path)
    {
        _sources.AddRange(IndexSnapshotFile.Read(path).SnapshotSources);

        _options.UseDefaultDataset = false;
        return this;
    }

    /// <summary>Changes options.</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is <see langword="null"/>.</exception>
    public ScreeningEngineBuilder Configure(Action<ScreeningOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(_options);
        return this;
    }

    /// <summary>Uses a policy object instead of the built-in policy named by <see cref="ScreeningOptions.Policy"/>.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is <see langword="null"/>.</exception>
    public ScreeningEngineBuilder UsePolicy(ScreeningPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
        return this;
    }

    /// <summary>Validates the options and builds the engine over a new loader of the sources (<see cref="ScreeningEngine.Datasets"/>,
    /// an <see cref="IScreeningDatasetLoader"/>). Sources load on the first screening or on <see cref="ScreeningEngine.RefreshAsync"/>.</summary>
    /// <returns>The engine.</returns>
    /// <exception cref="OptionsValidationException">Options are invalid; the message lists every problem.</exception>
    /// <exception cref="InvalidOperationException">The builder was already used, or two sources share a name.</exception>
    public ScreeningEngine Build()
    {
        if (_used)
        {
            throw new InvalidOperationException("This ScreeningEngineBuilder has already built an engine; create a new builder.");
        }

        var validation = new ScreeningOptionsValidator().Validate(Options.DefaultName, _options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(ScreeningOptions), validation.Failures);
        }

        var sources = new List<ISanctionListSource>();
        if (_options.UseDefaultDataset && !_sources.Any(s => s is DefaultDatasetSource))
        {
            sources.Add(new DefaultDatasetSource());
        }

        sources.AddRange(_sources);
        var duplicate = sources.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two sources are named \"{duplicate.Key}\"; source names must be unique.");
        }

        _used = true;
        var policy = _policy ?? ScreeningPolicies.Resolve(_options.Policy);
        var options = _options.Clone();
        var loader = new Hosting.ScreeningDatasetLoader(sources, options, TimeProvider, LoggerFactory, MeterFactory);
        return new ScreeningEngine(loader, options, policy, TimeProvider, LoggerFactory, MeterFactory, ownsDatasets: true);
    }
}
