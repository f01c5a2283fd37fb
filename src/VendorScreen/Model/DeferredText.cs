namespace VendorScreen;

/// <summary>
/// A text written when it is first read, from any thread, and the same string on every read after: for the reasons of results
/// that callers mostly decide on without reading. A text given as a string is kept as it is. Equal to another deferred text
/// with the same characters (ordinal), whether written yet or not, so that records holding one compare as they would holding
/// the string.
/// </summary>
/// <remarks>Once written, a text lets go of what it was written from.</remarks>
internal abstract class DeferredText : IEquatable<DeferredText>
{
    private string? _value;

    /// <summary>Initializes a new instance of the <see cref="DeferredText"/> class that is written when first read.</summary>
    protected DeferredText()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DeferredText"/> class that holds a string already written.</summary>
    /// <param name="value">The text.</param>
    private protected DeferredText(string value)
    {
        _value = value;
    }

    /// <summary>Gets the text, writing it on the first read.</summary>
    public string Value => Volatile.Read(ref _value) ?? WriteOnce();

    /// <summary>Gets a deferred text that holds a string already written, or <see langword="null"/> for none.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The deferred text.</returns>
    public static DeferredText? Of(string? value) => value is null ? null : new Written(value);

    /// <summary>Gets the text of a deferred text, or <see langword="null"/> for none.</summary>
    /// <param name="text">The deferred text.</param>
    /// <returns>The text.</returns>
    public static string? ValueOf(DeferredText? text) => text?.Value;

    /// <inheritdoc />
    public bool Equals(DeferredText? other) => other is not null && (ReferenceEquals(this, other) || string.Equals(Value, other.Value, StringComparison.Ordinal));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DeferredText other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>Writes the text. Called once, under the text's lock.</summary>
    /// <returns>The text.</returns>
    protected abstract string Write();

    /// <summary>Lets go of what the text was written from. Called once, under the text's lock, after the text is published.</summary>
    protected virtual void Release()
    {
    }

    private string WriteOnce()
    {
        lock (this)
        {
            if (_value is null)
            {
                Volatile.Write(ref _value, Write());
                Release();
            }

            return _value;
        }
    }

    // A text given as a string.
    private sealed class Written(string value) : DeferredText(value)
    {
        protected override string Write() => throw new InvalidOperationException("A text given as a string is never written.");
    }
}
