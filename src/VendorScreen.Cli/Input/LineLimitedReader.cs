namespace VendorScreen.Cli.Input;

/// <summary>A reader that stops with an error when a physical line grows past a limit, so that a file without line breaks
/// (or a binary file) cannot make the parser buffer it whole.</summary>
internal sealed class LineLimitedReader : TextReader
{
    private readonly TextReader _inner;
    private readonly int _maxLineLength;
    private int _line = 1;
    private int _lineLength;

    public LineLimitedReader(TextReader inner, int maxLineLength)
    {
        _inner = inner;
        _maxLineLength = maxLineLength;
    }

    public override int Peek() => _inner.Peek();

    public override int Read()
    {
        var c = _inner.Read();
        if (c >= 0)
        {
            Count((char)c);
        }

        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var read = _inner.Read(buffer);
        foreach (var c in buffer[..read])
        {
            Count(c);
        }

        return read;
    }

    public override Task<int> ReadAsync(char[] buffer, int index, int count) => Task.FromResult(Read(buffer, index, count));

    public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Count(char c)
    {
        if (c == '\n')
        {
            _line++;
            _lineLength = 0;
        }
        else if (++_lineLength > _maxLineLength)
        {
            throw new LineTooLongException(_line, _maxLineLength);
        }
    }
}

/// <summary>A physical line of the input is longer than the limit.</summary>
internal sealed class LineTooLongException : IOException
{
    public LineTooLongException()
    {
    }

    public LineTooLongException(string message)
        : base(message)
    {
    }

    public LineTooLongException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LineTooLongException(int line, int limit)
        : base($"line is longer than {limit} characters")
    {
        Line = line;
    }

    /// <summary>Gets the 1-based line number.</summary>
    public int Line { get; }
}
