using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace VendorScreen.Indexing;

/// <summary>Writes the compact binary sections of an index snapshot: little-endian numbers, 7-bit encoded counts and ids, and
/// length-prefixed UTF-8 strings.</summary>
/// <remarks>Not thread-safe: one writer per stream.</remarks>
internal sealed class SnapshotBinaryWriter(Stream stream) : IDisposable
{
    private readonly BinaryWriter _writer = new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), leaveOpen: true);

    /// <summary>Writes a non-negative number in 1 to 5 bytes.</summary>
    /// <param name="value">The number.</param>
    public void WriteCount(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        _writer.Write7BitEncodedInt(value);
    }

    /// <summary>Writes a byte.</summary>
    /// <param name="value">The byte.</param>
    public void WriteByte(byte value) => _writer.Write(value);

    /// <summary>Writes a number in four bytes.</summary>
    /// <param name="value">The number.</param>
    public void WriteInt32(int value) => _writer.Write(value);

    /// <summary>Writes a number in eight bytes.</summary>
    /// <param name="value">The number.</param>
    public void WriteUInt64(ulong value) => _writer.Write(value);

    /// <summary>Writes a number in eight bytes.</summary>
    /// <param name="value">The number.</param>
    public void WriteInt64(long value) => _writer.Write(value);

    /// <summary>Writes bytes as they are.</summary>
    /// <param name="bytes">The bytes.</param>
    public void WriteBytes(ReadOnlySpan<byte> bytes) => _writer.Write(bytes);

    /// <summary>Writes a string (never <see langword="null"/>).</summary>
    /// <param name="value">The string.</param>
    public void WriteString(string value) => _writer.Write(value);

    /// <summary>Writes a string that may be <see langword="null"/>.</summary>
    /// <param name="value">The string.</param>
    public void WriteNullableString(string? value)
    {
        if (value is null)
        {
            _writer.Write((byte)0);
            return;
        }

        _writer.Write((byte)1);
        _writer.Write(value);
    }

    /// <summary>Writes an increasing list of ids: the count, the first id and the gaps.</summary>
    /// <param name="ids">The ids, each greater than the one before.</param>
    /// <exception cref="InvalidOperationException">The ids do not increase.</exception>
    public void WriteIncreasing(ReadOnlySpan<int> ids)
    {
        WriteCount(ids.Length);
        var previous = -1;
        foreach (var id in ids)
        {
            if (id <= previous)
            {
                throw new InvalidOperationException($"The ids of an index list do not increase ({previous}, then {id}).");
            }

            _writer.Write7BitEncodedInt(id - previous - 1);
            previous = id;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();
}

/// <summary>Reads what <see cref="SnapshotBinaryWriter"/> wrote, checking every length against the bytes left: a value that runs
/// past the end, or a count or id out of range, throws <see cref="InvalidDataException"/> naming the section.</summary>
/// <remarks>
/// Reads bytes in memory in place, and a range of a file a window at a time (<see cref="SnapshotRegion"/>): the window is read
/// again from the reader's place when a value runs past its end. Not thread-safe: one reader per region.
/// </remarks>
internal sealed class SnapshotBinaryReader
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The longest count or id: five bytes.
    private const int LongestCount = 5;

    private readonly SnapshotRegion _region;

    // The bytes in hand, from the place _windowStart of the region: the whole region when it is in memory; else a window read
    // from the file into _buffer.
    private ReadOnlyMemory<byte> _window;
    private int _windowStart;
    private byte[]? _buffer;

    // The place of the next byte in the window.
    private int _at;

    /// <summary>Initializes a new instance of the <see cref="SnapshotBinaryReader"/> class over bytes in memory.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="section">The section they hold, for messages.</param>
    public SnapshotBinaryReader(ReadOnlyMemory<byte> bytes, string section)
        : this(SnapshotRegion.Of(bytes), section)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SnapshotBinaryReader"/> class over a region.</summary>
    /// <param name="region">The bytes, in memory or in a file.</param>
    /// <param name="section">The section they hold, for messages.</param>
    public SnapshotBinaryReader(SnapshotRegion region, string section)
    {
        _region = region;
        _window = region.InMemory ? region.Memory : ReadOnlyMemory<byte>.Empty;
        Section = section;
    }

    /// <summary>Gets or sets the section being read, for messages.</summary>
    public string Section { get; set; }

    /// <summary>Gets the number of bytes not yet read.</summary>
    public int Remaining => _region.Length - Position;

    /// <summary>Checks that at least a number of bytes are left, for a count of items that take a byte each at least.</summary>
    /// <param name="count">The number of bytes.</param>
    /// <returns><paramref name="count"/>.</returns>
    /// <exception cref="InvalidDataException">Fewer bytes are left: the data ends early.</exception>
    public int AtLeastBytesLeft(int count) => count <= Remaining ? count : throw Cut();

    /// <summary>Gets whether every byte was read.</summary>
    public bool AtEnd => Position == _region.Length;

    // The place of the next byte in the region.
    private int Position => _windowStart + _at;

    /// <summary>Reads a number written by <see cref="SnapshotBinaryWriter.WriteCount"/>.</summary>
    /// <returns>The number.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int ReadCount()
    {
        Need(Math.Min(LongestCount, Remaining));
        var span = _window.Span;
        var result = 0;
        for (var shift = 0; shift < 7 * LongestCount; shift += 7)
        {
            if (_at >= span.Length)
            {
                throw Cut();
            }

            var b = span[_at++];
            result |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                if (result < 0 || (shift == 28 && b > 0x07))
                {
                    throw Bad("a count out of range");
                }

                return result;
            }
        }

        throw Bad("a malformed count");
    }

    /// <summary>Reads a count that must not exceed a limit.</summary>
    /// <param name="max">The largest count allowed.</param>
    /// <param name="what">What is counted, for messages.</param>
    /// <returns>The count.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int ReadCount(int max, string what)
    {
        var value = ReadCount();
        return value <= max ? value : throw Bad($"{what} {value} is out of range (at most {max})");
    }

    /// <summary>Takes the next bytes as a reader of their own, and goes past them.</summary>
    /// <param name="length">The number of bytes.</param>
    /// <param name="section">The section they hold, for messages.</param>
    /// <returns>The reader of those bytes.</returns>
    public SnapshotBinaryReader Slice(int length, string section)
    {
        if (length < 0 || length > Remaining)
        {
            throw Cut();
        }

        var slice = new SnapshotBinaryReader(_region.Slice(Position, length), section);
        if (_at + length <= _window.Length)
        {
            _at += length;
        }
        else
        {
            // Past the window: the next read fills it from there.
            _windowStart = Position + length;
            _window = ReadOnlyMemory<byte>.Empty;
            _at = 0;
        }

        return slice;
    }

    /// <summary>Reads a byte.</summary>
    /// <returns>The byte.</returns>
    public byte ReadByte()
    {
        Need(1);
        return _window.Span[_at++];
    }

    /// <summary>Reads a four-byte number.</summary>
    /// <returns>The number.</returns>
    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    /// <summary>Reads an eight-byte number.</summary>
    /// <returns>The number.</returns>
    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    /// <summary>Reads an eight-byte number.</summary>
    /// <returns>The number.</returns>
    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    /// <summary>Reads a string.</summary>
    /// <returns>The string.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string ReadString()
    {
        var length = ReadCount();
        try
        {
            return Utf8.GetString(Take(length));
        }
        catch (DecoderFallbackException)
        {
            throw Bad("a string that is not valid UTF-8");
        }
    }

    /// <summary>Reads a string that may be <see langword="null"/>.</summary>
    /// <returns>The string, or <see langword="null"/>.</returns>
    public string? ReadNullableString() => ReadByte() switch
    {
        0 => null,
        1 => ReadString(),
        var flag => throw Bad($"a string marker {flag}"),
    };

    /// <summary>Reads an increasing list of ids, each below a limit.</summary>
    /// <param name="limit">Every id is below this.</param>
    /// <returns>The ids.</returns>
    public int[] ReadIncreasing(int limit)
    {
        var buffer = Array.Empty<int>();
        var count = ReadIncreasing(limit, ref buffer);
        return buffer.Length == count ? buffer : buffer.AsSpan(0, count).ToArray();
    }

    /// <summary>Reads an increasing list of ids, each below a limit, into a buffer of the caller's, so that a caller reading many
    /// lists into one place allocates no array per list.</summary>
    /// <param name="limit">Every id is below this.</param>
    /// <param name="buffer">The buffer the ids are written to from its start; replaced by a larger one when it is too short.</param>
    /// <returns>The number of ids read.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int ReadIncreasing(int limit, ref int[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var count = ReadCount(limit, "a list length");
        if (count == 0)
        {
            return 0;
        }

        // Every id takes a byte at least.
        if (count > Remaining)
        {
            throw Cut();
        }

        if (buffer.Length < count)
        {
            buffer = new int[Math.Max(count, buffer.Length * 2)];
        }

        // The gaps are decoded here rather than through ReadCount: the lists of an index hold millions of them. A window of a
        // file is filled again when an id may run past its end; bytes in memory are all in the window.
        var span = _window.Span;
        var at = _at;
        var ids = buffer;
        var previous = -1L;
        for (var i = 0; i < count; i++)
        {
            if (at + LongestCount > span.Length && _windowStart + span.Length < _region.Length)
            {
                _at = at;
                Need(Math.Min(LongestCount, Remaining));
                span = _window.Span;
                at = _at;
            }

            long gap = 0;
            for (var shift = 0; ; shift += 7)
            {
                if (at >= span.Length)
                {
                    _at = at;
                    throw Cut();
                }

                var b = span[at++];
                gap |= (long)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    break;
                }

                if (shift >= 28)
                {
                    _at = at;
                    throw Bad("a malformed id");
                }
            }

            var id = previous + 1 + gap;
            if (id >= limit)
            {
                _at = at;
                throw Bad($"an id {id} out of range (below {limit})");
            }

            ids[i] = (int)id;
            previous = id;
        }

        _at = at;
        return count;
    }

    /// <summary>Creates the exception for data that breaks the format.</summary>
    /// <param name="problem">What is wrong.</param>
    /// <returns>The exception.</returns>
    public InvalidDataException Bad(string problem) => new($"{Section}: {problem} at byte {Position}");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<byte> Take(int length)
    {
        if (length > Remaining)
        {
            throw Cut();
        }

        Need(length);
        var span = _window.Span.Slice(_at, length);
        _at += length;
        return span;
    }

    // Makes sure the window holds the next bytes, as many as asked (at most those left): a window of a file is filled again
    // from the reader's place when they run past its end.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Need(int count)
    {
        if (_at + count > _window.Length)
        {
            Fill(count);
        }
    }

    private void Fill(int count)
    {
        var position = Position;
        var left = _region.Length - position;
        if (count > left || _region.InMemory)
        {
            throw Cut();
        }

        var length = Math.Min(left, Math.Max(count, SnapshotRegion.WindowLength));
        if (_buffer is null || _buffer.Length < length)
        {
            _buffer = new byte[length];
        }

        _region.CopyTo(position, _buffer.AsSpan(0, length));
        _window = _buffer.AsMemory(0, length);
        _windowStart = position;
        _at = 0;
    }

    private InvalidDataException Cut() => new($"{Section}: the data ends early at byte {Position} of {_region.Length}");
}
