using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VendorScreen.Sources;

namespace VendorScreen;

/// <summary>Chains source registrations onto a named VendorScreen engine.</summary>
public interface IVendorScreenBuilder
{
    /// <summary>Gets the engine name (<see cref="Options.DefaultName"/> for the default engine).</summary>
    string Name { get; }

    /// <summary>Gets the service collection.</summary>
    IServiceCollection Services { get; }
}

/// <summary>Gets engines by name.</summary>
/// <remarks>Implementations are thread-safe for concurrent use.</remarks>
public interface IScreeningEngineProvider
{
    /// <summary>Gets the engine registered under a name, creating it on first use.</summary>
    /// <param name="name">The name; <see cref="Options.DefaultName"/> for the default engine.</param>
    /// <returns>The engine.</returns>
    ScreeningEngine GetEngine(string name);
}

/// <summary>The sources registered for one named engine.</summary>
/// <remarks>A mutable options object filled during registration.</remarks>
public sealed class VendorScreenSourceOptions
{
    /// <summary>Gets the source factories.</summary>
    public IList<Func<IServiceProvider, ISanctionListSource>> Factories { get; } = [];

    /// <summary>Gets or sets the index snapshot file the engine screens against (see
    /// <see cref="VendorScreenServiceCollectionExtensions.UseIndexSnapshot"/>), or <see langword="null"/> for none.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? IndexSnapshot { get; set; }
}

/// <summary>Registers VendorScreen with a service collection: per engine name, the engine (<see cref="IScreeningEngine"/>) and its
/// loader (<see cref="IScreeningDatasetLoader"/>, also as <see cref="IScreeningDatasetProvider"/>), keyed by the name and, for the
/// default engine, also without a key.</summary>
public static class VendorScreenServiceCollectionExtensions
{
    /// <summary>Registers the default engine with default options.</summary>
    /// <param name="services">The services.</param>
    /// <returns>A builder to add sources.</returns>
    public static IVendorScreenBuilder AddVendorScreen(this IServiceCollection services)
        => services.AddVendorScreen(Options.DefaultName, static _ => { });

    /// <summary>Registers the default engine.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options; they are validated when the host starts.</param>
    /// <returns>A builder to add sources.</returns>
    public static IVendorScreenBuilder AddVendorScreen(this IServiceCollection services, Action<ScreeningOptions> configure)
        => services.AddVendorScreen(Options.DefaultName, configure);

    /// <summary>Registers a named engine, resolvable as a keyed <see cref="IScreeningEngine"/> or through <see cref="IScreeningEngineProvider"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The engine name; empty for the default engine.</param>
    /// <param name="configure">Configures the options; they are validated when the host starts.</param>
    /// <returns>A builder to add sources.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IVendorScreenBuilder AddVendorScreen(this IServiceCollection services, string name, Action<ScreeningOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<ScreeningOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScreeningOptions>, ScreeningOptionsValidator>());
        services.AddOptions<VendorScreenSourceOptions>(name);
        services.TryAddSingleton<IScreeningEngineProvider, ScreeningEngineProvider>();
        services.TryAddKeyedSingleton<IScreeningEngine>(name, static (sp, key) => sp.GetRequiredService<IScreeningEngineProvider>().GetEngine((string)key!));
        services.TryAddKeyedSingleton<IScreeningDatasetLoader>(name, static (sp, key) => LoaderOf(sp, (string)key!));
        services.TryAddKeyedSingleton<IScreeningDatasetProvider>(name, static (sp, key) => LoaderOf(sp, (string)key!));
        if (name.Length == 0)
        {
            services.TryAddSingleton<IScreeningEngine>(static sp => sp.GetRequiredService<IScreeningEngineProvider>().GetEngine(Options.DefaultName));
            services.TryAddSingleton<IScreeningDatasetLoader>(static sp => LoaderOf(sp, Options.DefaultName));
            services.TryAddSingleton<IScreeningDatasetProvider>(static sp => LoaderOf(sp, Options.DefaultName));
        }

        return new VendorScreenBuilder(name, services);
    }

    /// <summary>Adds a source to the engine.</summary>
    /// <param name="builder">The engine builder.</param>
    /// <param name="source">The source.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IVendorScreenBuilder AddSource(this IVendorScreenBuilder builder, ISanctionListSource source)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(source);
        return builder.AddSource(_ => source);
    }

    /// <summary>Adds a source created from the service provider (for example with an <c>IHttpClientFactory</c>).</summary>
    /// <param name="builder">The engine builder.</param>
    /// <param name="factory">Creates the source.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IVendorScreenBuilder AddSource(this IVendorScreenBuilder builder, Func<IServiceProvider, ISanctionListSource> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.Configure<VendorScreenSourceOptions>(builder.Name, o => o.Factories.Add(factory));
        return builder;
    }

    /// <summary>Screens against the sources stored in an index snapshot file (<see cref="IndexSnapshotFile"/>, written by
    /// <c>vendorscreen index build</c>) instead of the embedded default dataset, using the candidate index stored in the file, so that
    /// the engine starts without reading the lists or building its index. The file is read when the engine is created (on its first
    /// resolution); a missing, corrupt or other-version file fails that with a <see cref="SanctionListSourceException"/> naming the
    /// file. Sources added besides the file are screened too, but then the engine builds its index again over all of them.</summary>
    /// <param name="builder">The engine builder.</param>
    /// <param name="path">The index snapshot file; a second call replaces the first.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is <see langword="null"/> or blank.</exception>
    public static IVendorScreenBuilder UseIndexSnapshot(this IVendorScreenBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        builder.Services.Configure<VendorScreenSourceOptions>(builder.Name, o => o.IndexSnapshot = path);
        return builder;
    }

    /// <summary>The loader of a named engine: the engine and its loader are created together, once.</summary>
    private static IScreeningDatasetLoader LoaderOf(IServiceProvider services, string name) =>
        (IScreeningDatasetLoader)services.GetRequiredService<IScreeningEngineProvider>().GetEngine(name).Datasets;

    private sealed record VendorScreenBuilder(string Name, IServiceCollection Services) : IVendorScreenBuilder;

    private sealed class ScreeningEngineProvider(IServiceProvider services) : IScreeningEngineProvider, IDisposable
    {
        private readonly ConcurrentDictionary<string, Lazy<ScreeningEngine>> _engines = new(StringComparer.Ordinal);

        public ScreeningEngine GetEngine(string name)
        {
            ArgumentNullException.ThrowIfNull(name);
            return _engines.GetOrAdd(name, n => new Lazy<ScreeningEngine>(() => Create(n))).Value;
        }

        public void Dispose()
        {
            foreach (var engine in _engines.Values.Where(l => l.IsValueCreated))
            {
                engine.Value.Dispose();
            }
        }

        private ScreeningEngine Create(string name)
        {
            var options = services.GetRequiredService<IOptionsMonitor<ScreeningOptions>>().Get(name);
            var sources = services.GetRequiredService<IOptionsMonitor<VendorScreenSourceOptions>>().Get(name);
            var builder = new ScreeningEngineBuilder
            {
                TimeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System,
                LoggerFactory = services.GetService<ILoggerFactory>(),
                MeterFactory = services.GetService<IMeterFactory>(),
            };
            builder.Configure(o => Copy(options, o));
            if (sources.IndexSnapshot is { } indexSnapshot)
            {
                builder.AddIndexSnapshot(indexSnapshot);
            }

            foreach (var factory in sources.Factories)
            {
                builder.AddSource(factory(services));
            }

            return builder.Build();
        }

        private static void Copy(ScreeningOptions from, ScreeningOptions to)
        {
            to.MatchThreshold = from.MatchThreshold;
            to.ReviewThreshold = from.ReviewThreshold;
            to.MaxSourceAge = from.MaxSourceAge;
            to.RecentlyEndedRelationWindow = from.RecentlyEndedRelationWindow;
            to.MaxPathDepth = from.MaxPathDepth;
            to.MaxCandidates = from.MaxCandidates;
            to.MaxHits = from.MaxHits;
            to.UseDefaultDataset = from.UseDefaultDataset;
            to.MatchPartialNames = from.MatchPartialNames;
            to.CutNameLengths = from.CutNameLengths is null ? null! : [.. from.CutNameLengths];
            to.Policy = from.Policy;
            to.EnableSensitiveData = from.EnableSensitiveData;
            to.SourcesAllowedEmpty = from.SourcesAllowedEmpty is null ? null! : new HashSet<string>(from.SourcesAllowedEmpty, StringComparer.Ordinal);
            to.MaxSourceShrink = from.MaxSourceShrink;
            to.SourceStateDirectory = from.SourceStateDirectory;
        }
    }
}
