using CsCheck;
using FluentAssertions;

namespace VendorScreen.Tests.Properties;

/// <summary>The engine over the embedded default dataset screens any request text without throwing. The one documented
/// exception is an <see cref="ArgumentException"/> for text the engine refuses (too long), and its message names the field.</summary>
public sealed class ScreeningEngineProperties
{
    private static readonly Lazy<ScreeningEngine> Engine = new(() =>
    {
        var engine = ScreeningEngineBuilder.CreateDefault();
        engine.RefreshAsync().AsTask().GetAwaiter().GetResult();
        return engine;
    });

    [Fact]
    public void ScreenAsync_PartyWithAnyWellFormedName_GivesAResult() =>
        Property.ForAll(Gen.Select(TextGen.WellFormed, TextGen.WellFormedNameLike), t => ScreenParty(t.Item1, t.Item2), 300, nameof(ScreenAsync_PartyWithAnyWellFormedName_GivesAResult), Show);

    [Fact]
    public void ScreenAsync_ProductWithAnyWellFormedText_GivesAResult() =>
        Property.ForAll(Gen.Select(TextGen.WellFormed, TextGen.WellFormedNameLike), t => ScreenProduct(t.Item1, t.Item2), 200, nameof(ScreenAsync_ProductWithAnyWellFormedText_GivesAResult), Show);

    /// <summary>Unpaired surrogates and long text with an emoji across character 1,024 (issue 8, defects 1 and 2).</summary>
    [Fact]
    public void ScreenAsync_HostileText_GivesAResultOrRefusesTheField() => Property.ForAll(Gen.Select(TextGen.Hostile, TextGen.NameLike, Gen.Bool), t =>
    {
        if (t.Item3)
        {
            ScreenParty(t.Item1, t.Item2);
        }
        else
        {
            ScreenProduct(t.Item1, t.Item2);
        }
    }, 300, nameof(ScreenAsync_HostileText_GivesAResultOrRefusesTheField), t => Show((t.Item1, t.Item2)));

    private static string Show((string, string) t) => $"{Property.Show(t.Item1)} / {Property.Show(t.Item2)}";

    private static void ScreenParty(string name, string other)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            var create = () => new PartyScreeningRequest(name);
            create.Should().Throw<ArgumentException>();
            return;
        }

        Screen(new PartyScreeningRequest(name) { Aliases = [other], Country = other }, "name", "aliases", "alias");
    }

    private static void ScreenProduct(string title, string other) =>
        Screen(ScreeningRequest.ForProduct() with { Title = title, Brand = other, Manufacturer = other, Seller = other, Model = other, FccId = other }, "title", "brand", "manufacturer", "seller", "model", "fcc");

    private static void Screen(ScreeningRequest request, params string[] fields)
    {
        try
        {
            var result = Engine.Value.ScreenAsync(request).AsTask().GetAwaiter().GetResult();
            result.Should().NotBeNull();
            Enum.IsDefined(result.Decision).Should().BeTrue();
        }
        catch (ArgumentException ex)
        {
            // The documented refusal of over-long text: it must say which field.
            if (!fields.Any(f => ex.Message.Contains(f, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException($"An ArgumentException must name the field it refuses ({string.Join(", ", fields)}), but says: {ex.Message}", ex);
            }
        }
    }
}
