using System.Buffers.Binary;
using System.Text.Json;
using FluentAssertions;
using VendorScreen.Sources;
using VendorScreen.Tests.Cli;
using VendorScreen.Tests.Infrastructure;

namespace VendorScreen.Tests.Hosting;

public sealed class IndexSnapshotFileTests : IDisposable
{
    private static readonly string[] Queries =
    [
        "Globex Trading", "Globex Trading Co Ltd", "Initech Components", "Huawei Technologies", "Hikvision", "ZTE Corporation",
        "Kaspersky Lab", "Acme Widgets", "Rosneft", "Bank Melli Iran", "Dahua Technology", "Hytera Communications",
    ];

    private readonly CliTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task RoundTrip_CustomAndEmbeddedData_ScreensExactlyAsTheOriginalSources()
    {
        var dataset = _host.Write("acme-list.json", CliTestHost.CustomDatasetJson);
        await AssertSameResultsAsync(() => new ScreeningEngineBuilder().AddSource(SourceFormats.Open(dataset)), Queries);
    }

    [SharedDataFact]
    public async Task RoundTrip_RealLists_ScreensExactlyAsTheOriginalSources()
    {
        var un = SharedData.DataPath("un/2026-02-27_UN_consolidated.xml");
        var uk = SharedData.DataPath("uk/2018-04-13_ofsi_ConList.csv");
        string[] queries = [.. Queries, "Al-Qaida", "Taliban", "Korea Kwangson Banking Corp", "Osama bin Laden", "Mohammed Omar"];
        await AssertSameResultsAsync(() => new ScreeningEngineBuilder().AddSource(SourceFormats.Open(un)).AddSource(SourceFormats.Open(uk)), queries);
    }

    [Fact]
    public void Read_KeepsProvenanceOfEverySource()
    {
        var original = LoadDefault();
        var path = Path.Combine(_host.Directory, "lists.vsidx");
        IndexSnapshotFile.Write(path, [new StoredSource("default", original)]);

        var stored = IndexSnapshotFile.Read(path).Sources.Should().ContainSingle().Subject;
        stored.Name.Should().Be("default");
        var read = stored.Snapshot;

        read.SourceName.Should().Be(original.SourceName);
        read.Version.Should().Be(original.Version);
        read.Sha256.Should().Be(original.Sha256);
        read.FetchedAt.Should().Be(original.FetchedAt);
        read.Location.Should().Be(original.Location);
        read.Entities.Should().HaveCount(original.Entities.Count);
        read.Relations.Should().HaveCount(original.Relations.Count);
        read.Lists.Should().BeEquivalentTo(original.Lists);
        read.RejectedRecords.Should().BeEquivalentTo(original.RejectedRecords);
        read.Entities.Should().BeEquivalentTo(original.Entities, o => o.WithStrictOrdering());
        read.Relations.Should().BeEquivalentTo(original.Relations, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Read_CorruptByte_FailsNamingTheFile()
    {
        var bytes = WriteDefault(out var path);
        bytes[^10] ^= 0x5A;
        File.WriteAllBytes(path, bytes);

        var read = () => IndexSnapshotFile.Read(path);

        read.Should().Throw<SanctionListSourceException>().Which.Message.Should().Contain(path).And.Contain("corrupt").And.Contain("SHA-256");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    [InlineData(100)]
    public void Read_Truncated_FailsNamingTheFile(int keep)
    {
        var bytes = WriteDefault(out var path);
        File.WriteAllBytes(path, bytes[..(keep == 100 ? bytes.Length - 1 : keep)]);

        var read = () => IndexSnapshotFile.Read(path);

        var message = read.Should().Throw<SanctionListSourceException>().Which.Message;
        message.Should().Contain(path);
        if (keep > 1)
        {
            message.Should().Contain("cut short");
        }
    }

    [Fact]
    public void Read_FileWrittenOverInPlaceWhileRead_IsRefusedNamingTheFile()
    {
        WriteDefault(out var path);

        // Bytes added at the end, and the same bytes written again (a new time of last writing), while the file is held open.
        var appended = () => IndexSnapshotFile.Read(path, whileOpen: () => File.AppendAllText(path, "x"));
        var rewritten = () => IndexSnapshotFile.Read(path, whileOpen: () => File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1)));

        appended.Should().Throw<SanctionListSourceException>().Which.Message.Should().Contain(path).And.Contain("written over while it was read");
        WriteDefault(out path);
        rewritten.Should().Throw<SanctionListSourceException>().Which.Message.Should().Contain(path).And.Contain("written over while it was read");
    }

    [Fact]
    public void Read_FileCutShortInPlaceWhileRead_IsRefusedAsWrittenOverNotAsCorrupt()
    {
        var bytes = WriteDefault(out var path);

        // The parts cannot all be read from what is left: the change is reported, not a damaged file.
        var read = () => IndexSnapshotFile.Read(path, whileOpen: () =>
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            file.SetLength(bytes.Length / 2);
        });

        read.Should().Throw<SanctionListSourceException>().Which.Message.Should().Contain(path).And.Contain("written over while it was read")
            .And.NotContain("corrupt");
    }

    [Fact]
    public void Read_FileReplacedByRenamingWhileRead_ReadsTheFileAsOpened()
    {
        var bytes = WriteDefault(out var path);
        var other = _host.Write("other.txt", "not a snapshot");

        var stored = IndexSnapshotFile.Read(path, whileOpen: () => File.Move(other, path, overwrite: true));

        stored.Sources.Should().ContainSingle().Which.Name.Should().Be("default");
        stored.Index.Should().NotBeNull();
        File.ReadAllText(path).Should().Be("not a snapshot", "the new file is in place for the next read");
        bytes.Length.Should().BeGreaterThan(2 * VendorScreen.Indexing.SnapshotRegion.WindowLength, "the file is read in several windows");
    }

    [SkippableFact]
    public async Task Read_Pipe_ReadsTheSnapshotAsItComes()
    {
        Skip.If(OperatingSystem.IsWindows(), "named pipes made with mkfifo are a Unix feature");
        var bytes = WriteDefault(out _);
        var pipe = Path.Combine(_host.Directory, "lists.pipe");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [pipe]))
        {
            await mkfifo.WaitForExitAsync();
            mkfifo.ExitCode.Should().Be(0);
        }

        // The writer blocks until the pipe is opened for reading, as a shell's <(...) does.
        var writer = Task.Run(() => File.WriteAllBytes(pipe, bytes));
        var stored = IndexSnapshotFile.Read(pipe);
        await writer;

        stored.Sources.Should().ContainSingle().Which.Name.Should().Be("default");
        stored.Index.Should().NotBeNull();
    }

    [Fact]
    public void Read_OtherFormatVersion_FailsNamingTheFileAndVersion()
    {
        var bytes = WriteDefault(out var path);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(6), IndexSnapshotFile.FormatVersion + 1);
        File.WriteAllBytes(path, bytes);

        var read = () => IndexSnapshotFile.Read(path);

        read.Should().Throw<SanctionListSourceException>().Which.Message.Should().Contain(path).And.Contain($"format version {IndexSnapshotFile.FormatVersion + 1}");
    }

    [Fact]
    public void Read_NotASnapshot_FailsNamingTheFile()
    {
        var path = _host.Write("lists.csv", "name,country\nAcme,US\n");

        var read = () => IndexSnapshotFile.Read(path);

        read.Should().Throw<SanctionListSourceException>().Which.Message.Should().Contain(path).And.Contain("magic");
    }

    [Fact]
    public void AddIndexSnapshot_MissingFile_Fails()
    {
        var path = Path.Combine(_host.Directory, "missing.vsidx");

        var add = () => new ScreeningEngineBuilder().AddIndexSnapshot(path);

        add.Should().Throw<SanctionListSourceException>().Which.Message.Should().Contain(path);
    }

    [Fact]
    public async Task ListingsOfEveryListedEntity_AreWrittenWithTheGeneration_BuiltOrRestored()
    {
        var (built, restored) = await BuildAndRestoreDefaultAsync();
        using var builtEngine = built;
        using var restoredEngine = restored;

        foreach (var state in new[] { built.Datasets.Current!.State, restored.Datasets.Current!.State })
        {
            // The candidates screening meets are the index's entities: the dataset's own, whose listings the state has written.
            var listed = state.Index.Entities.Where(e => e.Listings.Count > 0).ToList();
            listed.Should().NotBeEmpty();
            listed.Should().OnlyContain(e => ReferenceEquals(state.ListingsOf(e), state.ListingsOf(e)) && state.ListingsOf(e).Listings.SequenceEqual(e.Listings));
        }
    }

    [Fact]
    public async Task FactsOfEveryIndexedName_AreFilledWithTheIndex_BuiltOrRestored()
    {
        var (built, restored) = await BuildAndRestoreDefaultAsync();
        using var builtEngine = built;
        using var restoredEngine = restored;

        foreach (var index in new[] { built.Datasets.Current!.State.Index, restored.Datasets.Current!.State.Index })
        {
            // Filled before any screening: no name's facts are left to the first screening that meets it.
            index.AllFactsFilled.Should().BeTrue("the facts of every name are filled as the index is {0}", index.IsFromSnapshot ? "read" : "built");
            for (var id = 0; id < index.Names.Length; id++)
            {
                var facts = index.FactsOf(id).Made();
                for (var place = 0; place < facts.Tokens.Count; place++)
                {
                    var text = facts.Tokens[place].Text;
                    facts.RarityAt(place).Should().Be(index.Rarity(text), "the rarity of \"{0}\"", text);
                    facts.SoundCodesAt(place).Should().Be(index.LatinCodes(text), "the sound codes of \"{0}\"", text);
                }
            }
        }
    }

    // An engine of the default dataset, built, and one read from the index snapshot written of it; the caller disposes both.
    private async Task<(ScreeningEngine Built, ScreeningEngine Restored)> BuildAndRestoreDefaultAsync()
    {
        var built = new ScreeningEngineBuilder().Build();
        try
        {
            await built.RefreshAsync();
            var path = Path.Combine(_host.Directory, "lists.vsidx");
            IndexSnapshotFile.Write(path, built);
            var restored = new ScreeningEngineBuilder().AddIndexSnapshot(path).Build();
            try
            {
                await restored.RefreshAsync();
                return (built, restored);
            }
            catch
            {
                restored.Dispose();
                throw;
            }
        }
        catch
        {
            built.Dispose();
            throw;
        }
    }

    private static ListSnapshot LoadDefault() => new VendorScreen.Sources.VendorScreenJson.DefaultDatasetSource().LoadAsync().AsTask().GetAwaiter().GetResult();

    private byte[] WriteDefault(out string path)
    {
        path = Path.Combine(_host.Directory, "lists.vsidx");
        IndexSnapshotFile.Write(path, [new StoredSource("default", LoadDefault())]);
        return File.ReadAllBytes(path);
    }

    private async Task AssertSameResultsAsync(Func<ScreeningEngineBuilder> fromSources, IReadOnlyList<string> queries)
    {
        using var original = fromSources().Build();
        await original.RefreshAsync();
        var path = Path.Combine(_host.Directory, "lists.vsidx");
        IndexSnapshotFile.Write(path, original);
        using var restored = new ScreeningEngineBuilder().AddIndexSnapshot(path).Build();
        await restored.RefreshAsync();

        restored.Sources.Should().BeEquivalentTo(original.Sources, o => o.WithStrictOrdering());
        restored.Datasets.Current!.State.Index.IsFromSnapshot.Should().BeTrue("the engine screens exactly the stored sources, so it uses the stored index");
        original.Datasets.Current!.State.Index.IsFromSnapshot.Should().BeFalse();
        var hits = 0;
        foreach (var query in queries)
        {
            var expected = await original.ScreenAsync(new PartyScreeningRequest(query));
            var actual = await restored.ScreenAsync(new PartyScreeningRequest(query));
            hits += expected.Hits.Count;
            Json(actual with { ScreenedAt = default }).Should().Be(Json(expected with { ScreenedAt = default }), query);
            (await restored.SearchAsync(query)).Should().BeEquivalentTo(await original.SearchAsync(query), o => o.WithStrictOrdering(), query);
        }

        hits.Should().BePositive("the queries must reach listed entities for the comparison to mean something");
    }

    private static string Json(ScreeningResult result) => JsonSerializer.Serialize(result, VendorScreenJsonContext.Default.ScreeningResult);
}
