using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VendorScreen.Hosting;
using VendorScreen.Sources.Remote;

namespace VendorScreen;

/// <summary>Registers VendorScreen in a host: options and sources from configuration, background warm-up and refresh, the health
/// check, and the resilient HTTP client of URL sources.</summary>
public static partial class VendorScreenHostingExtensions
{
    /// <summary>The name of the <see cref="IHttpClientFactory"/> client that URL sources named in configuration use. It has the
    /// standard resilience handler (retries with backoff and jitter honouring <c>Retry-After</c>, attempt and total timeouts, a
    /// circuit breaker); the source's own retry loop is then off.</summary>
    public const string HttpClientName = "VendorScreen";

    /// <summary>Registers the default engine from a configuration section (usually <c>VendorScreen</c>): options, sources, the
    /// background warm-up and refresh, and the resilient HTTP client. The section is read when the host starts; a problem stops the
    /// start with a message naming every bad setting by its path.</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>A builder to add more sources.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IVendorScreenBuilder AddVendorScreen(this IServiceCollection services, IConfiguration section)
        => services.AddVendorScreen(Options.DefaultName, section);

    /// <summary>Registers a named engine from a configuration section; see <see cref="AddVendorScreen(IServiceCollection, IConfiguration)"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The engine name; empty for the default engine.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>A builder to add more sources.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IVendorScreenBuilder AddVendorScreen(this IServiceCollection services, string name, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(section);

        var builder = services.AddVendorScreen(name, options => Read(section, options, new VendorScreenRefreshOptions()));
        services.AddOptions<VendorScreenRefreshOptions>(name).Configure(refresh => Read(section, new ScreeningOptions(), refresh));
        services.AddVendorScreenHttpClient();
        services.AddOptions<VendorScreenSourceOptions>(name).Configure<IServiceProvider>((sources, provider) =>
        {
            var configuration = VendorScreenConfiguration.Read(section, new ScreeningOptions(), new VendorScreenRefreshOptions());
            if (configuration.IndexSnapshot is { } indexSnapshot)
            {
                sources.IndexSnapshot = FromContentRoot(provider, indexSnapshot);
            }

            foreach (var source in configuration.Sources)
            {
                sources.Factories.Add(sp => CreateSource(sp, configuration.CacheDirectory, source));
            }
        });
        return builder.AddBackgroundRefresh();
    }

    /// <summary>Adds the background warm-up and scheduled refresh of the engine's lists.</summary>
    /// <param name="builder">The engine builder.</param>
    /// <param name="configure">Changes the refresh settings; <see langword="null"/> to keep them.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IVendorScreenBuilder AddBackgroundRefresh(this IVendorScreenBuilder builder, Action<VendorScreenRefreshOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var name = builder.Name;
        var options = builder.Services.AddOptions<VendorScreenRefreshOptions>(name);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.Validate().Count == 0, "invalid refresh settings").ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VendorScreenRefreshOptions>, RefreshOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        if (!builder.Services.Any(d => d.ServiceType == typeof(RefreshMarker) && Equals(d.ServiceKey, name)))
        {
            builder.Services.AddKeyedSingleton<RefreshMarker>(name);
            builder.Services.AddSingleton<IHostedService>(sp => new VendorScreenRefreshService(
                name,
                sp.GetRequiredKeyedService<IScreeningDatasetLoader>(name),
                sp.GetRequiredService<IOptionsMonitor<VendorScreenRefreshOptions>>().Get(name),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetService<ILogger<VendorScreenRefreshService>>() ?? NullLogger<VendorScreenRefreshService>.Instance,
                sp.GetRequiredService<IScreeningEngineProvider>().GetEngine(name)));
        }

        return builder;
    }

    /// <summary>Adds continuous re-screening to an engine: while the host runs, each new dataset version (a refresh that changed a
    /// list) re-screens the stored supplier master (the latest request of every subject in the <see cref="IScreeningAuditStore"/>
    /// registered in the services), records every screening and calls <paramref name="onDecisionChanged"/> for each party or
    /// product whose decision changed, with the list change. Analysts' dispositions apply when an <see cref="IDispositionStore"/> is
    /// registered.</summary>
    /// <param name="builder">The engine builder.</param>
    /// <param name="onDecisionChanged">Called per changed decision, on the re-screening's thread; an exception it throws is logged.</param>
    /// <param name="user">Who the re-screenings are recorded as; <see langword="null"/> for none.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="onDecisionChanged"/> is <see langword="null"/>.</exception>
    public static IVendorScreenBuilder AddMonitor(this IVendorScreenBuilder builder, Action<DecisionChange> onDecisionChanged, string? user = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(onDecisionChanged);
        var name = builder.Name;
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IHostedService>(sp => new ScreeningMonitorService(
            () =>
            {
                var datasets = sp.GetRequiredKeyedService<IScreeningDatasetLoader>(name);
                var engine = sp.GetRequiredKeyedService<IScreeningEngine>(name);
                if (sp.GetService<IDispositionStore>() is { } dispositions)
                {
                    engine = engine.WithDispositions(dispositions, datasets, sp.GetRequiredService<TimeProvider>());
                }

                return new ScreeningMonitor(engine, sp.GetRequiredService<IScreeningAuditStore>(), datasets, user, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>());
            },
            onDecisionChanged,
            sp.GetService<ILogger<ScreeningMonitorService>>() ?? NullLogger<ScreeningMonitorService>.Instance));
        return builder;
    }

    /// <summary>Adds a health check of an engine's lists: <c>Unhealthy</c> before the first load or when a source is not usable
    /// (results are then <see cref="ScreeningDecision.Incomplete"/>), <c>Degraded</c> when a source's last refresh failed or was
    /// refused and its last good version is served, or its snapshot is older than <see cref="VendorScreenRefreshOptions.DegradedAge"/>.</summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="engineName">The engine name; empty for the default engine.</param>
    /// <param name="checkName">The name of the check.</param>
    /// <param name="tags">Tags of the check (for example <c>ready</c>).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHealthChecksBuilder AddVendorScreen(this IHealthChecksBuilder builder, string engineName = "", string checkName = "vendorscreen", IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(engineName);
        ArgumentNullException.ThrowIfNull(checkName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder.Add(new HealthCheckRegistration(
            checkName,
            sp => new VendorScreenHealthCheck(
                sp.GetRequiredKeyedService<IScreeningDatasetLoader>(engineName),
                sp.GetService<IOptionsMonitor<VendorScreenRefreshOptions>>()?.Get(engineName) ?? new VendorScreenRefreshOptions(),
                sp.GetRequiredService<TimeProvider>()),
            failureStatus: null,
            tags));
    }

    /// <summary>Registers the <see cref="HttpClientName"/> client with the standard resilience handler. List files can be large, so
    /// the attempt timeout is two minutes and the total timeout ten; <paramref name="configure"/> can change any setting.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Changes the resilience settings; <see langword="null"/> to keep them.</param>
    /// <returns>The services.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddVendorScreenHttpClient(this IServiceCollection services, Action<HttpStandardResilienceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(HttpClientMarker)))
        {
            return services;
        }

        services.AddSingleton<HttpClientMarker>();
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler(options =>
            {
                options.AttemptTimeout.Timeout = TimeSpan.FromMinutes(2);
                options.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(10);
                options.CircuitBreaker.SamplingDuration = TimeSpan.FromMinutes(5);
                options.Retry.MaxRetryAttempts = 3;
                options.Retry.UseJitter = true;
                configure?.Invoke(options);
            });
        services.AddSingleton<RetryLogger>();
        services.AddOptions<HttpStandardResilienceOptions>(HttpClientName + "-standard")
            .Configure<RetryLogger>((options, retries) =>
            {
                var previous = options.Retry.OnRetry;
                options.Retry.OnRetry = async args =>
                {
                    retries.Log(args.AttemptNumber, args.RetryDelay, args.Outcome.Result?.StatusCode, args.Outcome.Exception);
                    if (previous is not null)
                    {
                        await previous(args).ConfigureAwait(false);
                    }
                };
            });
        return services;
    }

    private static void Read(IConfiguration section, ScreeningOptions options, VendorScreenRefreshOptions refresh)
    {
        var configuration = VendorScreenConfiguration.Read(section, options, refresh);
        if (configuration.Errors.Count > 0)
        {
            throw new OptionsValidationException(
                section is IConfigurationSection s ? s.Path : "configuration", typeof(ScreeningOptions), configuration.Errors.Select(e => "VendorScreen configuration: " + e));
        }
    }

    private sealed class RefreshMarker;

    private sealed class HttpClientMarker;

    private sealed class RefreshOptionsValidator : IValidateOptions<VendorScreenRefreshOptions>
    {
        public ValidateOptionsResult Validate(string? name, VendorScreenRefreshOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }

    /// <summary>Logs each retry of the resilient client.</summary>
    private sealed partial class RetryLogger(ILoggerFactory? loggerFactory = null)
    {
        private readonly ILogger _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("VendorScreen.Http");

        public void Log(int attempt, TimeSpan delay, System.Net.HttpStatusCode? status, Exception? exception)
        {
            if (_logger.IsEnabled(LogLevel.Warning))
            {
                var reason = status is { } code ? "HTTP " + (int)code : exception?.GetType().Name ?? "unknown";
                LogRetry(_logger, attempt + 1, delay, reason);
            }
        }

        [LoggerMessage(EventId = 50, Level = LogLevel.Warning, Message = "List download failed ({Reason}); retry {Attempt} in {Delay}")]
        private static partial void LogRetry(ILogger logger, int attempt, TimeSpan delay, string reason);
    }

    // A relative path is taken from the host's content root, as appsettings.json is.
    private static string FromContentRoot(IServiceProvider services, string path) =>
        services.GetService<IHostEnvironment>()?.ContentRootPath is { } root ? System.IO.Path.Combine(root, path) : path;

    private static Sources.ISanctionListSource CreateSource(IServiceProvider services, string? cacheDirectory, ConfiguredSource source)
    {
        var timeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System;
        if (source.Url is not { } url)
        {
            return new ConfiguredPathSource(source.Name, source.Format, FromContentRoot(services, source.Path!), timeProvider);
        }

        var http = services.GetRequiredService<IHttpClientFactory>();
        return new HttpSanctionListSource(http.CreateClient(HttpClientName), new HttpSanctionListSourceOptions(source.Name, url)
        {
            Format = source.Format,
            FileName = source.FileName ?? (System.IO.Path.GetFileName(url.AbsolutePath) is { Length: > 0 } file ? file : null),
            CacheDirectory = cacheDirectory ?? RemoteListCatalog.DefaultCacheDirectory(),
            Timeout = source.Timeout ?? HttpSanctionListSourceOptions.DefaultTimeout,
            MaxBodyBytes = source.MaxBodyBytes ?? HttpSanctionListSourceOptions.DefaultMaxBodyBytes,

            // The client's resilience handler retries; the source's own loop makes one attempt.
            MaxRetries = 0,
            TimeProvider = timeProvider,
        });
    }
}
