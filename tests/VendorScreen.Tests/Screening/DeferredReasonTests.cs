using System.Text.Json;
using FluentAssertions;
using VendorScreen.Policies;

namespace VendorScreen.Tests.Screening;

/// <summary>The reasons of results, hits and the default policy's verdicts are written when first read: each must read as the
/// text it has always been, the same string from any thread and every read, compare equal to the same text given as a string,
/// and serialise the same whether read before or not.</summary>
public sealed class DeferredReasonTests
{
    [Fact]
    public async Task Reasons_ReadFromManyThreadsAtOnce_AreOneString()
    {
        using var engine = new ScreeningEngineBuilder().Build();
        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("ZTE Corporation"));
        var hit = result.Hits.Should().NotBeEmpty().And.Subject.First();

        var reads = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => (Result: result.Reason, Hit: hit.Reason))));

        reads.Should().AllSatisfy(r =>
        {
            r.Result.Should().BeSameAs(reads[0].Result);
            r.Hit.Should().BeSameAs(reads[0].Hit);
        });
        result.Reason.Should().BeSameAs(reads[0].Result);
        result.Reason.Should().Be($"{hit.Field} \"{hit.Query}\" {hit.Reason}");
        hit.Reason.Should().Be("is ZTE (us-ndaa-889, us-fcc-covered-list): purchases prohibited");
    }

    [Fact]
    public async Task Reasons_OfAResultSerialisedUnread_AreTheReasonsReadLater()
    {
        using var engine = new ScreeningEngineBuilder().Build();
        var unread = await engine.ScreenAsync(ScreeningRequest.ForParty("Hikvision Digital Technology"));
        var read = await engine.ScreenAsync(ScreeningRequest.ForParty("Hikvision Digital Technology"));
        var reasons = read.Hits.Select(h => h.Reason).Prepend(read.Reason).ToArray();

        var json = JsonSerializer.Serialize(unread with { ScreenedAt = default }, VendorScreenJsonContext.Default.ScreeningResult);
        var back = JsonSerializer.Deserialize(json, VendorScreenJsonContext.Default.ScreeningResult)!;

        json.Should().Be(JsonSerializer.Serialize(read with { ScreenedAt = default }, VendorScreenJsonContext.Default.ScreeningResult));
        unread.Hits.Select(h => h.Reason).Prepend(unread.Reason).Should().Equal(reasons);
        back.Reason.Should().Be(read.Reason);
        back.Hits.Select(h => h.Reason).Should().Equal(read.Hits.Select(h => h.Reason));
    }

    [Fact]
    public async Task Records_WithAReasonUnread_EqualTheSameRecordsWithTheReasonGivenAsAString()
    {
        using var engine = new ScreeningEngineBuilder().Build();
        var unread = await engine.ScreenAsync(ScreeningRequest.ForParty("ZTE Corporation"));
        var text = (await engine.ScreenAsync(ScreeningRequest.ForParty("ZTE Corporation"))).Reason;
        var hitText = (await engine.ScreenAsync(ScreeningRequest.ForParty("ZTE Corporation"))).Hits[0].Reason;

        // Equality and hash codes are computed before either reason is read.
        var given = unread with { Reason = text };
        var hitGiven = unread.Hits[0] with { Reason = hitText };
        unread.Should().Be(given);
        unread.GetHashCode().Should().Be(given.GetHashCode());
        unread.Hits[0].Should().Be(hitGiven);
        unread.Hits[0].GetHashCode().Should().Be(hitGiven.GetHashCode());
        (unread with { Reason = text + "." }).Should().NotBe(unread);
        (unread.Hits[0] with { Reason = null }).Should().NotBe(unread.Hits[0]);
    }

    [Fact]
    public void Verdict_WithADeferredReason_EqualsTheVerdictGivenTheSameString()
    {
        var hit = new PolicyTestHit("Acme Trading").OnList("test-sdn", ListCategory.Sanctions).Scored(1.0);
        var deferred = hit.Evaluate(new DefaultScreeningPolicy());
        var written = hit.Evaluate(new DefaultScreeningPolicy());
        var given = new PolicyVerdict(written.Decision, written.Rule, written.Reason, deferred.Lists);

        deferred.Should().Be(given with { });
        deferred.GetHashCode().Should().Be(given.GetHashCode());
        deferred.Reason.Should().Be("is Acme Trading (test-sdn): blocking sanctions");
        deferred.Should().NotBe(given with { Reason = "is Acme Trading (test-sdn)" });
    }

    public static TheoryData<string, string> DefaultPolicyReasons() => new()
    {
        { "sanctioned", "is Acme Trading (test-sdn): blocking sanctions" },
        { "weak", "possible match (0.85) to Acme Trading (test-sdn)" },
        { "weak-alias", "matches a weak alias of Acme Trading (test-sdn)" },
        { "partial", "is a rare part of a name of Acme Trading (test-sdn): possible match, for review" },
        { "prohibited", "is Acme Trading (test-889): purchases prohibited" },
        { "affiliate", "belongs to Acme Trading (test-889) through test:acme-brand brand-of test:acme-trading: purchases prohibited" },
        { "mention", "mentions Acme Trading (test-889) in a longer name" },
        { "accessory", "mentions Acme Trading (test-889) as compatible or accessory" },
        { "fcc", "FCC grantee code belongs to Acme Trading (test-889): possible relabelled product" },
        { "model", "model prefix belongs to Acme Trading (test-889): possible relabelled product" },
        { "relabel", "sells products relabelled from Acme Trading (test-889) through test:acme-relabel relabel-of test:acme-trading" },
        { "review", "is Acme Trading (test-entity-list, test-hr); lists of category ExportControl, HumanRights call for review" },
        { "sanctioned-owner", "is majority-owned by Acme Trading (test-sdn) through test:acme-sub subsidiary-of test:acme-trading: blocking sanctions" },
        { "minority", "is related to Acme Trading (test-sdn) through test:acme-minor owned-by test:acme-trading; lists of category Sanctions call for review" },
        { "related", "is related to Acme Trading (test-entity-list) through test:acme-brand brand-of test:acme-trading; lists of category ExportControl call for review" },
    };

    [Theory]
    [MemberData(nameof(DefaultPolicyReasons))]
    public void DefaultPolicy_Reason_ReadsAsItsText(string name, string expected)
    {
        var sdn = new PolicyTestHit("Acme Trading").OnList("test-sdn", ListCategory.Sanctions);
        var prohibited = new PolicyTestHit("Acme Trading").OnList("test-889", ListCategory.ProcurementProhibition, extendsToAffiliates: true);
        var hit = name switch
        {
            "sanctioned" => sdn.Scored(1.0),
            "weak" => sdn.Scored(0.85),
            "weak-alias" => sdn.Scored(1.0).WithMatchedName(NameKind.WeakAlias),
            "partial" => sdn.Scored(0.85).AsPartial(),
            "prohibited" => prohibited.Scored(1.0),
            "affiliate" => prohibited.MatchedThrough("Acme Brand", RelationKind.BrandOf).Scored(1.0),
            "mention" => prohibited.Scored(1.0, "seller").AsMention(),
            "accessory" => prohibited.Scored(1.0, "title").AsMention(accessory: true),
            "fcc" => prohibited.AsProductIdentifier(),
            "model" => prohibited.AsProductIdentifier(IdentifierSchemes.ModelPrefix),
            "relabel" => prohibited.MatchedThrough("Acme Relabel", RelationKind.RelabelOf).Scored(1.0),
            "review" => new PolicyTestHit("Acme Trading").OnList("test-entity-list", ListCategory.ExportControl).OnList("test-hr", ListCategory.HumanRights).Scored(1.0),
            "sanctioned-owner" => sdn.MatchedThrough("Acme Sub", RelationKind.SubsidiaryOf).Scored(1.0),
            "minority" => sdn.MatchedThrough("Acme Minor", RelationKind.OwnedBy, sharePercent: 10m).Scored(1.0),
            "related" => new PolicyTestHit("Acme Trading").OnList("test-entity-list", ListCategory.ExportControl).MatchedThrough("Acme Brand", RelationKind.BrandOf).Scored(1.0),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        var verdicts = Enumerable.Range(0, 4).Select(_ => hit.Evaluate(new DefaultScreeningPolicy())).ToArray();
        var reads = verdicts.AsParallel().Select(v => v.Reason).ToArray();

        reads.Should().AllBe(expected);
        verdicts[0].Ownership.Should().BeNull("no ownership was added up");
        verdicts[0].Reason.Should().BeSameAs(verdicts[0].Reason);
    }
}
