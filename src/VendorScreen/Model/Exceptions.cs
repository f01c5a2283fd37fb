namespace VendorScreen;

/// <summary>A whole source is unusable: it could not be fetched, or its content could not be read.</summary>
/// <remarks>A bad record inside a list is not thrown; it is counted in <see cref="ListSnapshot.RejectedRecords"/>.</remarks>
public class SanctionListSourceException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="SanctionListSourceException"/> class.</summary>
    public SanctionListSourceException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SanctionListSourceException"/> class.</summary>
    /// <param name="message">The message.</param>
    public SanctionListSourceException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SanctionListSourceException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SanctionListSourceException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SanctionListSourceException"/> class.</summary>
    /// <param name="sourceName">The source that failed.</param>
    /// <param name="location">The file or URL, and position in it, if known.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public SanctionListSourceException(string sourceName, string? location, string message, Exception? innerException = null)
        : base(location is null ? $"{sourceName}: {message}" : $"{sourceName}: {location}: {message}", innerException)
    {
        SourceName = sourceName;
        Location = location;
    }

    /// <summary>Gets the name of the source that failed.</summary>
    public string? SourceName { get; }

    /// <summary>Gets the file or URL and position, if known.</summary>
    public string? Location { get; }
}

/// <summary>Thrown by <see cref="ScreeningResult.EnsureNotBlocked"/> for a blocked or incomplete result.</summary>
public class ScreeningBlockedException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ScreeningBlockedException"/> class.</summary>
    public ScreeningBlockedException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ScreeningBlockedException"/> class.</summary>
    /// <param name="message">The message.</param>
    public ScreeningBlockedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ScreeningBlockedException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ScreeningBlockedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ScreeningBlockedException"/> class.</summary>
    /// <param name="result">The result that was blocked.</param>
    public ScreeningBlockedException(ScreeningResult result)
        : base($"Screening {(result ?? throw new ArgumentNullException(nameof(result))).RequestId} ended {result.Decision}: {result.Reason}")
    {
        Result = result;
    }

    /// <summary>Gets the result that was blocked, if known.</summary>
    public ScreeningResult? Result { get; }
}
