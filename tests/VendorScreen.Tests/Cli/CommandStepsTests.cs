using System.CommandLine;
using FluentAssertions;
using VendorScreen.Cli;
using VendorScreen.Cli.Output;

namespace VendorScreen.Tests.Cli;

/// <summary>The steps the commands share: work on the audit store (a store failure ends the command with one line), writing
/// <c>--output</c> (the file is closed whatever happens) and the checks of the <c>--output</c> path.</summary>
public sealed class CommandStepsTests : IDisposable
{
    private readonly CliTestHost _host = new();

    [Fact]
    public async Task UseAsync_StoreFailsInTheWork_OneLineCommandFailureWithTheStoreError()
    {
        var store = new StoreOptions(required: true);
        var command = new Command("test");
        store.AddTo(command);
        var parseResult = command.Parse(["--store", _host.PathOf("audit.db")]);
        var failure = new ScreeningStoreException("audit store: the disk is full\nnothing was written");

        var act = () => store.UseAsync(parseResult, _ => ValueTask.FromException<int>(failure), CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<CliException>()).Which;
        thrown.Message.Should().Be("audit store: the disk is full nothing was written");
        thrown.ExitCode.Should().Be(ExitCodes.BadInput);
        thrown.InnerException.Should().BeSameAs(failure);
    }

    [Fact]
    public async Task UseAsync_WorkSucceeds_ReturnsWhatTheWorkReturned()
    {
        var store = new StoreOptions(required: true);
        var command = new Command("test");
        store.AddTo(command);
        var parseResult = command.Parse(["--store", _host.PathOf("audit.db")]);

        var count = await store.UseAsync(
            parseResult,
            async open => (await open.Dispositions.ListDispositionsAsync(includeRemoved: true, CancellationToken.None)).Count,
            CancellationToken.None);

        count.Should().Be(0);
        File.Exists(_host.PathOf("audit.db")).Should().BeTrue();
    }

    [Fact]
    public async Task WriteAsync_WritingFails_FileIsClosedWithWhatWasWritten()
    {
        var path = _host.PathOf("out.jsonl");
        var context = CliContext.ForWriters(new StringWriter(), new StringWriter());

        var act = () => CommandOutput.WriteAsync(context, path, async writer =>
        {
            await writer.WriteLineAsync("first");
            throw new InvalidOperationException("stop");
        }, CancellationToken.None);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("stop");
        (await File.ReadAllTextAsync(path)).Should().Be("first" + Environment.NewLine);
        using var reopened = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        reopened.Length.Should().Be(5 + Environment.NewLine.Length);
    }

    [Fact]
    public async Task WriteAsync_NoPath_WritesToStandardOutput()
    {
        var stdout = new StringWriter();
        var context = CliContext.ForWriters(stdout, new StringWriter());

        await CommandOutput.WriteAsync(context, null, writer => writer.WriteLineAsync("line"), CancellationToken.None);

        stdout.ToString().Should().Be("line" + Environment.NewLine);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void CheckOutputIsAFile_EmptyValue_Refused(string output)
    {
        var act = () => CliOptions.CheckOutputIsAFile(output);

        act.Should().Throw<CliException>().WithMessage($"--output \"{output}\": expected a file path");
    }

    [Fact]
    public void CheckOutputIsAFile_FolderOrFileOrNone_OnlyTheFolderRefused()
    {
        var folder = _host.Directory;

        FluentActions.Invoking(() => CliOptions.CheckOutputIsAFile(folder))
            .Should().Throw<CliException>().WithMessage($"--output \"{folder}\": expected a file path");
        FluentActions.Invoking(() => CliOptions.CheckOutputIsAFile(_host.PathOf("out.csv"))).Should().NotThrow();
        FluentActions.Invoking(() => CliOptions.CheckOutputIsAFile(null)).Should().NotThrow();
    }

    [Fact]
    public void CheckOutputIsNotInput_SameFileThroughALink_Refused()
    {
        var input = _host.Write("in.csv", "id,name\n1,Acme\n");
        var link = _host.PathOf("link.csv");
        File.CreateSymbolicLink(link, input);

        FluentActions.Invoking(() => CliOptions.CheckOutputIsNotInput(link, input))
            .Should().Throw<CliException>().WithMessage($"--output {link}: would overwrite the input file");
        FluentActions.Invoking(() => CliOptions.CheckOutputIsNotInput(_host.PathOf("out.csv"), input)).Should().NotThrow();
        FluentActions.Invoking(() => CliOptions.CheckOutputIsNotInput(null, input)).Should().NotThrow();
    }

    public void Dispose() => _host.Dispose();
}
