using System.Security.Cryptography;
using FluentAssertions;
using VendorScreen.Indexing;

namespace VendorScreen.Tests.Indexing;

public sealed class SnapshotRegionTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"vendorscreen-region-{Guid.NewGuid():N}.bin");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void Reader_OfAFileRange_ReadsWhatTheReaderOfTheSameBytesInMemoryReads()
    {
        // Values of every kind and size, many of them across the edges of the windows a file range is read in; one string and one
        // list longer than a window.
        var bytes = Write(writer =>
        {
            var random = new Random(20211);
            for (var i = 0; i < 3_000; i++)
            {
                writer.WriteCount(random.Next(0, int.MaxValue >> (i % 31)));
                writer.WriteString(new string((char)('a' + (i % 26)), random.Next(0, 120)));
                writer.WriteInt64(random.NextInt64());
                writer.WriteIncreasing(Increasing(random, random.Next(0, 40)));
            }

            writer.WriteString(new string('x', SnapshotRegion.WindowLength + 17));
            writer.WriteIncreasing(Increasing(new Random(7), 50_000));
            writer.WriteCount(9);
        });
        bytes.Length.Should().BeGreaterThan(3 * SnapshotRegion.WindowLength);
        File.WriteAllBytes(_file, bytes);

        using var file = File.OpenHandle(_file);
        var inMemory = new SnapshotBinaryReader(bytes, "test");
        var fromFile = new SnapshotBinaryReader(SnapshotRegion.Of(file, 0, bytes.Length), "test");
        Read(fromFile).Should().Equal(Read(inMemory));
        fromFile.AtEnd.Should().BeTrue();
        inMemory.AtEnd.Should().BeTrue();
    }

    [Fact]
    public void Reader_OfAFileRange_SlicesAcrossWindowsAndGoesPastThem()
    {
        var bytes = Write(writer =>
        {
            writer.WriteCount(3);
            for (var i = 0; i < 40_000; i++)
            {
                writer.WriteString($"word{i}");
            }

            writer.WriteCount(11);
        });
        File.WriteAllBytes(_file, bytes);

        // The strings that end past one and a half windows, read in memory: the first part of the file's reader ends there.
        var inMemory = new SnapshotBinaryReader(bytes, "in memory");
        inMemory.ReadCount();
        var expected = new List<string>();
        while (bytes.Length - inMemory.Remaining < 3 * SnapshotRegion.WindowLength / 2)
        {
            expected.Add(inMemory.ReadString());
        }

        var firstLength = bytes.Length - inMemory.Remaining - 1;

        using var file = File.OpenHandle(_file);
        var reader = new SnapshotBinaryReader(SnapshotRegion.Of(file, 0, bytes.Length), "whole");
        reader.ReadCount().Should().Be(3);
        var first = reader.Slice(firstLength, "first part");
        var rest = reader.Slice(reader.Remaining - 1, "the rest");
        reader.ReadCount().Should().Be(11, "the reader goes on past the bytes it gave its parts");
        reader.AtEnd.Should().BeTrue();

        var words = new List<string>();
        while (!first.AtEnd)
        {
            words.Add(first.ReadString());
        }

        words.Should().Equal(expected);
        rest.ReadString().Should().Be($"word{expected.Count}");
        var act = () => first.ReadString();
        act.Should().Throw<InvalidDataException>().WithMessage($"first part: the data ends early at byte {firstLength} of {firstLength}");
    }

    [Fact]
    public void Reader_OfAFileRangeLongerThanTheFile_FailsSayingTheFileChangedWhileRead()
    {
        var bytes = Write(writer =>
        {
            for (var i = 0; i < 30_000; i++)
            {
                writer.WriteString($"name {i}");
            }
        });
        File.WriteAllBytes(_file, bytes);

        using var file = File.OpenHandle(_file);
        var reader = new SnapshotBinaryReader(SnapshotRegion.Of(file, 0, bytes.Length + 1_000), "entities");
        var act = () =>
        {
            while (!reader.AtEnd)
            {
                reader.ReadString();
            }
        };

        act.Should().Throw<InvalidDataException>().WithMessage($"*the file ends at byte {bytes.Length}*changed while it was read*");
    }

    [Fact]
    public void Sha256_OfAFileRange_IsTheHashOfItsBytes()
    {
        var bytes = new byte[(5 * SnapshotRegion.WindowLength) + 123];
        new Random(3).NextBytes(bytes);
        File.WriteAllBytes(_file, bytes);

        using var file = File.OpenHandle(_file);
        SnapshotRegion.Of(file, 0, bytes.Length).Sha256().Should().Equal(SHA256.HashData(bytes));
        SnapshotRegion.Of(file, 0, bytes.Length).Slice(100, 70_000).Sha256().Should().Equal(SHA256.HashData(bytes.AsSpan(100, 70_000)));
        SnapshotRegion.Of(bytes).Slice(100, 70_000).Sha256().Should().Equal(SHA256.HashData(bytes.AsSpan(100, 70_000)));
    }

    [Fact]
    public void Slice_OutsideTheRegion_Throws()
    {
        var region = SnapshotRegion.Of(new byte[10]);

        region.Invoking(r => r.Slice(4, 7)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*bytes 4 to 11 are not within the 10*");
        region.Slice(10, 0).Length.Should().Be(0);
    }

    private static byte[] Write(Action<SnapshotBinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new SnapshotBinaryWriter(stream))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    private static int[] Increasing(Random random, int count)
    {
        var ids = new int[count];
        var id = -1;
        for (var i = 0; i < count; i++)
        {
            id += 1 + random.Next(0, i % 7 == 0 ? 100_000 : 30);
            ids[i] = id;
        }

        return ids;
    }

    // Reads back what the first test wrote, as text, value by value.
    private static List<string> Read(SnapshotBinaryReader reader)
    {
        var values = new List<string>();
        for (var i = 0; i < 3_000; i++)
        {
            values.Add(reader.ReadCount().ToString(System.Globalization.CultureInfo.InvariantCulture));
            values.Add(reader.ReadString());
            values.Add(reader.ReadInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
            values.Add(string.Join(',', reader.ReadIncreasing(int.MaxValue)));
        }

        values.Add(reader.ReadString());
        values.Add(string.Join(',', reader.ReadIncreasing(int.MaxValue)));
        values.Add(reader.ReadCount().ToString(System.Globalization.CultureInfo.InvariantCulture));
        return values;
    }
}
