using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace VendorScreen.Cli.Input;

/// <summary>
/// Reads the screening input one row at a time (see <see cref="InputFile"/> for the format): the header is read and checked when
/// the reader is made, the rows by <see cref="ReadRows"/>. Any problem stops with a <see cref="CliException"/> that names the file
/// and line; only the current record is held in memory.
/// </summary>
internal sealed class InputRowReader : IDisposable
{
    private readonly TextReader _text;
    private readonly CsvParser _parser;
    private readonly string _path;
    private readonly DateOnly? _defaultAsOf;
    private readonly int _fieldCount;
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private readonly string _dateOfBirthLabel = InputFile.DateOfBirthColumn;
    private int _lastRawRow;
    private bool _started;

    /// <summary>Reads and checks the header.</summary>
    /// <param name="text">The CSV text; the reader owns it.</param>
    /// <param name="path">The file name for messages.</param>
    /// <param name="defaultAsOf">The as-of date for rows without an <c>as_of</c> value.</param>
    /// <exception cref="CliException">The text has no valid header.</exception>
    public InputRowReader(TextReader text, string path, DateOnly? defaultAsOf)
    {
        _text = text;
        _path = path;
        _defaultAsOf = defaultAsOf;
        _parser = new CsvParser(text, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            IgnoreBlankLines = false,
            MaxFieldSize = InputFile.MaxFieldLength,
            DetectColumnCountChanges = false,
        });

        // Header: the first non-blank line.
        string[]? header;
        int headerLine;
        do
        {
            header = Next(out headerLine);
        }
        while (header is not null && InputFile.IsBlank(header));

        if (header is null)
        {
            throw new CliException($"{path}:1: empty file (expected a header row with columns such as id,name,country)");
        }

        var ignored = new List<string>();
        for (var i = 0; i < header.Length; i++)
        {
            var name = InputFile.NormalizeColumnName(header[i]);
            if (string.Equals(name, InputFile.DateOfBirthShortColumn, StringComparison.Ordinal))
            {
                name = InputFile.DateOfBirthColumn;
            }

            if (string.Equals(name, InputFile.DateOfBirthColumn, StringComparison.Ordinal))
            {
                _dateOfBirthLabel = InputFile.NormalizeColumnName(header[i]);
            }

            if (InputFile.KnownColumns.Contains(name))
            {
                if (!_columns.TryAdd(name, i))
                {
                    throw new CliException($"{path}:{headerLine}: column \"{name}\" appears twice in the header");
                }
            }
            else if (header[i].Trim().Length > 0)
            {
                ignored.Add(header[i].Trim());
            }
        }

        if (!InputFile.NameColumns.Any(_columns.ContainsKey))
        {
            throw new CliException($"{path}:{headerLine}: the header has no name column (expected at least one of {string.Join(", ", InputFile.NameColumns)}; found {InputFile.Describe(header)})");
        }

        _fieldCount = header.Length;
        IgnoredColumns = ignored;
    }

    /// <summary>Gets the header names that are not input columns.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; }

    /// <summary>Reads the data rows in file order; can be enumerated once.</summary>
    /// <returns>The rows.</returns>
    /// <exception cref="CliException">A row is not valid input (thrown while enumerating, naming its line).</exception>
    /// <exception cref="InvalidOperationException">The rows were already read.</exception>
    public IEnumerable<InputRow> ReadRows()
    {
        if (_started)
        {
            throw new InvalidOperationException("the rows of an input file can be read once");
        }

        _started = true;
        return Rows();
    }

    private IEnumerable<InputRow> Rows()
    {
        var count = 0;
        int? pendingBlankLine = null;
        while (Next(out var line) is { } record)
        {
            if (InputFile.IsBlank(record))
            {
                pendingBlankLine ??= line;
                continue;
            }

            if (pendingBlankLine is { } blank)
            {
                throw new CliException($"{_path}:{blank}: blank line between data rows (remove it; only blank lines at the end of the file are ignored)");
            }

            if (record.Length != _fieldCount)
            {
                throw new CliException($"{_path}:{line}: {record.Length} {(record.Length == 1 ? "field" : "fields")} but the header has {_fieldCount}");
            }

            count++;
            yield return InputFile.ToRow(record, _columns, line, count, _path, _defaultAsOf, _dateOfBirthLabel);
        }
    }

    /// <summary>Reads the next record; each record starts on the line after the previous one ended, and blank lines are records too.</summary>
    /// <param name="line">The 1-based line the record starts on.</param>
    /// <returns>The fields, or <see langword="null"/> at the end.</returns>
    /// <exception cref="CliException">The record is not valid CSV, or the file cannot be read.</exception>
    private string[]? Next(out int line)
    {
        line = _lastRawRow + 1;
        try
        {
            if (!_parser.Read())
            {
                return null;
            }

            // Fields are parsed when the record is read, so bad data surfaces here too.
            var record = _parser.Record ?? [];
            _lastRawRow = _parser.RawRow;
            return record;
        }
        catch (BadDataException)
        {
            throw new CliException($"{_path}:{line}: broken quoting (a stray quote in an unquoted field, text after a closing quote, or a quote that is never closed)");
        }
        catch (MaxFieldSizeException)
        {
            throw new CliException($"{_path}:{line}: a field is longer than {InputFile.MaxFieldLength} characters");
        }
        catch (CsvHelperException ex)
        {
            throw new CliException($"{_path}:{line}: not valid CSV ({ex.GetType().Name})");
        }
        catch (Exception ex) when (InputFile.Translate(ex, _path) is { } error)
        {
            throw error;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _parser.Dispose();
        _text.Dispose();
    }
}
