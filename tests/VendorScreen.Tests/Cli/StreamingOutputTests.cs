using System.Globalization;
using System.Text;
using FluentAssertions;
using VendorScreen.Cli.Output;

namespace VendorScreen.Tests.Cli;

/// <summary>Long runs are read and written a chunk at a time: the output is spooled and published only when every row is screened.</summary>
public sealed class StreamingOutputTests : IDisposable
{
    private readonly CliTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Screen_TableFormat_LongRunIsWrittenAsConsecutiveTablesWithEveryRowAndOneSummary()
    {
        var rows = TableResultWriter.RowsPerTable + 5;
        var input = WriteRows(rows);

        var run = await CliTestHost.RunAsync("screen", input, "--format", "table");

        run.ExitCode.Should().Be(0, run.Stderr);
        var lines = run.StdoutLines;
        lines.Count(l => l.StartsWith("| id ", StringComparison.Ordinal)).Should().Be(2, "a table holds at most {0} rows", TableResultWriter.RowsPerTable);
        for (var i = 1; i <= rows; i++)
        {
            lines.Should().Contain(l => l.StartsWith($"| R{i.ToString(CultureInfo.InvariantCulture)} ", StringComparison.Ordinal));
        }

        lines.Where(l => l.Contains("rows:", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Should().StartWith($"{rows} rows: ");
    }

    [Fact]
    public async Task Screen_JsonFormat_RowsAcrossManyChunksComeOutOnceInOrder()
    {
        var rows = (3 * VendorScreen.Cli.ScreenCommand.ChunkSize) + 7;
        var input = WriteRows(rows);

        var run = await CliTestHost.RunAsync("screen", input, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.JsonLines.Select(j => j.GetProperty("id").GetString())
            .Should().Equal(Enumerable.Range(1, rows).Select(i => "R" + i.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Screen_BadRowLateInTheFile_StopsAndWritesNothing()
    {
        var text = new StringBuilder("id,name\n");
        for (var i = 1; i <= 2000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"R{i},Acme Widgets {i}\n");
        }

        text.Append("R2001,Acme,extra\n");
        var input = _host.Write("late-error.csv", text.ToString());
        var output = _host.PathOf("out.jsonl");

        var run = await CliTestHost.RunAsync("screen", input, "--format", "json", "-o", output);

        run.ShouldFailWith(2, $"{input}:2002:", "3 fields but the header has 2");
        File.Exists(output).Should().BeFalse();
        Directory.GetFiles(_host.Directory, "*.tmp").Should().BeEmpty("no temporary output is left behind");
    }

    [Fact]
    public async Task Screen_OutputFileExists_ReplacedOnlyWhenTheRunSucceeds()
    {
        var output = _host.Write("out.jsonl", "previous run\n");
        var bad = _host.Write("bad.csv", "id,name\nR1,Acme\nR2,\"broken\n");

        var failed = await CliTestHost.RunAsync("screen", bad, "--format", "json", "-o", output);
        failed.ExitCode.Should().Be(2);
        (await File.ReadAllTextAsync(output)).Should().Be("previous run\n", "a failed run leaves the old output untouched");

        var ok = await CliTestHost.RunAsync("screen", WriteRows(3), "--format", "json", "-o", output);
        ok.ExitCode.Should().Be(0, ok.Stderr);
        (await File.ReadAllLinesAsync(output)).Should().HaveCount(3);
        Directory.GetFiles(_host.Directory, "*.tmp").Should().BeEmpty();
    }

    [Fact]
    public async Task Spool_OutputLargerThanTheMemoryLimit_MovesToATemporaryFileAndIsPublishedWhole()
    {
        var expected = new StringBuilder();
        using var stdout = new StringWriter();
        using (var spool = OutputSpool.Create(null, memoryLimit: 1024))
        {
            for (var i = 0; i < 500; i++)
            {
                var line = $"line {i.ToString(CultureInfo.InvariantCulture)} ünïcödé 漢字\n";
                expected.Append(line);
                await spool.Writer.WriteAsync(line);
            }

            spool.SpilledToFile.Should().BeFalse("nothing is flushed before the writer's buffer fills");
            await spool.Writer.FlushAsync();
            spool.SpilledToFile.Should().BeTrue();
            await spool.PublishAsync(stdout, stdoutBytes: null, CancellationToken.None);
        }

        stdout.ToString().Should().Be(expected.ToString());
    }

    // On the console the spooled bytes go to standard output's stream as they are; text written to standard output before,
    // still in its writer's buffer, comes first, and the bytes are those the writer would have written.
    [Theory]
    [InlineData(1024)]
    [InlineData(OutputSpool.MemoryLimit)]
    public async Task Spool_PublishedAsBytes_SameBytesAsThroughTheWriter(int memoryLimit)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var expected = new StringBuilder("written before\n");
        using var bytes = new MemoryStream();
        await using var stdout = new StreamWriter(bytes, utf8, 4096, leaveOpen: true);
        await stdout.WriteAsync("written before\n");
        using (var spool = OutputSpool.Create(null, memoryLimit))
        {
            for (var i = 0; i < 500; i++)
            {
                var line = $"line {i.ToString(CultureInfo.InvariantCulture)} ünïcödé 漢字 \U0001F600\n";
                expected.Append(line);
                await spool.Writer.WriteAsync(line);
            }

            await spool.PublishAsync(stdout, bytes, CancellationToken.None);
            spool.SpilledToFile.Should().Be(memoryLimit == 1024);
        }

        bytes.ToArray().Should().Equal(utf8.GetBytes(expected.ToString()));
    }

    [Fact]
    public async Task Spool_NotPublished_LeavesNoFile()
    {
        var output = _host.PathOf("never.jsonl");
        using (var spool = OutputSpool.Create(output))
        {
            await spool.Writer.WriteAsync("partial");
        }

        File.Exists(output).Should().BeFalse();
        Directory.GetFiles(_host.Directory).Should().BeEmpty();
    }

    private string WriteRows(int rows)
    {
        var text = new StringBuilder("id,name\n");
        for (var i = 1; i <= rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"R{i},Acme Widgets {i}\n");
        }

        return _host.Write($"rows-{rows}.csv", text.ToString());
    }
}
