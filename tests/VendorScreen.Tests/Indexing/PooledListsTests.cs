using FluentAssertions;
using VendorScreen.Indexing;

namespace VendorScreen.Tests.Indexing;

/// <summary>Lists of ids held in one array find each key's list, in the order the lists were added, and refuse a key added twice.</summary>
public sealed class PooledListsTests
{
    [Fact]
    public void Build_ListsOfEveryLength_ReadBackByKeyAndByNumberInTheOrderAdded()
    {
        var lists = Lists(("alpha", [1, 4, 9]), ("beta", []), ("gamma", [7]), ("delta", [0, 2, 3, 5, 8, 13]));

        lists.Count.Should().Be(4);
        lists.Keys.Should().Equal("alpha", "beta", "gamma", "delta");
        lists.TryGetValue("alpha", out var alpha).Should().BeTrue();
        alpha.ToArray().Should().Equal(1, 4, 9);
        lists.TryGetValue("beta", out var beta).Should().BeTrue("a key with an empty list is held");
        beta.IsEmpty.Should().BeTrue();
        lists[2].ToArray().Should().Equal(7);
        lists[3].ToArray().Should().Equal(0, 2, 3, 5, 8, 13);
        lists.Longest.Should().Be(6);
        lists.TotalIds.Should().Be(10);
    }

    [Fact]
    public void TryGetValue_KeyNotAdded_IsFalseWithNoIds()
    {
        var lists = Lists(("alpha", [1]));

        lists.TryGetValue("alph", out var ids).Should().BeFalse();
        ids.IsEmpty.Should().BeTrue();
        lists.TryGetRange("alphabet", out _, out var start, out var end).Should().BeFalse();
        (start, end).Should().Be((0, 0));
    }

    [Fact]
    public void TryGetRange_EveryKey_IsItsListInTheSharedArray()
    {
        var lists = Lists(("a", [3, 5]), ("b", [1]), ("c", [2, 4, 6]));

        foreach (var key in lists.Keys)
        {
            lists.TryGetRange(key, out var ids, out var start, out var end).Should().BeTrue();
            lists.TryGetValue(key, out var list);
            ids.AsSpan(start, end - start).ToArray().Should().Equal(list.ToArray(), key);
        }
    }

    [Fact]
    public void TryAdd_KeyAddedBefore_IsRefusedAndLeavesTheListsAsTheyWere()
    {
        var builder = new PooledLists<string>.Builder(2, 3, StringComparer.Ordinal);
        builder.TryAdd("alpha", [1, 2]).Should().BeTrue();

        builder.TryAdd("alpha", [5]).Should().BeFalse();
        builder.TryAdd("beta", [3]).Should().BeTrue();
        var lists = builder.Build();

        lists.Keys.Should().Equal("alpha", "beta");
        lists[0].ToArray().Should().Equal(1, 2);
        lists[1].ToArray().Should().Equal(3);
        lists.TotalIds.Should().Be(3);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(100)]
    public void Build_IdCapacityOtherThanTheIdsAdded_GivesTheSameLists(int idCapacity)
    {
        var builder = new PooledLists<ulong>.Builder(1, idCapacity, null);
        builder.TryAdd(7UL, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
        builder.TryAdd(9UL, [10, 20]);

        var lists = builder.Build();

        lists.TryGetValue(7UL, out var seven).Should().BeTrue();
        seven.ToArray().Should().Equal(1, 2, 3, 4, 5, 6, 7, 8, 9);
        lists.TryGetValue(9UL, out var nine).Should().BeTrue();
        nine.ToArray().Should().Equal(10, 20);
        lists.TotalIds.Should().Be(11);
    }

    [Fact]
    public void Of_Dictionary_KeepsItsOrderAndItsComparerOfKeys()
    {
        var lists = PooledLists<string>.Of(new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase)
        {
            ["beta"] = [2, 5],
            ["alpha"] = [],
            ["gamma"] = [1],
        });

        lists.Keys.Should().Equal("beta", "alpha", "gamma");
        lists.TryGetValue("BETA", out var beta).Should().BeTrue("the dictionary's comparer ignores case");
        beta.ToArray().Should().Equal(2, 5);
        lists[2].ToArray().Should().Equal(1);
        lists.TotalIds.Should().Be(3);
    }

    private static PooledLists<string> Lists(params (string Key, int[] Ids)[] lists)
    {
        var builder = new PooledLists<string>.Builder(lists.Length, lists.Sum(l => l.Ids.Length), StringComparer.Ordinal);
        foreach (var (key, ids) in lists)
        {
            builder.TryAdd(key, ids).Should().BeTrue();
        }

        return builder.Build();
    }
}
