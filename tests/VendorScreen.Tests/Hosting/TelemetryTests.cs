using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using FluentAssertions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using VendorScreen.Tests.Infrastructure;
using VendorScreen.Tests.Sources.Remote;

namespace VendorScreen.Tests.Hosting;

/// <summary>The VendorScreen meter and activity source, and that screened names stay out of them unless allowed.</summary>
public sealed class TelemetryTests
{
    private const string ScreenedName = "Quillfeather Obscure Holdings";

    [Fact]
    public async Task Meter_ScreeningsLoadsFailuresRejectedAndAges_AreMeasured()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        using var meterFactory = new TestMeterFactory();
        using var recorder = new MeasurementRecorder(meterFactory);
        var fail = false;
        using var engine = new ScreeningEngineBuilder { TimeProvider = clock, MeterFactory = meterFactory }
            .Configure(o => o.UseDefaultDataset = false)
            .AddSource(new DelegateSource("list", () => fail
                ? throw new SanctionListSourceException("list", "test", "server down")
                : DelegateSource.Snapshot("list", "v1", 3, clock.GetUtcNow(), rejected: 1)))
            .Build();

        await engine.RefreshAsync();
        await engine.ScreenAsync(ScreeningRequest.ForParty("Entity Number 1"));
        await engine.ScreenAsync(ScreeningRequest.ForParty("Unrelated Bakery Supplies"));
        fail = true;
        await engine.RefreshAsync();
        clock.Advance(TimeSpan.FromMinutes(30));
        recorder.Observe();

        recorder.Sum(VendorScreenTelemetry.ScreeningsInstrument, VendorScreenTelemetry.DecisionTag, "block").Should().Be(1);
        recorder.Sum(VendorScreenTelemetry.ScreeningsInstrument, VendorScreenTelemetry.DecisionTag, "clear").Should().Be(1);
        recorder.Count(VendorScreenTelemetry.ScreeningDurationInstrument).Should().Be(2);
        recorder.Sum(VendorScreenTelemetry.ListLoadsInstrument, VendorScreenTelemetry.OutcomeTag, "loaded").Should().Be(1);
        recorder.Sum(VendorScreenTelemetry.ListLoadsInstrument, VendorScreenTelemetry.OutcomeTag, "failed").Should().Be(1);
        recorder.Sum(VendorScreenTelemetry.ListLoadFailuresInstrument, VendorScreenTelemetry.SourceTag, "list").Should().Be(1);
        recorder.Sum(VendorScreenTelemetry.RejectedRecordsInstrument, VendorScreenTelemetry.SourceTag, "list").Should().Be(1);
        recorder.Last(VendorScreenTelemetry.SourceAgeInstrument, VendorScreenTelemetry.SourceTag, "list").Should().Be(1800);
    }

    [Fact]
    public async Task ActivitySource_ScreenRefreshAndLoad_AreTraced()
    {
        using var capture = new ActivityCapture();
        using var engine = new ScreeningEngineBuilder().Build();

        await engine.RefreshAsync();
        await engine.ScreenAsync(ScreeningRequest.ForParty("Hangzhou Hikvision Digital Technology Co., Ltd."));

        var refresh = capture.Single(VendorScreenTelemetry.RefreshActivity);
        var load = capture.Single(VendorScreenTelemetry.LoadActivity);
        load.ParentSpanId.Should().Be(refresh.SpanId);
        load.GetTagItem(VendorScreenTelemetry.SourceTag).Should().Be("default");
        load.GetTagItem(VendorScreenTelemetry.OutcomeTag).Should().Be("loaded");
        capture.Single(VendorScreenTelemetry.ScreenActivity).GetTagItem(VendorScreenTelemetry.DecisionTag).Should().Be("block");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ScreenedName_AppearsInTagsAndLogs_OnlyWithEnableSensitiveData(bool sensitive)
    {
        using var capture = new ActivityCapture();
        using var meterFactory = new TestMeterFactory();
        using var recorder = new MeasurementRecorder(meterFactory);
        var logs = new ListLoggerProvider();
        using var loggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace));
        using var engine = new ScreeningEngineBuilder { MeterFactory = meterFactory, LoggerFactory = loggerFactory }
            .Configure(o => o.EnableSensitiveData = sensitive)
            .Build();

        await engine.ScreenAsync(ScreeningRequest.ForParty(ScreenedName) with { Id = "row-1" });

        var tagValues = capture.All.SelectMany(a => a.TagObjects).Select(t => t.Value?.ToString() ?? string.Empty)
            .Concat(recorder.TagValues())
            .ToList();
        var logText = string.Join("\n", logs.Messages);
        capture.All.Should().Contain(a => a.OperationName == VendorScreenTelemetry.ScreenActivity);
        logText.Should().Contain("row-1");
        if (sensitive)
        {
            tagValues.Should().Contain(ScreenedName);
            logText.Should().Contain(ScreenedName);
        }
        else
        {
            tagValues.Should().NotContain(v => v.Contains("Quillfeather", StringComparison.OrdinalIgnoreCase));
            logText.Should().NotContain("Quillfeather");
        }
    }

    [Fact]
    public async Task WarmUpAsync_RecordsNoScreeningInMetricsTracesOrLogs()
    {
        using var capture = new ActivityCapture();
        using var meterFactory = new TestMeterFactory();
        using var recorder = new MeasurementRecorder(meterFactory);
        var logs = new ListLoggerProvider();
        using var loggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace));
        using var engine = new ScreeningEngineBuilder { MeterFactory = meterFactory, LoggerFactory = loggerFactory }.Build();

        await engine.WarmUpAsync();
        await engine.ScreenAsync(ScreeningRequest.ForParty(ScreenedName) with { Id = "row-1" });

        recorder.Count(VendorScreenTelemetry.ScreeningsInstrument).Should().Be(1, "only the screening after the warm-up counts");
        recorder.Count(VendorScreenTelemetry.ScreeningDurationInstrument).Should().Be(1);
        capture.All.Count(a => a.OperationName == VendorScreenTelemetry.ScreenActivity).Should().Be(1);
        logs.Messages.Count(m => m.StartsWith("Screened request", StringComparison.Ordinal)).Should().Be(1);
        capture.All.Should().Contain(a => a.OperationName == VendorScreenTelemetry.LoadActivity, "the warm-up loads the lists as a screening would");
    }

    /// <summary>Collects the activities of the VendorScreen source started under one parent activity of this test, so that screenings
    /// of other tests running at the same time are not counted.</summary>
    private sealed class ActivityCapture : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly Activity _parent;
        private readonly ConcurrentQueue<Activity> _activities = new();

        public ActivityCapture()
        {
            _parent = new Activity("test").Start();
            var trace = _parent.TraceId;
            _listener = new ActivityListener
            {
                ShouldListenTo = s => s.Name == VendorScreenTelemetry.ActivitySourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = a =>
                {
                    if (a.TraceId == trace)
                    {
                        _activities.Enqueue(a);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyList<Activity> All => _activities.ToArray();

        public Activity Single(string name) => All.Single(a => a.OperationName == name);

        public void Dispose()
        {
            _listener.Dispose();
            _parent.Stop();
        }
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
            _meters.Add(meter);
            return meter;
        }

        public bool Owns(Meter meter) => _meters.Contains(meter);

        public void Dispose()
        {
            foreach (var meter in _meters)
            {
                meter.Dispose();
            }
        }
    }

    /// <summary>Records the measurements of the instruments of one meter factory's meters.</summary>
    private sealed class MeasurementRecorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

        public MeasurementRecorder(TestMeterFactory factory)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (factory.Owns(instrument.Meter))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => _measurements.Enqueue((i.Name, v, tags.ToArray())));
            _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => _measurements.Enqueue((i.Name, v, tags.ToArray())));
            _listener.Start();
        }

        public void Observe() => _listener.RecordObservableInstruments();

        public double Sum(string instrument, string tag, string value) => Matching(instrument, tag, value).Sum(m => m.Value);

        public double Last(string instrument, string tag, string value) => Matching(instrument, tag, value).Last().Value;

        public int Count(string instrument) => _measurements.Count(m => m.Instrument == instrument);

        public IEnumerable<string> TagValues() => _measurements.SelectMany(m => m.Tags).Select(t => t.Value?.ToString() ?? string.Empty);

        public void Dispose() => _listener.Dispose();

        private IEnumerable<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> Matching(string instrument, string tag, string value) =>
            _measurements.Where(m => m.Instrument == instrument && m.Tags.Any(t => t.Key == tag && Equals(t.Value, value)));
    }
}
