using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace VendorScreen.Quality;

/// <summary>Settings and shared state of one harness run.</summary>
internal sealed class QualityContext
{
    public QualityContext(string dataRoot, int? limit, bool quick, double threshold, IReadOnlyList<ListSpec>? lists = null, ListSpec? unList = null)
    {
        SanctionLists = lists is { Count: > 0 } ? lists : ListCatalog.Sanctions;
        OtherLists = lists is { Count: > 0 } ? [] : ListCatalog.Others;
        UnList = unList ?? ListCatalog.Un;
        DataRoot = dataRoot;
        Limit = limit;
        Quick = quick;
        Threshold = threshold;
        Lists = new ListCatalog(dataRoot);
    }

    /// <summary>Gets the shared data folder (<c>shared/data</c>).</summary>
    public string DataRoot { get; }

    /// <summary>Gets the most rows read from a large file, when set.</summary>
    public int? Limit { get; }

    /// <summary>Gets how many worst cases (misses and false alerts) a suite lists, when set (<c>--worst</c>); else each suite's own number.</summary>
    public int? WorstCount { get; init; }

    /// <summary>Gets whether this is a fast run (small samples of the large files).</summary>
    public bool Quick { get; }

    /// <summary>Gets the score at or above which a pair counts as a match (an alert).</summary>
    public double Threshold { get; }

    /// <summary>Gets the sanctions lists screened by the false-alert suites (the shared files, or those given with --list).</summary>
    public IReadOnlyList<ListSpec> SanctionLists { get; }

    /// <summary>Gets the further lists screened by the "all lists" suites.</summary>
    public IReadOnlyList<ListSpec> OtherLists { get; }

    /// <summary>Gets the UN list for the recall suite (the shared file, or the one given with --un-list).</summary>
    public ListSpec UnList { get; }

    /// <summary>Gets the list files, loaded once and shared between suites.</summary>
    public ListCatalog Lists { get; }

    public string Eval(string relative) => Path.Combine(DataRoot, "eval", relative);

    public string Data(string relative) => Path.Combine(DataRoot, relative);

    /// <summary>Gets the sample size for a large file: the explicit limit, else the quick size in a quick run, else the default.</summary>
    public int SampleSize(int available, int defaultSize, int quickSize = 1000)
    {
        var size = Limit ?? (Quick ? quickSize : defaultSize);
        return Math.Min(available, Math.Max(1, size));
    }

    /// <summary>Reads a CSV file with a header into dictionaries keyed by column name.</summary>
    public static List<Dictionary<string, string>> ReadCsv(string path, char delimiter = ',')
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            BadDataFound = null,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.None,
        };
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, config);
        var rows = new List<Dictionary<string, string>>();
        if (!csv.Read())
        {
            return rows;
        }

        csv.ReadHeader();
        var header = csv.HeaderRecord ?? [];
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i].Trim()] = csv.GetField(i) ?? string.Empty;
            }

            rows.Add(row);
        }

        return rows;
    }
}

/// <summary>A quality suite.</summary>
internal interface ISuite
{
    string Name { get; }

    string Title { get; }

    Task<SuiteReport> RunAsync(QualityContext context);
}
