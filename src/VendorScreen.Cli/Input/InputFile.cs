using System.Globalization;
using System.Text;

namespace VendorScreen.Cli.Input;

/// <summary>One data row of the input file, turned into a request.</summary>
/// <param name="Line">The 1-based line the row starts on.</param>
/// <param name="Id">The row id: the <c>id</c> column, or the 1-based data row number.</param>
/// <param name="Request">The request to screen.</param>
internal sealed record InputRow(int Line, string Id, ScreeningRequest Request);

/// <summary>The parsed input file.</summary>
/// <param name="Rows">The data rows, in file order.</param>
/// <param name="IgnoredColumns">Header names that are not input columns.</param>
internal sealed record InputTable(IReadOnlyList<InputRow> Rows, IReadOnlyList<string> IgnoredColumns);

/// <summary>
/// Reads the screening input: a UTF-8 CSV file (a BOM is allowed) with a header row. Column names are matched
/// case-insensitively after trimming; <c>-</c> and spaces count as <c>_</c>. Every data row becomes exactly one request;
/// any problem stops the whole file with a <see cref="CliException"/> that names the file and line.
/// </summary>
internal static class InputFile
{
    /// <summary>The longest physical line accepted.</summary>
    public const int MaxLineLength = 64 * 1024;

    /// <summary>The longest field accepted: the library's limit on a name or text (<see cref="ScreeningRequest.MaxTextLength"/>),
    /// so that nothing the command line accepts is cut or refused by the engine.</summary>
    public const int MaxFieldLength = ScreeningRequest.MaxTextLength;

    /// <summary>The columns that name a party or product; the header needs at least one.</summary>
    public static readonly IReadOnlyList<string> NameColumns = ["name", "brand", "manufacturer", "seller", "model", "fcc_id", "title"];

    /// <summary>Every input column.</summary>
    public static readonly IReadOnlyList<string> KnownColumns = ["id", "name", "country", "brand", "manufacturer", "seller", "model", "fcc_id", "title", "category", "as_of", DateOfBirthColumn, "parent", "ultimate_parent"];

    /// <summary>The date-of-birth column; <c>dob</c> is accepted as its other name.</summary>
    public const string DateOfBirthColumn = "date_of_birth";

    internal const string DateOfBirthShortColumn = "dob";

    private static readonly string[] ProductColumns = ["brand", "manufacturer", "seller", "model", "fcc_id", "title"];

    /// <summary>Reads and checks the whole file into memory; <see cref="Open"/> reads it row by row.</summary>
    /// <param name="path">The file path (as the user typed it; used in messages).</param>
    /// <param name="defaultAsOf">The as-of date for rows without an <c>as_of</c> value; <see langword="null"/> for today.</param>
    /// <returns>The rows.</returns>
    /// <exception cref="CliException">The file is missing, unreadable or not valid input.</exception>
    public static InputTable Read(string path, DateOnly? defaultAsOf)
    {
        using var reader = Open(path, defaultAsOf);
        return new InputTable(reader.ReadRows().ToList(), reader.IgnoredColumns);
    }

    /// <summary>Opens the file, checks that it is UTF-8 text and reads its header; the rows are read one at a time by
    /// <see cref="InputRowReader.ReadRows"/>, so a file of any length is read in bounded memory.</summary>
    /// <param name="path">The file path (as the user typed it; used in messages).</param>
    /// <param name="defaultAsOf">The as-of date for rows without an <c>as_of</c> value; <see langword="null"/> for today.</param>
    /// <param name="checkEncoding">Whether the whole file is first checked to be UTF-8 text (<see cref="CheckEncoding"/>), for
    /// messages that name the line; a second read of a checked file skips it, and strict decoding still refuses invalid bytes.</param>
    /// <returns>The reader, positioned after the header.</returns>
    /// <exception cref="CliException">The file is missing, unreadable, not UTF-8 text or has no valid header.</exception>
    public static InputRowReader Open(string path, DateOnly? defaultAsOf, bool checkEncoding = true)
    {
        if (Directory.Exists(path))
        {
            throw new CliException($"{path}: is a folder, not a CSV file");
        }

        if (!File.Exists(path))
        {
            throw new CliException($"{path}: no such file");
        }

        FileStream? stream = null;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
            if (checkEncoding)
            {
                CheckEncoding(stream, path);
                stream.Position = 0;
            }

            var reader = new LineLimitedReader(new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: false), MaxLineLength);
            return new InputRowReader(reader, path, defaultAsOf);
        }
        catch (Exception ex) when (Translate(ex, path) is { } error)
        {
            stream?.Dispose();
            throw error;
        }
        catch
        {
            stream?.Dispose();
            throw;
        }
    }

    /// <summary>Turns a failure to read the file into the error the user sees, or <see langword="null"/> when it is not one.</summary>
    /// <param name="ex">The exception.</param>
    /// <param name="path">The file name for messages.</param>
    /// <returns>The error, or <see langword="null"/>.</returns>
    internal static CliException? Translate(Exception ex, string path) => ex switch
    {
        // The file changed after it was checked.
        DecoderFallbackException => new CliException($"{path}: not valid UTF-8 text (save the file as UTF-8)"),
        LineTooLongException tooLong => new CliException($"{path}:{tooLong.Line}: line is longer than {MaxLineLength} characters"),
        IOException or UnauthorizedAccessException => new CliException($"{path}: cannot read: {CliContext.OneLine(ex.Message)}", ex),
        _ => null,
    };

    /// <summary>UTF-8 that skips a leading BOM and throws on invalid bytes instead of replacing them (a real U+FFFD is kept).</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    /// <summary>Checks that a file is UTF-8 text before it is parsed: no NUL byte (a UTF-16 file or a binary file), no invalid byte
    /// sequence. A valid U+FFFD character is accepted. Messages name the physical line and never echo the bytes.</summary>
    /// <param name="stream">The file, at its start.</param>
    /// <param name="path">The file name for messages.</param>
    /// <exception cref="CliException">The file is not UTF-8 text.</exception>
    public static void CheckEncoding(Stream stream, string path)
    {
        const string SaveAsUtf8 = "save the file as UTF-8";
        var buffer = new byte[64 * 1024];
        var chars = new char[buffer.Length];
        var carried = 0;
        var line = 1;
        var first = true;
        while (true)
        {
            var read = stream.ReadAtLeast(buffer.AsSpan(carried), buffer.Length - carried, throwOnEndOfStream: false);
            var length = carried + read;
            var final = read < buffer.Length - carried;
            var span = buffer.AsSpan(0, length);
            if (first)
            {
                first = false;
                if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || LooksLikeUtf16(span))
                {
                    throw new CliException($"{path}:1: looks like UTF-16, not UTF-8 text; {SaveAsUtf8}");
                }
            }

            var nul = span.IndexOf((byte)0);
            var status = System.Text.Unicode.Utf8.ToUtf16(span, chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
            if (nul >= 0 && (status != System.Buffers.OperationStatus.InvalidData || nul < consumed))
            {
                throw new CliException($"{path}:{line + span[..nul].Count((byte)'\n')}: contains a NUL byte, so it is not a text file (a UTF-16 or binary file?); {SaveAsUtf8}");
            }

            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                throw new CliException($"{path}:{line + span[..consumed].Count((byte)'\n')}: not valid UTF-8 text; {SaveAsUtf8}");
            }

            line += span[..consumed].Count((byte)'\n');
            carried = length - consumed;
            if (final)
            {
                return;
            }

            span[consumed..].CopyTo(buffer);
        }
    }

    /// <summary>Whether the start of a file has the pattern of UTF-16 text without a BOM: NUL bytes at every other position.</summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> start)
    {
        var sample = start[..(Math.Min(start.Length, 256) & ~1)];
        if (sample.Length < 4)
        {
            return false;
        }

        int evenNul = 0, oddNul = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            evenNul += sample[i] == 0 ? 1 : 0;
            oddNul += sample[i + 1] == 0 ? 1 : 0;
        }

        var pairs = sample.Length / 2;
        return Math.Max(evenNul, oddNul) * 2 >= pairs && Math.Min(evenNul, oddNul) * 8 < pairs;
    }

    /// <summary>Turns a column header into its canonical name: trimmed, lower case, <c>-</c> and spaces as <c>_</c>.</summary>
    /// <param name="header">The header text.</param>
    /// <returns>The canonical name.</returns>
    public static string NormalizeColumnName(string header) =>
        header.Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_');

    /// <summary>Parses a <c>yyyy-MM-dd</c> date.</summary>
    /// <param name="text">The text.</param>
    /// <param name="date">The date.</param>
    /// <returns>Whether the text is a valid date.</returns>
    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    internal static InputRow ToRow(string[] record, Dictionary<string, int> columns, int line, int rowNumber, string path, DateOnly? defaultAsOf, string dateOfBirthLabel)
    {
        string? Get(string column)
        {
            if (!columns.TryGetValue(column, out var index))
            {
                return null;
            }

            var value = record[index].Trim();
            return value.Length == 0 ? null : value;
        }

        var id = Get("id") ?? rowNumber.ToString(CultureInfo.InvariantCulture);
        var asOf = defaultAsOf;
        if (Get("as_of") is { } asOfText)
        {
            asOf = TryParseDate(asOfText, out var date)
                ? date
                : throw new CliException($"{path}:{line}: invalid as_of \"{asOfText}\" (expected yyyy-MM-dd)");
        }

        FactDate? dateOfBirth = null;
        if (Get(DateOfBirthColumn) is { } dobText)
        {
            dateOfBirth = FactDate.TryParse(dobText, out var dob)
                ? dob
                : throw new CliException($"{path}:{line}: invalid {dateOfBirthLabel} \"{dobText}\" (expected yyyy, yyyy-MM or yyyy-MM-dd)");
        }

        var name = Get("name");
        var country = Get("country");
        ScreeningRequest request;
        if (ProductColumns.Any(c => Get(c) is not null))
        {
            if (Get("parent") is not null || Get("ultimate_parent") is not null)
            {
                throw new CliException($"{path}:{line}: parent and ultimate_parent apply to a party (a row with a name and no product columns)");
            }

            var product = ScreeningRequest.ForProduct() with
            {
                Title = Get("title"),
                Brand = Get("brand"),
                Manufacturer = Get("manufacturer"),
                Seller = Get("seller"),
                Model = Get("model"),
                FccId = Get("fcc_id"),
                Category = Get("category"),
            };
            request = PlaceName(product, name, path, line);
        }
        else if (name is not null)
        {
            // The supplier's parent and ultimate parent from the caller's records, nearest first.
            request = ScreeningRequest.ForParty(name) with
            {
                DateOfBirth = dateOfBirth,
                Parents = new[] { Get("parent"), Get("ultimate_parent") }.OfType<string>().Select(p => new PartyParent(p)).ToArray(),
            };
        }
        else
        {
            throw new CliException($"{path}:{line}: nothing to screen (name, brand, manufacturer, seller, model, fcc_id and title are all empty)");
        }

        return new InputRow(line, id, request with { Id = id, Country = country, AsOf = asOf });
    }

    /// <summary>A product row may also have a <c>name</c>: it is the manufacturer when that is empty, else the seller when that is
    /// empty, else the title when that is empty. A name equal to one of those fields adds nothing.</summary>
    private static ProductScreeningRequest PlaceName(ProductScreeningRequest product, string? name, string path, int line)
    {
        if (name is null || new[] { product.Manufacturer, product.Seller, product.Brand, product.Title }.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return product;
        }

        return product switch
        {
            { Manufacturer: null } => product with { Manufacturer = name },
            { Seller: null } => product with { Seller = name },
            { Title: null } => product with { Title = name },
            _ => throw new CliException($"{path}:{line}: name \"{name}\" has no place in a product row whose manufacturer, seller and title are all set (leave name empty or put it in one of them)"),
        };
    }

    internal static bool IsBlank(string[] record) => record.Length == 1 && string.IsNullOrWhiteSpace(record[0]);

    internal static string Describe(string[] header)
    {
        var names = header.Select(h => h.Trim()).Where(h => h.Length > 0).Take(8).Select(h => "\"" + h + "\"").ToList();
        return names.Count == 0 ? "no column names" : string.Join(", ", names);
    }
}
