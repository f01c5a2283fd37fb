using System.Text;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using VendorScreen.Cli;
using VendorScreen.Sources;
using VendorScreen.Tests.Cli;
using VendorScreen.Tests.Infrastructure;

namespace VendorScreen.Tests.Audit;

/// <summary>The command line with <c>--store</c>: screen records, <c>audit export</c> reads back, <c>disposition add|list|remove</c>
/// suppress and restore a hit, and <c>monitor</c> reports exactly the rows whose decision changed between two OFAC releases.</summary>
public sealed class StoreCommandTests : IDisposable
{
    private readonly CliTestHost _host = new();

    private string Db => _host.PathOf("audit.db");

    [Fact]
    public async Task Screen_WithStore_RecordsEveryRowAndExportWritesThemAsJsonLines()
    {
        var list = _host.Write("acme.json", CliTestHost.CustomDatasetJson);
        var input = _host.Write("in.csv", "id,name,country\nS1,Globex Trading,AE\nS2,Initech Components,US\nS3,Northwind Traders,DE\n");

        var screen = await CliTestHost.RunAsync("screen", input, "--source", list, "--store", Db, "--user", "alice", "--format", "json");
        var export = await CliTestHost.RunAsync("audit", "export", "--store", Db);

        screen.ExitCode.Should().Be(0, screen.Stderr);
        export.ExitCode.Should().Be(0, export.Stderr);
        var records = export.StdoutLines.Select(ScreeningAuditRecord.FromJson).ToList();
        records.Select(r => r.Subject).Should().Equal("id:S1", "id:S2", "id:S3");
        records.Should().AllSatisfy(r => r.User.Should().Be("alice"));
        records.Select(r => r.Result.Decision.ToString().ToLowerInvariant()).Should().Equal(screen.JsonLines.Select(j => j.GetProperty("decision").GetString()));
        records[0].Datasets.Select(d => d.SourceName).Should().Contain("acme");
        records[0].Datasets.Should().AllSatisfy(d => d.Sha256.Should().MatchRegex("^[0-9a-f]{64}$"));
        records[0].Result.Hits.Should().NotBeEmpty();
        records[0].Entities.Should().Contain(e => e.Id == "acme:globex");
    }

    [Fact]
    public async Task AuditExport_Since_OnlyLaterRecords()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 1, 12, 0, 0, TimeSpan.Zero));
        var input = _host.Write("in.csv", "id,name\nS1,Northwind Traders\n");
        await CliTestHost.RunAsync(c => c with { TimeProvider = clock }, "screen", input, "--store", Db);
        clock.Advance(TimeSpan.FromDays(40));
        await CliTestHost.RunAsync(c => c with { TimeProvider = clock }, "screen", input, "--store", Db);

        var all = await CliTestHost.RunAsync("audit", "export", "--store", Db);
        var since = await CliTestHost.RunAsync("audit", "export", "--store", Db, "--since", "2026-11-01");
        var bad = await CliTestHost.RunAsync("audit", "export", "--store", Db, "--since", "yesterday");

        all.StdoutLines.Should().HaveCount(2);
        since.StdoutLines.Should().ContainSingle().Which.Should().Contain("\"recordedAt\":\"2026-11-10T12:00:00+00:00\"");
        bad.ShouldFailWith(2, "--since", "yesterday");
    }

    [Fact]
    public async Task Disposition_AddListRemove_SuppressesThenRestoresTheHit()
    {
        var list = _host.Write("acme.json", CliTestHost.CustomDatasetJson);
        var input = _host.Write("in.csv", "id,name,country\nS1,Globex Trading,AE\n");

        var before = await CliTestHost.RunAsync("screen", input, "--source", list, "--store", Db, "--format", "json");
        var add = await CliTestHost.RunAsync("disposition", "add", "--store", Db, "--source", list, "--party", "S1", "--entity", "acme:globex",
            "--kind", "false-positive", "--reason", "different company: other registration", "--user", "bob", "--expires", "2099-12-31");
        var listed = await CliTestHost.RunAsync("disposition", "list", "--store", Db, "--format", "json");
        var after = await CliTestHost.RunAsync("screen", input, "--source", list, "--store", Db, "--format", "json");
        var id = listed.JsonLines.Single().GetProperty("id").GetString()!;
        var remove = await CliTestHost.RunAsync("disposition", "remove", id, "--store", Db, "--user", "carol");
        var restored = await CliTestHost.RunAsync("screen", input, "--source", list, "--store", Db, "--format", "json");
        var all = await CliTestHost.RunAsync("disposition", "list", "--store", Db, "--all");

        before.JsonLines.Single().GetProperty("decision").GetString().Should().Be("block");
        add.ExitCode.Should().Be(0, add.Stderr);
        add.Stdout.Should().Contain("added disposition").And.Contain("until 2099-12-31");
        var disposition = listed.JsonLines.Single();
        disposition.GetProperty("party").GetString().Should().Be("S1");
        disposition.GetProperty("decidedBy").GetString().Should().Be("bob");
        disposition.GetProperty("state").GetString().Should().Be("active");
        var suppressedRow = after.JsonLines.Single();
        suppressedRow.GetProperty("decision").GetString().Should().Be("clear");
        var suppressed = suppressedRow.GetProperty("suppressed").EnumerateArray().Single();
        suppressed.GetProperty("disposition").GetString().Should().Be(id);
        suppressed.GetProperty("listedEntityId").GetString().Should().Be("acme:globex");
        remove.ExitCode.Should().Be(0, remove.Stderr);
        restored.JsonLines.Single().GetProperty("decision").GetString().Should().Be("block");
        all.Stdout.Should().Contain(id).And.Contain("removed");

        var trail = (await CliTestHost.RunAsync("audit", "export", "--store", Db)).StdoutLines.Select(ScreeningAuditRecord.FromJson).ToList();
        trail.Should().HaveCount(3);
        trail[1].Result.Suppressed.Should().ContainSingle().Which.Disposition.Id.Should().Be(id);
    }

    [Fact]
    public async Task Disposition_UnknownEntity_FailsWithOneLine()
    {
        var run = await CliTestHost.RunAsync("disposition", "add", "--store", Db, "--party", "S1", "--entity", "nope:1", "--kind", "false-positive", "--reason", "r");

        run.ShouldFailWith(2, "--entity nope:1", "no entity with this id");
    }

    [Fact]
    public async Task Disposition_RemoveUnknown_FailsWithOneLine()
    {
        var run = await CliTestHost.RunAsync("disposition", "remove", "abc", "--store", Db);

        run.ShouldFailWith(2, "no standing disposition", "\"abc\"");
    }

    [Fact]
    public async Task Screen_StoreIsNotADatabase_FailsNamingTheFileAndWritesNothing()
    {
        File.WriteAllText(Db, new string('z', 5000));
        var input = _host.Write("in.csv", "id,name\nS1,Northwind Traders\n");

        var run = await CliTestHost.RunAsync("screen", input, "--store", Db, "--format", "json");

        run.ShouldFailWith(2, "--store", Db, "not an SQLite database");
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Monitor_NoListChange_WritesNothingThenReportsANewRow()
    {
        var list = _host.Write("acme.json", CliTestHost.CustomDatasetJson);
        var input = _host.Write("in.csv", "id,name\nS1,Globex Trading\nS2,Northwind Traders\n");
        await CliTestHost.RunAsync("screen", input, "--source", list, "--store", Db);

        var same = await CliTestHost.RunAsync("monitor", input, "--source", list, "--store", Db);
        var grown = _host.Write("in2.csv", "id,name\nS1,Globex Trading\nS2,Northwind Traders\nS3,Initech Components\n");
        var added = await CliTestHost.RunAsync("monitor", grown, "--source", list, "--store", Db, "--format", "table");

        same.ExitCode.Should().Be(0, same.Stderr);
        same.Stdout.Should().BeEmpty();
        added.ExitCode.Should().Be(0, added.Stderr);
        added.StdoutLines.Should().HaveCount(2);
        added.StdoutLines[1].Should().StartWith("S3").And.Contain("(none)");
    }

    /// <summary>
    /// Acceptance: suppliers screened against the OFAC SDN files of January 2019 with <c>--store</c>, then <c>monitor</c> against the
    /// July 2021 files, report exactly the rows whose decision differs between the two releases (checked against two independent
    /// screenings without a store), each with <c>previous</c>, <c>decision</c> and the list change.
    /// </summary>
    [SharedDataFact]
    public async Task Monitor_Ofac2019To2021_ReportsExactlyTheRowsWhoseDecisionChanged()
    {
        var old = SharedData.DataPath("ofac/2019-01_sdn_list");
        var current = SharedData.DataPath("ofac/2021-07_sdn_list");
        var oldEntities = (await SourceFormats.Open(old).LoadAsync()).Entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var newEntities = (await SourceFormats.Open(current).LoadAsync()).Entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        static bool Usable(Entity e) => e.Kind == EntityKind.Organization && e.PrimaryName.Length >= 14 && !e.PrimaryName.Contains(',', StringComparison.Ordinal);
        var added = newEntities.Values.Where(e => !oldEntities.ContainsKey(e.Id) && Usable(e)).OrderBy(e => e.Id, StringComparer.Ordinal).Take(8).ToList();
        var removed = oldEntities.Values.Where(e => !newEntities.ContainsKey(e.Id) && Usable(e)).OrderBy(e => e.Id, StringComparer.Ordinal).Take(8).ToList();
        var kept = oldEntities.Values.Where(e => newEntities.ContainsKey(e.Id) && Usable(e)).OrderBy(e => e.Id, StringComparer.Ordinal).Take(6).ToList();
        added.Should().HaveCount(8);
        removed.Should().HaveCount(8);

        var csv = new StringBuilder("id,name\n");
        var rows = added.Select(e => ("add-" + e.Id, e.PrimaryName))
            .Concat(removed.Select(e => ("rem-" + e.Id, e.PrimaryName)))
            .Concat(kept.Select(e => ("kept-" + e.Id, e.PrimaryName)))
            .Concat([("clean-1", "Northwind Office Supplies GmbH"), ("clean-2", "Contoso Industrial Fasteners Ltd")])
            .ToList();
        foreach (var (id, name) in rows)
        {
            csv.Append(id).Append(",\"").Append(name.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\"\n");
        }

        var input = _host.Write("suppliers.csv", csv.ToString());
        var args = new[] { "--no-default-data", "--as-of", "2021-07-31" };
        var oldRun = await CliTestHost.RunAsync(["screen", input, "--source", old, "--format", "json", .. args]);
        var newRun = await CliTestHost.RunAsync(["screen", input, "--source", current, "--format", "json", .. args]);
        var recorded = await CliTestHost.RunAsync(["screen", input, "--source", old, "--store", Db, "--format", "json", .. args]);
        var monitor = await CliTestHost.RunAsync(["monitor", input, "--source", current, "--store", Db, .. args]);

        foreach (var run in new[] { oldRun, newRun, recorded, monitor })
        {
            run.ExitCode.Should().Be(0, run.Stderr);
        }

        var before = oldRun.JsonLines.ToDictionary(j => j.GetProperty("id").GetString()!, j => j.GetProperty("decision").GetString()!);
        var after = newRun.JsonLines.ToDictionary(j => j.GetProperty("id").GetString()!, j => j.GetProperty("decision").GetString()!);
        var expected = before.Keys.Where(id => before[id] != after[id]).Order(StringComparer.Ordinal).ToList();
        var reported = monitor.JsonLines.ToDictionary(j => j.GetProperty("id").GetString()!);

        expected.Should().HaveCountGreaterThanOrEqualTo(8, "most newly listed and delisted names change decision");
        reported.Keys.Order(StringComparer.Ordinal).Should().Equal(expected);
        foreach (var (id, line) in reported)
        {
            line.GetProperty("previous").GetString().Should().Be(before[id], id);
            line.GetProperty("decision").GetString().Should().Be(after[id], id);
            var changes = line.GetProperty("changes").EnumerateArray().Select(c => (Kind: c.GetProperty("kind").GetString(), Entity: c.GetProperty("entityId").GetString())).ToList();
            changes.Should().NotBeEmpty(id);
            var entityId = id[(id.IndexOf('-', StringComparison.Ordinal) + 1)..];
            if (id.StartsWith("add-", StringComparison.Ordinal) && after[id] != "clear")
            {
                changes.Should().Contain((ListChange.EntityAdded, entityId), id);
            }

            if (id.StartsWith("rem-", StringComparison.Ordinal) && after[id] == "clear")
            {
                changes.Should().Contain((ListChange.EntityRemoved, entityId), id);
            }
        }

        reported.Keys.Should().NotContain(k => k.StartsWith("clean-", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _host.Dispose();
    }
}
