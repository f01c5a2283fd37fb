namespace VendorScreen;

/// <summary>The product categories that scope facts (<see cref="Relation.Scope"/>, <see cref="EntityIdentifier.Scope"/>) and that a
/// product request may name (<see cref="ProductScreeningRequest.Category"/>).</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
public static class ProductCategories
{
    /// <summary>Cameras, video recorders (NVR, DVR, XVR), doorbells, video intercoms and other video-surveillance equipment.</summary>
    public const string VideoSurveillance = "video-surveillance";

    /// <summary>Telecommunications equipment: routers, modems, hotspots, phones, network terminals.</summary>
    public const string Telecom = "telecom";

    /// <summary>Two-way radios, walkie-talkies, repeaters and other land-mobile radio equipment.</summary>
    public const string Radio = "radio";

    /// <summary>Drones (unmanned aircraft) and their parts.</summary>
    public const string Drones = "drones";

    /// <summary>Gets every category, in a fixed order.</summary>
    public static IReadOnlyList<string> All { get; } = [VideoSurveillance, Telecom, Radio, Drones];

    /// <summary>Gets whether a text is one of the categories (exactly, as in <see cref="All"/>).</summary>
    /// <param name="category">The text.</param>
    /// <returns><see langword="true"/> for a known category.</returns>
    public static bool IsKnown(string? category) => category is not null && All.Contains(category, StringComparer.Ordinal);
}
