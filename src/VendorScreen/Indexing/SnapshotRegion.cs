using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace VendorScreen.Indexing;

/// <summary>
/// A run of bytes of an index snapshot: a block of memory, or a range of a file held open, which is read a window at a time
/// (<see cref="SnapshotBinaryReader"/>). A file is parsed this way rather than from a copy of it all in memory: a buffer the
/// size of the file is memory the process has not used before, and getting it from the system costs more than reading the
/// file into a small buffer used again and again.
/// </summary>
/// <remarks>Safe for concurrent use: a range of a file is read by positioned reads of its handle, which do not move a shared
/// position.</remarks>
internal readonly struct SnapshotRegion
{
    /// <summary>The bytes a reader of a file range holds at a time, unless a single value is longer: below the size of the
    /// large-object heap, so that the buffer comes from memory the collector uses again.</summary>
    internal const int WindowLength = 64 * 1024;

    private readonly ReadOnlyMemory<byte> _memory;
    private readonly SafeFileHandle? _file;
    private readonly long _offset;

    private SnapshotRegion(ReadOnlyMemory<byte> memory, SafeFileHandle? file, long offset, int length)
    {
        _memory = memory;
        _file = file;
        _offset = offset;
        Length = length;
    }

    /// <summary>Gets the number of bytes.</summary>
    public int Length { get; }

    /// <summary>Gets whether the bytes are in memory (<see cref="Memory"/>) rather than in a file.</summary>
    public bool InMemory => _file is null;

    /// <summary>Gets the bytes of a region in memory.</summary>
    /// <exception cref="InvalidOperationException">The region is a range of a file.</exception>
    public ReadOnlyMemory<byte> Memory => _file is null ? _memory : throw new InvalidOperationException("The region is a range of a file, not memory.");

    /// <summary>Gets a region of bytes in memory.</summary>
    /// <param name="memory">The bytes.</param>
    /// <returns>The region.</returns>
    public static SnapshotRegion Of(ReadOnlyMemory<byte> memory) => new(memory, null, 0, memory.Length);

    /// <summary>Gets a range of a file held open.</summary>
    /// <param name="file">The file, open for reading; it must stay open while the region is read.</param>
    /// <param name="offset">Where the range starts.</param>
    /// <param name="length">The number of bytes.</param>
    /// <returns>The region.</returns>
    public static SnapshotRegion Of(SafeFileHandle file, long offset, int length)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return new(default, file, offset, length);
    }

    /// <summary>Gets the bytes from a place to the end.</summary>
    /// <param name="start">The place.</param>
    /// <returns>The region of those bytes.</returns>
    public SnapshotRegion Slice(int start) => Slice(start, Length - start);

    /// <summary>Gets some of the bytes.</summary>
    /// <param name="start">Where they start.</param>
    /// <param name="length">How many.</param>
    /// <returns>The region of those bytes.</returns>
    /// <exception cref="ArgumentOutOfRangeException">They are not all within the region.</exception>
    public SnapshotRegion Slice(int start, int length)
    {
        if ((uint)start > (uint)Length || (uint)length > (uint)(Length - start))
        {
            throw new ArgumentOutOfRangeException(nameof(length), $"bytes {start} to {(long)start + length} are not within the {Length} of the region");
        }

        return _file is null ? Of(_memory.Slice(start, length)) : new(default, _file, _offset + start, length);
    }

    /// <summary>Copies bytes from a place of the region.</summary>
    /// <param name="start">The place.</param>
    /// <param name="destination">Receives as many bytes as it holds.</param>
    /// <exception cref="ArgumentOutOfRangeException">The bytes are not all within the region.</exception>
    /// <exception cref="InvalidDataException">The file ends before them: it was cut short after it was opened.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public void CopyTo(int start, Span<byte> destination)
    {
        if ((uint)start > (uint)Length || (uint)destination.Length > (uint)(Length - start))
        {
            throw new ArgumentOutOfRangeException(nameof(destination), $"bytes {start} to {(long)start + destination.Length} are not within the {Length} of the region");
        }

        if (_file is null)
        {
            _memory.Span.Slice(start, destination.Length).CopyTo(destination);
            return;
        }

        for (var done = 0; done < destination.Length;)
        {
            var read = RandomAccess.Read(_file, destination[done..], _offset + start + done);
            if (read == 0)
            {
                throw new InvalidDataException($"the file ends at byte {_offset + start + done}, before the {_offset + Length} it held when opened: it was changed while it was read");
            }

            done += read;
        }
    }

    /// <summary>Copies some of the bytes into a new array.</summary>
    /// <param name="start">Where they start.</param>
    /// <param name="length">How many.</param>
    /// <returns>The bytes.</returns>
    public byte[] ToArray(int start, int length)
    {
        var bytes = new byte[length];
        CopyTo(start, bytes);
        return bytes;
    }

    /// <summary>Computes the SHA-256 of the bytes, reading a file range a window at a time.</summary>
    /// <returns>The hash.</returns>
    public byte[] Sha256()
    {
        if (_file is null)
        {
            return SHA256.HashData(_memory.Span);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var window = new byte[Math.Min(Length, WindowLength)];
        for (var at = 0; at < Length; at += window.Length)
        {
            var chunk = window.AsSpan(0, Math.Min(window.Length, Length - at));
            CopyTo(at, chunk);
            hash.AppendData(chunk);
        }

        return hash.GetHashAndReset();
    }
}
