using System.Diagnostics;
using FluentAssertions;
using VendorScreen.Cli;

namespace VendorScreen.Tests.Cli;

public sealed class CliAppTests : IDisposable
{
    private readonly CliTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task RunAsync_ScreenHelp_PrintsUsageToStdoutAndExitsZero()
    {
        var run = await CliTestHost.RunAsync("screen", "--help");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("--format").And.Contain("--as-of").And.Contain("--source").And.Contain("--no-default-data")
            .And.Contain("--policy").And.Contain("--fail-on").And.Contain("--output");
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_RootHelp_ListsTheCommands()
    {
        var run = await CliTestHost.RunAsync("--help");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("screen").And.Contain("sources").And.Contain("update");
    }

    [Fact]
    public async Task RunAsync_Cancelled_ExitsWithInterruptCode()
    {
        var input = _host.Write("ok.csv", "name\nHikvision\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var exitCode = await CliApp.RunAsync(["screen", input], stdout, stderr, cancellation.Token);

        exitCode.Should().Be(130);
        stderr.ToString().Trim().Should().Be("vendorscreen: cancelled");
    }

    [Theory]
    [InlineData("https://example.org/list.json", true)]
    [InlineData("ofac-xml:http://example.org/sdn.xml", true)]
    [InlineData("vendorscreen-json:/tmp/list.json", false)]
    [InlineData("lists/custom.json", false)]
    [InlineData(@"C:\lists\custom.json", false)]
    public void IsUrl_Spec_RecognisesHttpUrlsWithOrWithoutFormat(string spec, bool expected) =>
        EngineFactory.IsUrl(spec).Should().Be(expected);

    [Theory]
    [InlineData(ScreeningDecision.Clear, "review", false)]
    [InlineData(ScreeningDecision.Review, "review", true)]
    [InlineData(ScreeningDecision.Block, "review", true)]
    [InlineData(ScreeningDecision.Incomplete, "review", true)]
    [InlineData(ScreeningDecision.Review, "block", false)]
    [InlineData(ScreeningDecision.Block, "block", true)]
    [InlineData(ScreeningDecision.Incomplete, "block", true)]
    [InlineData(ScreeningDecision.Block, null, false)]
    public void Fails_DecisionAndFailOn_IncompleteFailsBoth(ScreeningDecision decision, string? failOn, bool expected) =>
        ScreenCommand.Fails(decision, failOn).Should().Be(expected);

    [Fact]
    public async Task Process_BadInput_ExitsTwoWithOneLineAndNoStackTrace()
    {
        var cli = typeof(CliApp).Assembly.Location;
        var missing = _host.PathOf("missing.csv");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { cli, "screen", missing, "--format", "json" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(2);
        (await stdout).Should().BeEmpty();
        (await stderr).Trim().Should().Be($"vendorscreen: {missing}: no such file");
    }
}
