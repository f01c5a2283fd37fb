using System.Text;
using VendorScreen.Sources;
using VendorScreen.Tests.Sources.Lists;

namespace VendorScreen.Tests.Fuzz;

/// <summary>What a reader made of one input: a snapshot, a refusal (<see cref="SanctionListSourceException"/>), or any
/// other exception, which is a defect.</summary>
internal sealed record ReaderOutcome(ListSnapshot? Snapshot, SanctionListSourceException? Refusal, Exception? Unexpected)
{
    public bool IsDefect => Unexpected is not null;

    /// <summary>Gets the short name of the outcome: <c>snapshot</c>, <c>refused</c> or the unexpected exception's type.</summary>
    public string Kind => Unexpected is not null ? Unexpected.GetType().Name : Refusal is not null ? "refused" : "snapshot";
}

/// <summary>Writes an input to a private temporary folder and loads it through <see cref="SourceFormats.Open"/> with an
/// explicit format, as the CLI and library users do.</summary>
internal sealed class ReaderHarness : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "vendorscreen-fuzz-" + Guid.NewGuid().ToString("N"));
    private int _next;

    /// <summary>Loads one file (named <paramref name="fileName"/>) in a format.</summary>
    public ReaderOutcome Load(string format, string fileName, byte[] content) => Load(format, [new(fileName, content)], folder: false);

    /// <summary>Loads a set of files: the folder that holds them when <paramref name="folder"/> is set, else the first file.</summary>
    public ReaderOutcome Load(string format, IReadOnlyList<CorpusFile> files, bool folder)
    {
        ArgumentNullException.ThrowIfNull(files);
        var dir = Path.Combine(_root, (_next++).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        try
        {
            foreach (var file in files)
            {
                File.WriteAllBytes(Path.Combine(dir, file.Name), file.Content);
            }

            var path = folder ? dir : Path.Combine(dir, files[0].Name);
            return Load($"{format}:{path}", dir);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>Describes an exception for a failure message: type, message and the first frames of its stack.</summary>
    public static string Describe(Exception ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var frames = (ex.StackTrace ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(4);
        return $"{ex.GetType().FullName}: {ex.Message}{Environment.NewLine}      {string.Join(Environment.NewLine + "      ", frames)}";
    }

    private static ReaderOutcome Load(string spec, string dir)
    {
        try
        {
            var source = SourceFormats.Open(spec, ListTestFiles.Clock());
            var snapshot = source.LoadAsync().AsTask().GetAwaiter().GetResult();
            if (snapshot is null || snapshot.Entities is null || snapshot.RejectedRecords is null || snapshot.Relations is null)
            {
                return new(null, null, new InvalidOperationException("LoadAsync returned a null snapshot or a snapshot with null collections."));
            }

            return new(snapshot, null, null);
        }
        catch (SanctionListSourceException ex)
        {
            // A refusal must say where: the file or folder the source was opened on.
            return ex.Message.Contains(dir, StringComparison.Ordinal) || (ex.Location?.Contains(dir, StringComparison.Ordinal) ?? false)
                ? new(null, ex, null)
                : new(null, null, new InvalidOperationException("SanctionListSourceException names no file: " + ex.Message, ex));
        }
#pragma warning disable CA1031 // Every other exception type is the defect this harness looks for.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new(null, null, ex);
        }
    }
}

/// <summary>One file of a fuzz input.</summary>
internal sealed record CorpusFile(string Name, byte[] Content)
{
    public override string ToString() => $"{Name} ({Content.Length} bytes)";

    public static CorpusFile Text(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));
}
