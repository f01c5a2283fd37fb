using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace VendorScreen.Tests.Infrastructure;

/// <summary>Finds a headless Chromium for tests that check a page as a person sees it (Debian package <c>chromium</c>).</summary>
internal static class Chromium
{
    public const string RequireVariable = "VENDORSCREEN_REQUIRE_CHROMIUM";

    private static readonly Lazy<string?> Executable = new(Find);

    /// <summary>Gets the browser's path, or null when none is installed.</summary>
    public static string? Path => Executable.Value;

    public static bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    private static string? Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable("VENDORSCREEN_CHROMIUM");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return File.Exists(fromEnv) ? fromEnv : null;
        }

        return new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);
    }
}

/// <summary>A fact that needs headless Chromium: skipped with a visible reason when it is absent, failed when
/// VENDORSCREEN_REQUIRE_CHROMIUM=1 (set by .ci/run, which installs it).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null && !Chromium.IsRequired)
        {
            Skip = "Chromium is not installed (apt-get install chromium, or set VENDORSCREEN_CHROMIUM); the HTML report is not rendered.";
        }
    }
}

/// <summary>
/// One headless Chromium showing one page, driven over the DevTools protocol: evaluates script in the rendered page (for its
/// <c>innerText</c>, what a person reads) and captures a screenshot or a PDF print.
/// </summary>
internal sealed partial class ChromiumPage : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private int _nextId;

    private ChromiumPage(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Starts the browser on a file and waits until the page has loaded.</summary>
    public static async Task<ChromiumPage> OpenAsync(string file, int width = 1280, int height = 1600)
    {
        var executable = Chromium.Path ?? throw new InvalidOperationException(
            $"Chromium was not found and {Chromium.RequireVariable}=1 requires it (apt-get install chromium).");
        var profile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vendorscreen-chromium-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--remote-debugging-port=0",
            $"--user-data-dir={profile}", $"--window-size={width},{height}", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start");
        var page = new ChromiumPage(process, profile);
        try
        {
            _ = process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var port = await ReadPortAsync(process, timeout.Token);
            using var http = new HttpClient();
            string? pageSocket = null;
            while (pageSocket is null)
            {
                var list = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list"), timeout.Token))!.AsArray();
                pageSocket = list.FirstOrDefault(t => (string?)t!["type"] == "page")?["webSocketDebuggerUrl"]?.GetValue<string>();
                if (pageSocket is null)
                {
                    await Task.Delay(100, timeout.Token);
                }
            }

            await page._socket.ConnectAsync(new Uri(pageSocket), timeout.Token);
            var url = new Uri(System.IO.Path.GetFullPath(file)).AbsoluteUri;
            await page.SendAsync("Page.navigate", new JsonObject { ["url"] = url });
            while (await page.EvaluateAsync($"document.readyState === 'complete' && location.href === {JsonSerializer.Serialize(url)}") is not "true")
            {
                await Task.Delay(100, timeout.Token);
            }

            return page;
        }
        catch
        {
            await page.DisposeAsync();
            throw;
        }
    }

    /// <summary>Evaluates a script expression in the page and returns its value as JSON text (a string result unquoted).</summary>
    public async Task<string?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true });
        if (result["exceptionDetails"] is { } exception)
        {
            throw new InvalidOperationException("the page's script failed: " + exception.ToJsonString());
        }

        var value = result["result"]?["value"];
        return value is null ? null : value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
    }

    /// <summary>Captures the viewport as PNG bytes.</summary>
    public async Task<byte[]> ScreenshotAsync() =>
        Convert.FromBase64String((string)(await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true }))["data"]!);

    /// <summary>Prints the page to PDF as a browser's print does (A4, backgrounds) and returns the bytes.</summary>
    public async Task<byte[]> PrintToPdfAsync() =>
        Convert.FromBase64String((string)(await SendAsync("Page.printToPDF", new JsonObject { ["printBackground"] = true, ["paperWidth"] = 8.27, ["paperHeight"] = 11.69 }))["data"]!);

    private async Task<JsonNode> SendAsync(string method, JsonObject parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters }.ToJsonString();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var received = new MemoryStream();
            WebSocketReceiveResult part;
            do
            {
                part = await _socket.ReceiveAsync(buffer, timeout.Token);
                received.Write(buffer, 0, part.Count);
            }
            while (!part.EndOfMessage);

            var reply = JsonNode.Parse(received.ToArray())!;
            if ((int?)reply["id"] != id)
            {
                continue; // an event
            }

            return reply["error"] is { } error
                ? throw new InvalidOperationException($"Chromium refused {method}: {error.ToJsonString()}")
                : reply["result"]!;
        }
    }

    private static async Task<int> ReadPortAsync(Process process, CancellationToken cancellationToken)
    {
        var seen = new StringBuilder();
        while (await process.StandardError.ReadLineAsync(cancellationToken) is { } line)
        {
            seen.AppendLine(line);
            if (DevToolsLine().Match(line) is { Success: true } match)
            {
                _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
                return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException("Chromium exited before it listened for DevTools: " + seen);
    }

    [GeneratedRegex(@"DevTools listening on ws://127\.0\.0\.1:(\d+)/")]
    private static partial Regex DevToolsLine();

    public async ValueTask DisposeAsync()
    {
        _socket.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // It has exited.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A leftover profile folder in the temp folder is harmless.
        }
    }
}
