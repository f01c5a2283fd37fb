namespace VendorScreen.Sources.Lists;

/// <summary>What format detection looks at: the first bytes of a file as text, its first lines, and header cells.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class ListProbe
{
    /// <summary>Gets the first bytes (4 KiB unless said) of a file as text; empty when the file cannot be read.</summary>
    public static string Head(string path, int bytes = 4096) => ListInput.Peek(path, bytes);

    /// <summary>Gets the first lines of a file (within its first 4 KiB).</summary>
    public static List<string> Lines(string path, int count) => ListInput.FirstLines(ListInput.Peek(path), count);

    /// <summary>Gets the first line of a file, or an empty string.</summary>
    public static string FirstLine(string path) => Lines(path, 1).FirstOrDefault() ?? string.Empty;

    /// <summary>Splits a header line into upper-case cells without quotes.</summary>
    public static string[] HeaderCells(string line, char delimiter) =>
        line.Split(delimiter).Select(c => c.Trim().Trim('"').Trim().ToUpperInvariant()).ToArray();

    /// <summary>Gets whether a path names a file with one of the extensions (case-insensitive, with the dot).</summary>
    public static bool HasExtension(string path, params string[] extensions) =>
        File.Exists(path) && extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));
}
