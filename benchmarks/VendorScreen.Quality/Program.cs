using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using VendorScreen.Quality;
using VendorScreen.Quality.Suites;

// Match-quality evaluation on the public corpora in shared/data/eval. Prints a table per suite and, last, one line of JSON
// with every figure: {"suite.metric": value, ...}. See README.md beside this file.
ISuite[] suites =
[
    new NameBenchSuite(),
    new ChecksSuite(),
    new OfacParitySuite(),
    new UnSuite(),
    new NegativesSuite(),
    new SecSuite(),
    new TickersSuite(),
    new WatchmanSuite(),
    new TranslitSuite(),
    new PairsSuite(),
    new CompaniesSuite(),
    new TypoSuite(),
    new AnalystSuite(),
];

string? data = null;
int? limit = null;
int? worst = null;
var quick = false;
var threshold = new VendorScreen.ScreeningOptions().ReviewThreshold;
var selected = new List<string>();
var lists = new List<ListSpec>();
ListSpec? unList = null;
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--data":
            data = Next();
            break;
        case "--suite":
            selected.AddRange(Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            break;
        case "--limit":
            limit = int.Parse(Next(), CultureInfo.InvariantCulture);
            break;
        case "--worst":
            worst = int.Parse(Next(), CultureInfo.InvariantCulture);
            break;
        case "--list":
            lists.Add(ListSpec.Parse(Next()));
            break;
        case "--un-list":
            unList = ListSpec.Parse(Next());
            break;
        case "--quick":
            quick = true;
            break;
        case "--threshold":
            threshold = double.Parse(Next(), CultureInfo.InvariantCulture);
            break;
        case "-h" or "--help":
            Console.WriteLine("usage: VendorScreen.Quality [--data SHARED/DATA] [--suite NAME]... [--limit N] [--worst N] [--quick] [--threshold 0.80] [--list FORMAT:PATH]... [--un-list FORMAT:PATH]");
            Console.WriteLine("suites: " + string.Join(", ", suites.Select(s => s.Name)));
            return 0;
        default:
            Console.Error.WriteLine($"unknown argument {args[i]}; try --help");
            return 2;
    }
}

data ??= FindData();
if (data is null || !Directory.Exists(Path.Combine(data, "eval")))
{
    Console.Error.WriteLine($"shared data folder not found ({data ?? "none given"}); pass --data ../shared/data");
    return 2;
}

var unknown = selected.Where(s => !suites.Any(x => string.Equals(x.Name, s, StringComparison.OrdinalIgnoreCase))).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"unknown suite(s) {string.Join(", ", unknown)}; known: {string.Join(", ", suites.Select(s => s.Name))}");
    return 2;
}

var context = new QualityContext(Path.GetFullPath(data), limit, quick, threshold, lists, unList) { WorstCount = worst };
var run = selected.Count == 0 ? suites : suites.Where(s => selected.Contains(s.Name, StringComparer.OrdinalIgnoreCase)).ToArray();
Console.WriteLine($"VendorScreen match quality: data {data}, threshold {Format.Number(threshold)}{(quick ? ", quick" : string.Empty)}{(limit is { } l ? $", limit {l}" : string.Empty)}");
var figures = new List<(string Key, double Value)>();
var total = Stopwatch.StartNew();
foreach (var suite in run)
{
    var watch = Stopwatch.StartNew();
    SuiteReport report;
    try
    {
        report = await suite.RunAsync(context);
    }
    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or FormatException or JsonException)
    {
        report = SuiteReport.Unavailable(suite.Name, suite.Title, $"{ex.GetType().Name}: {ex.Message}");
    }

    report.Line($"({watch.Elapsed.TotalSeconds:0.0} s)");
    report.WriteTo(Console.Out);
    figures.AddRange(report.Figures);
}

Console.WriteLine();
Console.WriteLine($"total {total.Elapsed.TotalSeconds:0.0} s");
var buffer = new MemoryStream();
using (var json = new Utf8JsonWriter(buffer))
{
    json.WriteStartObject();
    foreach (var (key, value) in figures)
    {
        json.WriteNumber(key, double.IsFinite(value) ? Math.Round(value, 4) : 0);
    }

    json.WriteEndObject();
}

Console.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
return 0;

static string? FindData()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "data");
            if (File.Exists(Path.Combine(dir.FullName, "VendorScreen.sln")) && Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }
    }

    return null;
}
