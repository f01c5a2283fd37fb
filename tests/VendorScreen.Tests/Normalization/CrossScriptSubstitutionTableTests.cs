using FluentAssertions;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Normalization;

/// <summary>
/// The substitution costs of the cross-script edit cost are written into tables from the lists of pairs: every cell of every
/// script's table equals the cost the rules give the pair, worked out here cell by cell from the same lists.
/// </summary>
public sealed class CrossScriptSubstitutionTableTests
{
    // By number: the scripts are internal to the library.
    public static TheoryData<int> Scripts() => [.. Enum.GetValues<NameScript>().Select(s => (int)s)];

    [Theory]
    [MemberData(nameof(Scripts))]
    public void SubstitutionCost_EveryAsciiPair_IsTheCostTheRulesGive(int scriptNumber)
    {
        var script = (NameScript)scriptNumber;
        var general = Both(CrossScriptSimilarity.General);
        var own = CrossScriptSimilarity.ScriptCosts(script) is { } entries ? Both(entries) : [];
        var differing = new List<string>();
        for (var a = (char)0; a < 128; a++)
        {
            for (var b = (char)0; b < 128; b++)
            {
                var expected = RuleCost(a, b, own, general);
                var actual = CrossScriptSimilarity.SubstitutionCost(a, b, script);
                if (actual != expected)
                {
                    differing.Add($"{(int)a}/{(int)b}: {actual} for {expected}");
                }
            }
        }

        differing.Should().BeEmpty();
    }

    [Fact]
    public void SubstitutionCost_TheScriptsOwnPairs_TakePrecedenceOverTheGeneralOnes()
    {
        // Han writes b and p alike (0.1); the general cost of the pair is 0.3. A silent r costs what r does, and nothing against itself.
        CrossScriptSimilarity.SubstitutionCost('b', 'p', NameScript.Han).Should().Be(0.1);
        CrossScriptSimilarity.SubstitutionCost('b', 'p', NameScript.Latin).Should().Be(0.3);
        CrossScriptSimilarity.SubstitutionCost('R', 'l', NameScript.Han).Should().Be(CrossScriptSimilarity.SubstitutionCost('r', 'l', NameScript.Han)).And.Be(0.15);
        CrossScriptSimilarity.SubstitutionCost('R', 'R', NameScript.Kana).Should().Be(0);
        CrossScriptSimilarity.SubstitutionCost('a', 'o', NameScript.Kana).Should().Be(0.2);
        CrossScriptSimilarity.SubstitutionCost('k', 'm', NameScript.Kana).Should().Be(1);
    }

    // The rules, pair by pair: the same code costs nothing; a silent r is read as r; then the script's own cost of the pair, the
    // general cost, 0.2 for two vowels, else 1.
    private static double RuleCost(char a, char b, Dictionary<(char, char), double> own, Dictionary<(char, char), double> general)
    {
        if (a == b)
        {
            return 0;
        }

        if (a == 'R')
        {
            a = 'r';
            if (a == b)
            {
                return 0;
            }
        }

        return own.TryGetValue((a, b), out var cost) ? cost
            : general.TryGetValue((a, b), out cost) ? cost
            : CrossScriptKey.IsVowel(a) && CrossScriptKey.IsVowel(b) ? 0.2
            : 1;
    }

    private static Dictionary<(char, char), double> Both((string Pair, double Cost)[] entries)
    {
        var costs = new Dictionary<(char, char), double>();
        foreach (var (pair, cost) in entries)
        {
            costs[(pair[0], pair[1])] = cost;
            costs[(pair[1], pair[0])] = cost;
        }

        return costs;
    }
}
