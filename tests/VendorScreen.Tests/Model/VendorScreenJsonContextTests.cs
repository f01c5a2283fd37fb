using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;

namespace VendorScreen.Tests.Model;

public sealed class VendorScreenJsonContextTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The context's own options: they know only the source-generated contracts (their resolver is the context), so any
    /// type they do not cover fails instead of falling back to reflection.</summary>
    private static readonly JsonSerializerOptions ContextOnly = VendorScreenJsonContext.Default.Options;

    [Fact]
    public void Serialize_FullPartyRequestAsTheBaseType_RoundTripsWithTheName()
    {
        ScreeningRequest request = ScreeningRequest.ForParty("Zhejiang Dahua Technology Co., Ltd.") with
        {
            Id = "supplier-42",
            AsOf = new DateOnly(2021, 6, 1),
            Country = "CN",
            Kind = EntityKind.Organization,
            Aliases = ["Dahua", "大华股份"],
            Identifiers =
            [
                new EntityIdentifier(IdentifierSchemes.StockCode, "002236") { Confidence = FactConfidence.Reported, SourceUrl = "https://example.test/sz", Notes = "Shenzhen" },
                new EntityIdentifier(IdentifierSchemes.Lei, "300300ABCDEF12345678"),
            ],
            DateOfBirth = FactDate.Parse("1993-04"),
        };

        var json = JsonSerializer.Serialize(request, ContextOnly);
        var back = JsonSerializer.Deserialize<ScreeningRequest>(json, ContextOnly);

        JsonNode.Parse(json)!["type"]!.GetValue<string>().Should().Be("party");
        JsonNode.Parse(json)!["dateOfBirth"]!.GetValue<string>().Should().Be("1993-04");
        back.Should().BeOfType<PartyScreeningRequest>().Which.Name.Should().Be("Zhejiang Dahua Technology Co., Ltd.");
        back.Should().BeEquivalentTo(request, o => o.RespectingRuntimeTypes());
        JsonSerializer.Serialize(back, ContextOnly).Should().Be(json);
    }

    [Fact]
    public void Serialize_FullProductRequestAsTheBaseType_RoundTrips()
    {
        ScreeningRequest request = ScreeningRequest.ForProduct() with
        {
            Id = "sku-7",
            AsOf = new DateOnly(2025, 1, 31),
            Country = "US",
            Title = "4K PoE dome camera, night vision",
            Brand = "Lorex",
            Manufacturer = "Lorex Technology Inc.",
            Seller = "Best Home Deals",
            Model = "LNE8974AB",
            FccId = "2ANXA-LNE8974",
        };

        var json = JsonSerializer.Serialize(request, VendorScreenJsonContext.Default.ScreeningRequest);
        var back = JsonSerializer.Deserialize(json, VendorScreenJsonContext.Default.ScreeningRequest);

        json.Should().StartWith("{\"type\":\"product\"");
        back.Should().BeOfType<ProductScreeningRequest>();
        back.Should().Be(request);
    }

    [Fact]
    public void Serialize_RequestWithDefaultReflectionOptions_KeepsTheNameAndType()
    {
        // Declared as the base type, a party used to lose its name (only Id, AsOf and Country were written) and could not be
        // read back at all (an abstract type); the type discriminator fixes both, with or without the context.
        IReadOnlyList<ScreeningRequest> requests = [ScreeningRequest.ForParty("Hytera") with { Id = "1" }, ScreeningRequest.ForProduct() with { Brand = "EZVIZ" }];

        var json = JsonSerializer.Serialize(requests);
        var back = JsonSerializer.Deserialize<List<ScreeningRequest>>(json);

        json.Should().Contain("\"Name\":\"Hytera\"");
        back.Should().BeEquivalentTo(requests, o => o.RespectingRuntimeTypes().WithStrictOrdering());
    }

    [Fact]
    public async Task Serialize_FullResult_RoundTripsWithItsRequestAndEvidence()
    {
        using var engine = new ScreeningEngineBuilder { TimeProvider = new FakeTimeProvider(Now) }.Build();
        var request = ScreeningRequest.ForProduct() with { Id = "po-9", Brand = "Lorex", Seller = "Camera Outlet", AsOf = new DateOnly(2021, 6, 1) };
        var result = await engine.ScreenAsync(request);

        var json = JsonSerializer.Serialize(result, ContextOnly);
        var back = JsonSerializer.Deserialize<ScreeningResult>(json, ContextOnly)!;

        // The result is evidence on its own: the request, a hit with a dated path and listings, the features and the sources.
        result.Hits.Should().Contain(h => h.Path.Count > 0 && h.Listings.Count > 0 && h.Features.Count > 0);
        result.Hits.SelectMany(h => h.Path).Should().Contain(s => s.Relation.ValidFrom != null && s.Relation.ValidTo != null);
        result.Sources.Should().NotBeEmpty();
        var node = JsonNode.Parse(json)!;
        node["request"]!["type"]!.GetValue<string>().Should().Be("product");
        node["request"]!["brand"]!.GetValue<string>().Should().Be("Lorex");
        node["decision"]!.GetValue<string>().Should().Be(result.Decision.ToString());
        node["hits"]![0]!["path"]![0]!["relation"]!["validTo"]!.GetValueKind().Should().Be(JsonValueKind.String);
        back.Should().BeEquivalentTo(result, o => o.RespectingRuntimeTypes().WithStrictOrdering());
        back.Request.Should().Be(request);
        JsonSerializer.Serialize(back, ContextOnly).Should().Be(json);
    }

    [Fact]
    public async Task Serialize_BatchResultOfParties_RoundTripsInOrder()
    {
        using var engine = new ScreeningEngineBuilder { TimeProvider = new FakeTimeProvider(Now) }.Build();
        var batch = await engine.ScreenBatchAsync([ScreeningRequest.ForParty("Hikvision") with { Id = "1" }, ScreeningRequest.ForParty("Axis Communications AB") with { Id = "2" }]);

        var json = JsonSerializer.Serialize(batch, VendorScreenJsonContext.Default.ScreeningBatchResult);
        var back = JsonSerializer.Deserialize(json, VendorScreenJsonContext.Default.ScreeningBatchResult)!;

        back.Results.Select(r => r.RequestId).Should().Equal("1", "2");
        back.Results.Select(r => ((PartyScreeningRequest)r.Request!).Name).Should().Equal("Hikvision", "Axis Communications AB");
        back.Should().BeEquivalentTo(batch, o => o.RespectingRuntimeTypes().WithStrictOrdering());
        JsonNode.Parse(json)!["mostSevere"]!.GetValue<string>().Should().Be("Block");
    }

    [Fact]
    public void Serialize_TypeOutsideTheContext_FailsInsteadOfUsingReflection()
    {
        var entity = new Entity("custom:1", EntityKind.Organization, "Quarkwell Trading");

        var act = () => JsonSerializer.Serialize(entity, ContextOnly);

        act.Should().Throw<Exception>().Where(e => e is NotSupportedException || e is InvalidOperationException);
        ContextOnly.TypeInfoResolver.Should().BeSameAs(VendorScreenJsonContext.Default);
        ContextOnly.TypeInfoResolver!.GetTypeInfo(typeof(Entity), ContextOnly).Should().BeNull();
    }

    [Fact]
    public void Serialize_OptionsWithOnlyTheContextAsResolver_RoundTripAResult()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = VendorScreenJsonContext.Default };
        var result = new ScreeningResult
        {
            RequestId = "1",
            Request = ScreeningRequest.ForParty("Hytera") with { Id = "1" },
            Decision = ScreeningDecision.Review,
            Reason = "r",
            DatasetVersion = "v",
            Algorithm = "a",
            Policy = "p",
        };

        var json = JsonSerializer.Serialize(result, options);
        var back = JsonSerializer.Deserialize<ScreeningResult>(json, options);

        // Such options keep their own naming (here the property names as declared); the contracts still come from the context.
        json.Should().Contain("\"Request\":{\"type\":\"party\",\"Name\":\"Hytera\"");
        back.Should().BeEquivalentTo(result, o => o.RespectingRuntimeTypes());
    }

    [Theory]
    [InlineData("{\"type\":\"party\",\"id\":\"1\"}", "name")]
    [InlineData("{\"type\":\"vessel\",\"name\":\"x\"}", "vessel")]
    [InlineData("{\"name\":\"x\"}", "type")]
    [InlineData("{\"type\":\"party\",\"name\":\"x\",\"dateOfBirth\":\"1993-13\"}", "1993-13")]
    [InlineData("{\"type\":\"party\",\"name\":\"x\",\"dateOfBirth\":1993}", "string")]
    public void Deserialize_InvalidRequest_FailsNamingTheProblem(string json, string expected)
    {
        var act = () => JsonSerializer.Deserialize(json, VendorScreenJsonContext.Default.ScreeningRequest);

        // A party without a name fails in its constructor (ArgumentException naming the parameter); the rest in the reader.
        act.Should().Throw<Exception>().Where(e => e is JsonException || e is NotSupportedException || e is ArgumentException)
            .Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void Deserialize_ResultWithoutItsDecision_FailsNamingIt()
    {
        const string Json = "{\"reason\":\"x\",\"datasetVersion\":\"v\",\"algorithm\":\"a\",\"policy\":\"p\"}";

        var act = () => JsonSerializer.Deserialize(Json, VendorScreenJsonContext.Default.ScreeningResult);

        act.Should().Throw<JsonException>().Which.Message.Should().Contain("decision");
    }
}
