using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace VendorScreen;

/// <summary>The names under which VendorScreen publishes metrics and traces, for a host to subscribe to
/// (<c>AddMeter(VendorScreenTelemetry.MeterName)</c>, <c>AddSource(VendorScreenTelemetry.ActivitySourceName)</c>).</summary>
/// <remarks>
/// Names screened or matched never appear in metrics or traces unless <see cref="ScreeningOptions.EnableSensitiveData"/> is set; then
/// the screen span carries the request's name in the tag <see cref="RequestNameTag"/>. The type is stateless and safe for
/// concurrent use.
/// </remarks>
public static class VendorScreenTelemetry
{
    /// <summary>The name of the <see cref="Meter"/>: <c>VendorScreen</c>.</summary>
    public const string MeterName = "VendorScreen";

    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/>: <c>VendorScreen</c>.</summary>
    public const string ActivitySourceName = "VendorScreen";

    /// <summary>Counter of screenings, tagged with <see cref="DecisionTag"/>.</summary>
    public const string ScreeningsInstrument = "vendorscreen.screenings";

    /// <summary>Histogram of the duration of one screening, in seconds, tagged with <see cref="DecisionTag"/>.</summary>
    public const string ScreeningDurationInstrument = "vendorscreen.screening.duration";

    /// <summary>Counter of list loads, tagged with <see cref="SourceTag"/> and <see cref="OutcomeTag"/> (<c>loaded</c>,
    /// <c>failed</c> or <c>refused</c>).</summary>
    public const string ListLoadsInstrument = "vendorscreen.list.loads";

    /// <summary>Counter of list loads that failed or were refused, tagged with <see cref="SourceTag"/> and <see cref="OutcomeTag"/>.</summary>
    public const string ListLoadFailuresInstrument = "vendorscreen.list.load_failures";

    /// <summary>Counter of records rejected while loading lists, tagged with <see cref="SourceTag"/>.</summary>
    public const string RejectedRecordsInstrument = "vendorscreen.list.rejected_records";

    /// <summary>Gauge of the age of each source's snapshot in use, in seconds, tagged with <see cref="SourceTag"/>. Sources without a
    /// fetch time (the embedded dataset) report none.</summary>
    public const string SourceAgeInstrument = "vendorscreen.source.age";

    /// <summary>The span of one screening.</summary>
    public const string ScreenActivity = "vendorscreen.screen";

    /// <summary>The span of one refresh of all sources.</summary>
    public const string RefreshActivity = "vendorscreen.refresh";

    /// <summary>The span of the load of one source, a child of the refresh span.</summary>
    public const string LoadActivity = "vendorscreen.load";

    /// <summary>The tag holding a decision (<c>block</c>, <c>review</c>, <c>clear</c>, <c>incomplete</c>).</summary>
    public const string DecisionTag = "vendorscreen.decision";

    /// <summary>The tag holding a source name.</summary>
    public const string SourceTag = "vendorscreen.source";

    /// <summary>The tag holding the outcome of a load.</summary>
    public const string OutcomeTag = "vendorscreen.outcome";

    /// <summary>The tag of the screen span holding the screened name; set only with <see cref="ScreeningOptions.EnableSensitiveData"/>.</summary>
    public const string RequestNameTag = "vendorscreen.request.name";

    internal static readonly ActivitySource ActivitySource = new(ActivitySourceName);

    internal static string DecisionName(ScreeningDecision decision) => decision switch
    {
        ScreeningDecision.Block => "block",
        ScreeningDecision.Review => "review",
        ScreeningDecision.Clear => "clear",
        _ => "incomplete",
    };
}

/// <summary>The instruments of one <see cref="Meter"/>. Without an <see cref="IMeterFactory"/> every engine shares one static meter;
/// with one, each meter the factory returns gets one set of instruments.</summary>
/// <remarks>Instances are safe for concurrent use.</remarks>
internal sealed class VendorScreenMetrics
{
    private static readonly Lazy<VendorScreenMetrics> Shared = new(() => new VendorScreenMetrics(new Meter(VendorScreenTelemetry.MeterName)));
    private static readonly ConditionalWeakTable<Meter, VendorScreenMetrics> ByMeter = [];

    private readonly List<WeakReference<ISourceAgeReporter>> _loaders = [];

    private VendorScreenMetrics(Meter meter)
    {
        Screenings = meter.CreateCounter<long>(VendorScreenTelemetry.ScreeningsInstrument, "{screening}", "Screenings by decision.");
        ScreeningDuration = meter.CreateHistogram<double>(VendorScreenTelemetry.ScreeningDurationInstrument, "s", "Duration of one screening.");
        ListLoads = meter.CreateCounter<long>(VendorScreenTelemetry.ListLoadsInstrument, "{load}", "List loads by source and outcome.");
        ListLoadFailures = meter.CreateCounter<long>(VendorScreenTelemetry.ListLoadFailuresInstrument, "{load}", "List loads that failed or were refused.");
        RejectedRecords = meter.CreateCounter<long>(VendorScreenTelemetry.RejectedRecordsInstrument, "{record}", "Records rejected while loading lists.");
        meter.CreateObservableGauge(VendorScreenTelemetry.SourceAgeInstrument, ObserveSourceAges, "s", "Age of each source's snapshot in use.");
    }

    public Counter<long> Screenings { get; }

    public Histogram<double> ScreeningDuration { get; }

    public Counter<long> ListLoads { get; }

    public Counter<long> ListLoadFailures { get; }

    public Counter<long> RejectedRecords { get; }

    /// <summary>Gets the instruments for a meter factory, or the shared ones without a factory.</summary>
    public static VendorScreenMetrics For(IMeterFactory? meterFactory)
    {
        if (meterFactory is null)
        {
            return Shared.Value;
        }

        var meter = meterFactory.Create(new MeterOptions(VendorScreenTelemetry.MeterName));
        return ByMeter.GetValue(meter, static m => new VendorScreenMetrics(m));
    }

    /// <summary>Adds a loader whose sources' ages the gauge reports. The loader is held weakly, so that a loader nobody uses any more
    /// is collected and drops out of the gauge.</summary>
    public void Track(ISourceAgeReporter loader)
    {
        lock (_loaders)
        {
            _loaders.RemoveAll(r => !r.TryGetTarget(out _));
            _loaders.Add(new WeakReference<ISourceAgeReporter>(loader));
        }
    }

    private IEnumerable<Measurement<double>> ObserveSourceAges()
    {
        var loaders = new List<ISourceAgeReporter>();
        lock (_loaders)
        {
            foreach (var reference in _loaders)
            {
                if (reference.TryGetTarget(out var loader))
                {
                    loaders.Add(loader);
                }
            }
        }

        var measurements = new List<Measurement<double>>();
        foreach (var loader in loaders)
        {
            foreach (var (source, age) in loader.SourceAges())
            {
                measurements.Add(new Measurement<double>(age.TotalSeconds, new KeyValuePair<string, object?>(VendorScreenTelemetry.SourceTag, source)));
            }
        }

        return measurements;
    }
}

/// <summary>Something that serves sources whose age the <see cref="VendorScreenTelemetry.SourceAgeInstrument"/> gauge reports.</summary>
internal interface ISourceAgeReporter
{
    /// <summary>Gets the age of each source's snapshot in use that has a fetch time.</summary>
    IEnumerable<(string Source, TimeSpan Age)> SourceAges();
}
