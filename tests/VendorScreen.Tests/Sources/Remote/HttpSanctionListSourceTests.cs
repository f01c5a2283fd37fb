using System.Text;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using VendorScreen.Sources.Remote;
using VendorScreen.Tests.Infrastructure;

namespace VendorScreen.Tests.Sources.Remote;

public sealed class HttpSanctionListSourceTests : IDisposable
{
    internal static readonly HttpClient Client = new() { Timeout = Timeout.InfiniteTimeSpan };

    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _cache = new();
    private readonly FakeTimeProvider _clock = new(T0);

    public void Dispose() => _cache.Dispose();

    [Fact]
    public async Task LoadAsync_GoodList_ReturnsSnapshotWithProvenance()
    {
        var body = TestLists.Lines("2026-03-01", entities: 5);
        await using var server = LoopbackServer.Start(_ => ServerResponse.Ok(body, "text/plain"));
        using var sut = CreateSut(server.Url("lists/test.txt"));

        var snapshot = await sut.LoadAsync();

        snapshot.SourceName.Should().Be("test-list");
        snapshot.Version.Should().Be("2026-03-01");
        snapshot.Entities.Should().HaveCount(5);
        snapshot.FetchedAt.Should().Be(T0);
        snapshot.Sha256.Should().Be(TestLists.Sha256(body));
        snapshot.Location.Should().Be(server.Url("lists/test.txt").ToString());
        sut.LastReport!.Status.Should().Be(RemoteFetchStatus.Fetched);
        sut.LastReport.Bytes.Should().Be(body.Length);
        server.Requests.Single().Header("User-Agent").Should().StartWith("VendorScreen/");
    }

    [Fact]
    public async Task LoadAsync_ServerErrorsThenSuccess_RetriesAndSucceeds()
    {
        var body = TestLists.Lines("v1", entities: 3);
        await using var server = LoopbackServer.Start(r => r.Index <= 2 ? ServerResponse.Text(500, "busy") : ServerResponse.Ok(body));
        using var sut = CreateSut(server.BaseUrl, o => o with { MaxRetries = 3, TimeProvider = TimeProvider.System });

        var snapshot = await sut.LoadAsync();

        snapshot.Entities.Should().HaveCount(3);
        server.RequestCount.Should().Be(3);
    }

    [Fact]
    public async Task LoadAsync_ServerKeepsFailing_ThrowsNamingSourceUrlAndStatus()
    {
        await using var server = LoopbackServer.Start(_ => ServerResponse.Text(503, "down"));
        using var sut = CreateSut(server.Url("sdn.csv"), o => o with { MaxRetries = 2, TimeProvider = TimeProvider.System });

        var act = async () => await sut.LoadAsync();

        var error = (await act.Should().ThrowAsync<SanctionListSourceException>()).Which;
        error.SourceName.Should().Be("test-list");
        error.Location.Should().Be(server.Url("sdn.csv").ToString());
        error.Message.Should().Contain("HTTP 503").And.Contain("after 3 attempts");
        server.RequestCount.Should().Be(3);
        sut.LastReport!.Status.Should().Be(RemoteFetchStatus.Failed);
    }

    [Fact]
    public async Task LoadAsync_NotFound_DoesNotRetry()
    {
        await using var server = LoopbackServer.Start(_ => ServerResponse.Text(404, "no such list"));
        using var sut = CreateSut(server.BaseUrl, o => o with { MaxRetries = 3 });

        var act = async () => await sut.LoadAsync();

        (await act.Should().ThrowAsync<SanctionListSourceException>()).WithMessage("*HTTP 404*");
        server.RequestCount.Should().Be(1);
    }

    [Fact]
    public async Task LoadAsync_SlowServer_TimesOutAndRetries()
    {
        // The timeout leaves a loaded machine time to send each request before it runs out, and the server's count of requests
        // is read once its reading task has caught up (it reads a request on its own task, after the client has sent it).
        await using var server = LoopbackServer.Start(_ => ServerResponse.Ok(TestLists.Lines("v", 1)) with { Delay = TimeSpan.FromSeconds(10) });
        using var sut = CreateSut(server.BaseUrl, o => o with { Timeout = TimeSpan.FromSeconds(1), MaxRetries = 1, TimeProvider = TimeProvider.System });

        var act = async () => await sut.LoadAsync();

        (await act.Should().ThrowAsync<SanctionListSourceException>()).WithMessage("*timed out after 1 s (after 2 attempts)*");
        for (var wait = 0; wait < 50 && server.RequestCount < 2; wait++)
        {
            await Task.Delay(100);
        }

        server.RequestCount.Should().Be(2);
    }

    [Fact]
    public async Task LoadAsync_BodyShorterThanContentLength_ThrowsCutOff()
    {
        var body = TestLists.Lines("v", 20);
        await using var server = LoopbackServer.Start(_ => ServerResponse.Ok(body) with { DeclaredLength = body.Length + 500 });
        using var sut = CreateSut(server.BaseUrl, o => o with { MaxRetries = 1, TimeProvider = TimeProvider.System });

        var act = async () => await sut.LoadAsync();

        (await act.Should().ThrowAsync<SanctionListSourceException>()).WithMessage("*cut off*");
        server.RequestCount.Should().Be(2, "a cut-off body is a transient failure and is retried");
    }

    [Fact]
    public async Task LoadAsync_ConnectionCutInChunkedBody_ThrowsCutOff()
    {
        var body = TestLists.Lines("v", 50);
        await using var server = LoopbackServer.Start(_ => ServerResponse.Ok(body) with { Chunked = true, CutAfter = 40 });
        using var sut = CreateSut(server.BaseUrl);

        var act = async () => await sut.LoadAsync();

        (await act.Should().ThrowAsync<SanctionListSourceException>()).WithMessage("*cut off*");
    }

    [Fact]
    public async Task LoadAsync_WrongContentType_ThrowsWithoutRetry()
    {
        await using var server = LoopbackServer.Start(_ => ServerResponse.Ok("<html>maintenance</html>"u8.ToArray(), "text/html; charset=utf-8"));
        using var sut = CreateSut(server.BaseUrl, o => o with { ExpectedContentTypes = ["text/plain", "text/csv"], MaxRetries = 3 });

        var act = async () => await sut.LoadAsync();

        (await act.Should().ThrowAsync<SanctionListSourceException>()).WithMessage("*unexpected content type \"text/html\"*");
        server.RequestCount.Should().Be(1);
    }

    [Fact]
    public async Task LoadAsync_ExpectedContentTypeWithParameters_IsAccepted()
    {
        await using var server = LoopbackServer.Start(_ => ServerResponse.Ok(TestLists.Lines("v", 2), "TEXT/PLAIN; charset=utf-8"));
        using var sut = CreateSut(server.BaseUrl, o => o with { ExpectedContentTypes = ["text/plain"] });

        var snapshot = await sut.LoadAsync();

        snapshot.Entities.Should().HaveCount(2);
    }

    [Fact]
    public async Task LoadAsync_Empty200_Throws()
    {
        await using var server = LoopbackServer.Start(_ => ServerResponse.Ok([]));
        using var sut = CreateSut(server.BaseUrl);

        var act = async () => await sut.LoadAsync();

        (await act.Should().ThrowAsync<SanctionListSourceException>()).WithMessage("*answered 200 with an empty body*");
    }

    [Fact]
    public async Task LoadAsync_DeclaredBodyOverLimit_RefusedBeforeReading()
    {
        await using var server = LoopbackServer.Start(_ => ServerResponse.Ok(new byte[5000]));
        using var sut = CreateSut(server.BaseUrl, o => o with { MaxBodyBytes = 1000, MaxRetries = 2 });

        var act = async () => await sut.LoadAsync();

        (await act.Should().ThrowAsync<SanctionListSourceException>()).WithMessage("*5000 bytes (Content-Length) exceeds the limit of 1000 bytes*");
        server.RequestCount.Should().Be(1);
    }

    [Fact]
    public async Task LoadAsync_HugeStreamedBody_StopsReadingAtLimit()
    {
        const long huge = 256L * 1024 * 1024;
        await using var server = LoopbackServer.Start(_ => new ServerResponse(200, []) { GeneratedLength = huge });
        using var sut = CreateSut(server.BaseUrl, o => o with { MaxBodyBytes = 100_000 });

        var act = async () => await sut.LoadAsync();

        (await act.Should().ThrowAsync<SanctionListSourceException>()).WithMessage("*the body exceeds the limit of 100000 bytes*");
        server.GeneratedBytesWritten.Should().BeLessThan(huge, "the source stops reading instead of buffering the whole body");
    }

    [Fact]
    public async Task LoadAsync_GzipBody_IsDecompressed()
    {
        var plain = TestLists.Lines("gz-1", 40);
        await using var server = LoopbackServer.Start(_ => ServerResponse.Ok(TestLists.Gzip(plain), "application/gzip"));
        using var sut = CreateSut(server.BaseUrl);

        var snapshot = await sut.LoadAsync();

        snapshot.Version.Should().Be("gz-1");
        snapshot.Entities.Should().HaveCount(40);
        snapshot.Sha256.Should().Be(TestLists.Sha256(plain));
    }

    [Fact]
    public async Task LoadAsync_GzipExpandingPastLimit_Throws()
    {
        var bomb = TestLists.Gzip(new byte[2_000_000]);
        await using var server = LoopbackServer.Start(_ => ServerResponse.Ok(bomb));
        using var sut = CreateSut(server.BaseUrl, o => o with { MaxDecompressedBytes = 100_000 });

        var act = async () => await sut.LoadAsync();

        (await act.Should().ThrowAsync<SanctionListSourceException>()).WithMessage("*decompresses to more than the limit of 100000 bytes*");
    }

    [Fact]
    public async Task LoadAsync_GzipBombCutOffOnTheWire_IsRefusedByItsDecompressedSizeWhileStreaming()
    {
        // The body is refused once its first bytes decompress past the limit, before the rest arrives: the compressed body is not
        // collected first (the connection is closed after the first part, which a reader that waits for the whole body reports as
        // a cut-off body instead).
        var bomb = TestLists.Gzip(new byte[50_000_000]);
        await using var server = LoopbackServer.Start(_ => ServerResponse.Ok(bomb) with { CutAfter = bomb.Length / 2 });
        using var sut = CreateSut(server.BaseUrl, o => o with { MaxDecompressedBytes = 1_000_000 });

        var act = async () => await sut.LoadAsync();

        (await act.Should().ThrowAsync<SanctionListSourceException>()).WithMessage("*decompresses to more than the limit of 1000000 bytes*");
    }

    [Fact]
    public async Task LoadAsync_ServerAnswers304_SendsValidatorsAndReusesSnapshot()
    {
        var body = TestLists.Lines("v1", 4);
        const string lastModified = "Sun, 01 Mar 2026 06:00:00 GMT";
        await using var server = LoopbackServer.Start(r => r.Header("If-None-Match") == "\"abc\""
            ? ServerResponse.NotModified()
            : ServerResponse.Ok(body) with { ETag = "\"abc\"", LastModified = lastModified });
        using var sut = CreateSut(server.BaseUrl);
        var first = await sut.LoadAsync();
        _clock.Advance(TimeSpan.FromHours(6));

        var second = await sut.LoadAsync();

        var conditional = server.Requests.Last();
        conditional.Header("If-None-Match").Should().Be("\"abc\"");
        conditional.Header("If-Modified-Since").Should().Be(lastModified);
        second.Entities.Should().BeSameAs(first.Entities);
        second.FetchedAt.Should().Be(T0.AddHours(6), "a 304 confirms the list is current");
        sut.LastReport!.Status.Should().Be(RemoteFetchStatus.NotModified);
    }

    [Fact]
    public async Task LoadAsync_SameBytesWithoutValidators_ReportsNotModified()
    {
        var body = TestLists.Lines("v1", 4);
        await using var server = LoopbackServer.Start(_ => ServerResponse.Ok(body));
        using var sut = CreateSut(server.BaseUrl);
        var first = await sut.LoadAsync();

        var second = await sut.LoadAsync();

        second.Entities.Should().BeSameAs(first.Entities);
        sut.LastReport!.Status.Should().Be(RemoteFetchStatus.NotModified);
    }

    [Fact]
    public async Task LoadAsync_NewVersion_ReplacesCachedVersion()
    {
        var version = 1;
        await using var server = LoopbackServer.Start(_ => ServerResponse.Ok(TestLists.Lines($"v{Volatile.Read(ref version)}", 10)) with { ETag = $"\"{Volatile.Read(ref version)}\"" });
        using var sut = CreateSut(server.BaseUrl);
        await sut.LoadAsync();
        Volatile.Write(ref version, 2);

        var snapshot = await sut.LoadAsync();

        snapshot.Version.Should().Be("v2");
        sut.LastReport!.Status.Should().Be(RemoteFetchStatus.Fetched);
        var folder = Path.Combine(_cache.Path, "test-list");
        using var meta = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "meta.json")));
        meta.RootElement.GetProperty("version").GetString().Should().Be("v2");
        meta.RootElement.GetProperty("files")[0].GetProperty("etag").GetString().Should().Be("\"2\"");
        Directory.GetDirectories(folder, "v-*").Should().HaveCount(2, "the current and the previous version are kept");
    }

    [Fact]
    public async Task LoadAsync_RestartWithCache_SendsValidatorsFromDisk()
    {
        var body = TestLists.Lines("v1", 4);
        await using var server = LoopbackServer.Start(r => r.Header("If-None-Match") == "\"v1\"" ? ServerResponse.NotModified() : ServerResponse.Ok(body) with { ETag = "\"v1\"" });
        using (var before = CreateSut(server.BaseUrl))
        {
            await before.LoadAsync();
        }

        _clock.Advance(TimeSpan.FromDays(1));
        using var sut = CreateSut(server.BaseUrl);

        var snapshot = await sut.LoadAsync();

        server.Requests.Last().Header("If-None-Match").Should().Be("\"v1\"");
        snapshot.Version.Should().Be("v1");
        snapshot.Entities.Should().HaveCount(4);
        snapshot.FetchedAt.Should().Be(T0.AddDays(1));
        sut.LastReport!.Status.Should().Be(RemoteFetchStatus.NotModified);
    }

    [Fact]
    public async Task LoadAsync_304ButCachedCopyDamaged_DownloadsAgainWithoutValidators()
    {
        var body = TestLists.Lines("v1", 4);
        await using var server = LoopbackServer.Start(r => r.Header("If-None-Match") == "\"v1\"" ? ServerResponse.NotModified() : ServerResponse.Ok(body) with { ETag = "\"v1\"" });
        using (var before = CreateSut(server.BaseUrl))
        {
            await before.LoadAsync();
        }

        var file = Directory.GetFiles(Path.Combine(_cache.Path, "test-list"), "*", SearchOption.AllDirectories).Single(f => !f.EndsWith("meta.json", StringComparison.Ordinal));
        await File.WriteAllTextAsync(file, "version v1\nTampered Entity\n");
        using var sut = CreateSut(server.BaseUrl);

        var snapshot = await sut.LoadAsync();

        snapshot.Entities.Should().HaveCount(4);
        server.Requests.Select(r => r.Header("If-None-Match")).Should().Equal(null, "\"v1\"", null);
        File.ReadAllBytes(file).Should().Equal(body, "the damaged file was replaced");
    }

    [Fact]
    public async Task LoadAsync_RestartWithoutNetwork_ServesCacheWithItsFetchedAt()
    {
        Uri url;
        await using (var server = LoopbackServer.Start(_ => ServerResponse.Ok(TestLists.Lines("v1", 7))))
        {
            url = server.BaseUrl;
            using var before = CreateSut(url);
            await before.LoadAsync();
        }

        _clock.Advance(TimeSpan.FromDays(3));
        using var sut = CreateSut(url);

        var snapshot = await sut.LoadAsync();

        snapshot.Version.Should().Be("v1");
        snapshot.Entities.Should().HaveCount(7);
        snapshot.FetchedAt.Should().Be(T0, "the cached copy reports when it was fetched, not when it was read");
        sut.LastReport!.Status.Should().Be(RemoteFetchStatus.FromCache);
        sut.LastReport.Error.Should().Contain("request failed");
    }

    [Fact]
    public async Task LoadAsync_RefreshFailsAfterSuccess_ThrowsSoTheEngineKeepsItsSnapshot()
    {
        var fail = false;
        await using var server = LoopbackServer.Start(_ => Volatile.Read(ref fail) ? ServerResponse.Text(500, "x") : ServerResponse.Ok(TestLists.Lines("v1", 3)));
        using var sut = CreateSut(server.BaseUrl);
        await sut.LoadAsync();
        Volatile.Write(ref fail, true);

        var act = async () => await sut.LoadAsync();

        await act.Should().ThrowAsync<SanctionListSourceException>();
        sut.LastReport!.Status.Should().Be(RemoteFetchStatus.Failed);
        sut.LastReport.Version.Should().Be("v1");
    }

    [Fact]
    public async Task LoadAsync_DamagedCacheWithoutNetwork_IsNotServed()
    {
        Uri url;
        await using (var server = LoopbackServer.Start(_ => ServerResponse.Ok(TestLists.Lines("v1", 7))))
        {
            url = server.BaseUrl;
            using var before = CreateSut(url);
            await before.LoadAsync();
        }

        var file = Directory.GetFiles(Path.Combine(_cache.Path, "test-list"), "*", SearchOption.AllDirectories).Single(f => !f.EndsWith("meta.json", StringComparison.Ordinal));
        await File.WriteAllTextAsync(file, "version v1\nTampered Entity\n");
        using var sut = CreateSut(url);

        var act = async () => await sut.LoadAsync();

        (await act.Should().ThrowAsync<SanctionListSourceException>()).WithMessage("*cached copy is missing or damaged*");
    }

    [Fact]
    public async Task LoadAsync_ImplausibleNewVersion_IsRefusedAndNeverCached()
    {
        var shrunk = false;
        Uri url;
        await using (var server = LoopbackServer.Start(_ => ServerResponse.Ok(Volatile.Read(ref shrunk) ? TestLists.Lines("v2", 5) : TestLists.Lines("v1", 10))))
        {
            url = server.BaseUrl;
            using var sut = CreateSut(url);
            await sut.LoadAsync();
            Volatile.Write(ref shrunk, true);

            var act = async () => await sut.LoadAsync();

            (await act.Should().ThrowAsync<SanctionListSourceException>()).WithMessage("*implausible new version refused: version v2 has 5 entities, 50.0% fewer than the 10*");
        }

        using var restarted = CreateSut(url);
        var cached = await restarted.LoadAsync();

        cached.Version.Should().Be("v1", "the refused version never reached the cache");
        Directory.GetDirectories(Path.Combine(_cache.Path, "test-list"), "v-*").Should().ContainSingle();
    }

    [Fact]
    public async Task LoadAsync_ImplausibleVersionAfterRestart_ServesTheCachedCopyAndReportsTheRefusal()
    {
        var shrunk = false;
        await using var server = LoopbackServer.Start(_ => ServerResponse.Ok(Volatile.Read(ref shrunk) ? TestLists.Lines("v2", 1) : TestLists.Lines("v1", 10)));
        using (var before = CreateSut(server.BaseUrl))
        {
            await before.LoadAsync();
        }

        Volatile.Write(ref shrunk, true);
        using var sut = CreateSut(server.BaseUrl);
        using var engine = new ScreeningEngineBuilder().Configure(o => o.UseDefaultDataset = false).AddSource(sut).Build();

        var status = (await engine.RefreshAsync()).Single();

        status.Should().Match<SourceStatus>(s => s.IsUsable && s.Version == "v1" && s.Entities == 10);
        status.Error.Should().Contain("new version refused").And.Contain("implausible").And.Contain("90.0% fewer").And.Contain("serving the cached version v1");
        sut.LastReport!.Status.Should().Be(RemoteFetchStatus.FromCache);
        (await engine.ScreenAsync(ScreeningRequest.ForParty("Entity Number 7"))).Decision.Should().NotBe(ScreeningDecision.Incomplete);
    }

    [Fact]
    public async Task LoadAsync_ServerDownAfterRestart_ServesTheCachedCopyAsStale()
    {
        var down = false;
        await using var server = LoopbackServer.Start(_ => Volatile.Read(ref down) ? ServerResponse.Text(503, "down") : ServerResponse.Ok(TestLists.Lines("v1", 10)));
        using (var before = CreateSut(server.BaseUrl))
        {
            await before.LoadAsync();
        }

        Volatile.Write(ref down, true);
        _clock.Advance(TimeSpan.FromDays(3));
        using var sut = CreateSut(server.BaseUrl);
        using var engine = new ScreeningEngineBuilder { TimeProvider = _clock }.Configure(o => o.UseDefaultDataset = false).AddSource(sut).Build();

        var status = (await engine.RefreshAsync()).Single();

        status.IsUsable.Should().BeTrue();
        status.Error.Should().Contain("fetch failed: ").And.Contain("HTTP 503").And.Contain("serving the cached version v1 fetched at 2026-03-01 08:00:00Z");
        using var strict = new ScreeningEngineBuilder { TimeProvider = _clock }
            .Configure(o =>
            {
                o.UseDefaultDataset = false;
                o.MaxSourceAge = TimeSpan.FromDays(2);
            })
            .AddSource(CreateSut(server.BaseUrl))
            .Build();
        (await strict.ScreenAsync(ScreeningRequest.ForParty("Unrelated Bakery Supplies"))).Decision.Should().Be(ScreeningDecision.Incomplete);
        strict.Sources.Single().Error.Should().StartWith("stale: ");
    }

    [Fact]
    public async Task LoadAsync_CacheOfTheSameNameFromAnotherPort_IsNotServed()
    {
        await using (var first = LoopbackServer.Start(_ => ServerResponse.Ok(TestLists.Lines("v1", 10))))
        {
            using var before = CreateSut(first.Url("list.txt"));
            await before.LoadAsync();
        }

        await using var other = LoopbackServer.Start(_ => ServerResponse.Text(503, "down"));
        using var sut = CreateSut(other.Url("list.txt"));

        var act = async () => await sut.LoadAsync();

        (await act.Should().ThrowAsync<SanctionListSourceException>()).WithMessage("*HTTP 503*");
    }

    [Fact]
    public async Task LoadAsync_TooManyRejectedRecords_IsRefused()
    {
        await using var server = LoopbackServer.Start(_ => ServerResponse.Ok(TestLists.Lines("v1", 10, rejected: 2)));
        using var sut = CreateSut(server.BaseUrl);

        var act = async () => await sut.LoadAsync();

        (await act.Should().ThrowAsync<SanctionListSourceException>()).WithMessage("*rejected 2 of 12 records*");
    }

    [Fact]
    public async Task LoadAsync_ReaderFails_ThrowsNamingSourceAndUrl()
    {
        await using var server = LoopbackServer.Start(_ => ServerResponse.Ok("not a list"u8.ToArray()));
        using var sut = CreateSut(server.BaseUrl);

        var act = async () => await sut.LoadAsync();

        var error = (await act.Should().ThrowAsync<SanctionListSourceException>()).Which;
        error.SourceName.Should().Be("test-list");
        error.Message.Should().Contain("could not read the list").And.Contain("version <x>");
    }

    [Fact]
    public async Task LoadAsync_FormatName_ReadsThroughTheFormatRegistry()
    {
        var body = TestLists.Dataset("custom", "2026-03", "Acme Trading Company", "Bravo Logistics");
        await using var server = LoopbackServer.Start(_ => ServerResponse.Ok(body, "application/json"));
        using var sut = CreateSut(server.Url("lists/custom.json"), o => o with { Reader = null, Format = "vendorscreen-json" });

        var snapshot = await sut.LoadAsync();

        snapshot.SourceName.Should().Be("test-list");
        snapshot.Version.Should().Be("2026-03");
        snapshot.Entities.Select(e => e.PrimaryName).Should().BeEquivalentTo("Acme Trading Company", "Bravo Logistics");
        snapshot.FetchedAt.Should().Be(T0);
        var folder = Directory.GetDirectories(Path.Combine(_cache.Path, "test-list"), "v-*").Should().ContainSingle().Subject;
        File.ReadAllBytes(Path.Combine(folder, "custom.json")).Should().Equal(body);
    }

    [Fact]
    public async Task LoadAsync_UnknownFormat_FailsAndLeavesNoCachedVersion()
    {
        await using var server = LoopbackServer.Start(_ => ServerResponse.Ok("x"u8.ToArray()));
        using var sut = CreateSut(server.Url("sdn.csv"), o => o with
        {
            Reader = null,
            Format = "no-such-format",
            AdditionalFiles = [new RemoteFile("add.csv", server.Url("add.csv")), new RemoteFile("alt.csv", server.Url("alt.csv"))],
        });

        var act = async () => await sut.LoadAsync();

        (await act.Should().ThrowAsync<SanctionListSourceException>()).WithMessage("*could not read the list as no-such-format*unknown format*");
        server.Requests.Select(r => r.Path).Should().Equal("/sdn.csv", "/add.csv", "/alt.csv");
        Directory.EnumerateFileSystemEntries(Path.Combine(_cache.Path, "test-list")).Should().BeEmpty("a version that could not be read is not kept");
    }

    [Fact]
    public async Task LoadAsync_Cancelled_ThrowsOperationCanceled()
    {
        await using var server = LoopbackServer.Start(_ => ServerResponse.Ok(TestLists.Lines("v", 1)) with { Delay = TimeSpan.FromSeconds(5) });
        using var sut = CreateSut(server.BaseUrl, o => o with { TimeProvider = TimeProvider.System });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var act = async () => await sut.LoadAsync(cancel.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var options = new HttpSanctionListSourceOptions("bad/name", new Uri("http://example.com/list.csv"))
        {
            MaxRetries = -1,
            Timeout = TimeSpan.Zero,
        };

        var act = () => new HttpSanctionListSource(Client, options);

        act.Should().Throw<ArgumentException>()
            .WithMessage("*Name*")
            .WithMessage("*must use https*")
            .WithMessage("*Exactly one of Reader and Format*")
            .WithMessage("*MaxRetries (-1)*")
            .WithMessage("*Timeout*");
    }

    [Fact]
    public void Constructor_FormatWithoutCache_Throws()
    {
        var options = new HttpSanctionListSourceOptions("un", new Uri("https://example.org/consolidated.xml")) { Format = "un-xml" };

        var act = () => new HttpSanctionListSource(Client, options);

        act.Should().Throw<ArgumentException>().WithMessage("*needs a CacheDirectory*");
    }

    [Fact]
    public void Backoff_GrowsExponentiallyWithJitterUpToTheCap()
    {
        var options = new HttpSanctionListSourceOptions("x", new Uri("https://example.org/x"))
        {
            Reader = TestLists.ReadLines,
            RetryBaseDelay = TimeSpan.FromSeconds(1),
            MaxRetryDelay = TimeSpan.FromSeconds(10),
        };
        var fetcher = new HttpFileFetcher(Client, options);

        for (var i = 0; i < 50; i++)
        {
            fetcher.Backoff(0, null).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(500)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(1));
            fetcher.Backoff(2, null).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(4));
            fetcher.Backoff(8, null).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(5)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(10));
        }

        fetcher.Backoff(0, TimeSpan.FromSeconds(3)).Should().Be(TimeSpan.FromSeconds(3), "Retry-After is honoured");
        fetcher.Backoff(0, TimeSpan.FromMinutes(5)).Should().Be(TimeSpan.FromSeconds(10), "up to the cap");
    }

    [SharedDataFact]
    public async Task LoadAsync_RealUnConsolidatedXml_ReadsEveryRecord()
    {
        var bytes = await File.ReadAllBytesAsync(SharedData.DataPath("un/2026-02-27_UN_consolidated.xml"));
        await using var server = LoopbackServer.Start(r => r.Path.EndsWith(".gz", StringComparison.Ordinal)
            ? ServerResponse.Ok(TestLists.Gzip(bytes), "application/gzip")
            : ServerResponse.Ok(bytes, "application/xml") with { ETag = "\"un-1\"" });
        using var sut = CreateSut(server.Url("consolidated.xml"), o => o with { Name = "un-sc-xml", Reader = TestLists.ReadUnXml, ExpectedContentTypes = ["application/xml", "application/gzip"] });
        using var gzipped = CreateSut(server.Url("consolidated.xml.gz"), o => o with { Name = "un-sc-xml-gz", Reader = TestLists.ReadUnXml });

        var snapshot = await sut.LoadAsync();
        var fromGzip = await gzipped.LoadAsync();

        snapshot.Entities.Should().HaveCount(730 + 273, "SOURCES.md counts 730 INDIVIDUAL and 273 ENTITY records");
        snapshot.Entities.Count(e => e.Kind == EntityKind.Person).Should().Be(730);
        snapshot.Version.Should().StartWith("2026-02-27");
        snapshot.Sha256.Should().StartWith("66b392a4090868d2");
        fromGzip.Sha256.Should().Be(snapshot.Sha256);
        fromGzip.Entities.Should().HaveCount(snapshot.Entities.Count);
    }

    private HttpSanctionListSource CreateSut(Uri url, Func<HttpSanctionListSourceOptions, HttpSanctionListSourceOptions>? configure = null)
    {
        var options = new HttpSanctionListSourceOptions("test-list", url)
        {
            Reader = TestLists.ReadLines,
            CacheDirectory = _cache.Path,
            Timeout = TimeSpan.FromSeconds(30),
            MaxRetries = 0,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            MaxRetryDelay = TimeSpan.FromMilliseconds(20),
            TimeProvider = _clock,
        };
        return new HttpSanctionListSource(Client, configure is null ? options : configure(options));
    }
}
