using System.Text.Json;
using FluentAssertions;
using VendorScreen.Tests.Infrastructure;

namespace VendorScreen.Tests.Cli;

/// <summary><c>--format html</c> writes one self-contained report that a person reads in a browser; it is rendered in headless Chromium.</summary>
public sealed class HtmlReportTests : IDisposable
{
    private readonly CliTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Screen_HtmlFormat_OneSelfContainedPageWithCountsListsPolicyAndAlgorithm()
    {
        var run = await CliTestHost.RunAsync("screen", SampleFileTests.SamplePath("products.csv"), "--format", "html");

        run.ExitCode.Should().Be(0, run.Stderr);
        var html = run.Stdout;
        html.Should().StartWith("<!DOCTYPE html>").And.EndWith("</html>\n");
        html.Should().NotContain("<script", "the report needs no script").And.NotContain("<link", "the style is inline")
            .And.NotContain(" src=", "the page loads nothing");
        html.Should().Contain("token-align-v5").And.Contain("<td>default</td>");
        html.Should().MatchRegex("[0-9a-f]{64}", "each list's SHA-256 is shown");
    }

    [Fact]
    public async Task Screen_HtmlFormat_TextFromTheInputIsEscaped()
    {
        var input = _host.Write("hostile.csv", "id,name\n\"<script>alert(1)</script>\",\"Hikvision <img src=x onerror=alert(2)>\"\n");

        var run = await CliTestHost.RunAsync("screen", input, "--format", "html");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().NotContain("<script>").And.NotContain("<img").And.Contain("&lt;script&gt;");
    }

    [Fact]
    public async Task Screen_HtmlFormat_RowClearedByADispositionIsShownWithTheDisposition()
    {
        var db = _host.PathOf("audit.db");
        var list = _host.Write("acme.json", CliTestHost.CustomDatasetJson);
        var input = _host.Write("in.csv", "id,name,country\nS1,Globex Trading,AE\n");
        var add = await CliTestHost.RunAsync("disposition", "add", "--store", db, "--source", list, "--party", "S1", "--entity", "acme:globex",
            "--kind", "false-positive", "--reason", "different company: other registration", "--user", "bob");
        add.ExitCode.Should().Be(0, add.Stderr);

        var run = await CliTestHost.RunAsync("screen", input, "--source", list, "--store", db, "--format", "html");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("Cleared by a disposition (1)").And.Contain("a false positive by disposition")
            .And.Contain("of bob on").And.Contain("different company: other registration").And.Contain("Globex Trading (acme:globex)");
    }

    [ChromiumFact]
    public async Task Screen_HtmlReport_RendersInChromiumWithEveryBlockAndItsPath()
    {
        var input = SampleFileTests.SamplePath("products.csv");
        var json = await CliTestHost.RunAsync("screen", input, "--format", "json");
        json.ExitCode.Should().Be(0, json.Stderr);
        var report = _host.PathOf("report.html");
        var run = await CliTestHost.RunAsync("screen", input, "--format", "html", "-o", report);
        run.ExitCode.Should().Be(0, run.Stderr);

        await using var page = await ChromiumPage.OpenAsync(report);
        var rendered = JsonDocument.Parse((await page.EvaluateAsync("""
            JSON.stringify({
              text: document.body.innerText,
              summary: document.querySelector('#summary').innerText,
              blocks: [...document.querySelectorAll('#block article')].map(a => a.innerText),
              overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth
            })
            """))!).RootElement;

        var rows = json.JsonLines;
        foreach (var decision in new[] { "block", "review", "clear", "incomplete" })
        {
            var count = rows.Count(r => r.GetProperty("decision").GetString() == decision);
            rendered.GetProperty("summary").GetString().Should().MatchRegex($"(?m)^{decision}\\s+{count}$", "the summary shows the {0} count", decision);
        }

        var blocks = rendered.GetProperty("blocks").EnumerateArray().Select(b => b.GetString()!).ToList();
        var expectedBlocks = rows.Where(r => r.GetProperty("decision").GetString() == "block").ToList();
        expectedBlocks.Should().NotBeEmpty();
        blocks.Should().HaveCount(expectedBlocks.Count);
        foreach (var row in expectedBlocks)
        {
            var id = row.GetProperty("id").GetString()!;
            var article = blocks.Should().ContainSingle(b => b.Contains(id + "\n", StringComparison.Ordinal) || b.Contains(id + " line", StringComparison.Ordinal)).Which;
            var hit = row.GetProperty("hits").EnumerateArray().First(h => h.GetProperty("decision").GetString() == "block");
            article.Should().Contain(hit.GetProperty("listedEntityName").GetString()!);
            var path = hit.GetProperty("path").EnumerateArray().Select(p => p.GetString()!).ToList();
            for (var i = 1; i < path.Count; i += 2)
            {
                article.Should().Contain("→ " + path[i], "the path's relation {0} is shown", path[i]);
            }
        }

        var text = rendered.GetProperty("text").GetString()!;
        text.Should().Contain("Lists screened against").And.Contain("token-align-v5").And.MatchRegex("[0-9a-f]{64}");
        rendered.GetProperty("overflow").GetBoolean().Should().BeFalse("the page fits a 1280-pixel window without scrolling sideways");

        var pdf = await page.PrintToPdfAsync();
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).Should().Be("%PDF-", "the report prints");
        var screenshot = await page.ScreenshotAsync();
        screenshot.Should().StartWith(new byte[] { 0x89, 0x50, 0x4E, 0x47 });
        if (Environment.GetEnvironmentVariable("VENDORSCREEN_REPORT_SCREENSHOT") is { Length: > 0 } keep)
        {
            await File.WriteAllBytesAsync(keep, screenshot);
        }
    }
}
