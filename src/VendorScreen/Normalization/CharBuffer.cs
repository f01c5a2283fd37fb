using System.Buffers;

namespace VendorScreen.Normalization;

/// <summary>Characters appended into a buffer that starts on the caller's stack and moves to a rented array when it fills;
/// <see cref="Dispose"/> returns the array.</summary>
internal ref struct CharBuffer
{
    private Span<char> _chars;
    private char[]? _rented;
    private int _length;

    public CharBuffer(Span<char> initial)
    {
        _chars = initial;
    }

    public readonly int Length => _length;

    public readonly ReadOnlySpan<char> Span => _chars[.._length];

    public void Append(char c)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }

        _chars[_length++] = c;
    }

    public void Append(scoped ReadOnlySpan<char> text)
    {
        if (_length + text.Length > _chars.Length)
        {
            Grow(text.Length);
        }

        text.CopyTo(_chars[_length..]);
        _length += text.Length;
    }

    public void Clear() => _length = 0;

    public override readonly string ToString() => new(_chars[.._length]);

    public void Dispose()
    {
        if (_rented is { } rented)
        {
            _rented = null;
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    private void Grow(int more)
    {
        var next = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, _length + more));
        _chars[.._length].CopyTo(next);
        Dispose();
        _rented = next;
        _chars = next;
    }
}
