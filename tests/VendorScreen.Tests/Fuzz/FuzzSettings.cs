using System.Globalization;

namespace VendorScreen.Tests.Fuzz;

/// <summary>Seed and size of the property and fuzz runs, from environment variables so that a longer run needs no code change.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>VENDORSCREEN_FUZZ_SEED</c>: the seed of every property and fuzz run (default 20260301).</item>
/// <item><c>VENDORSCREEN_FUZZ_ITERATIONS</c>: mutations per format in the reader fuzz run (default 200).</item>
/// <item><c>VENDORSCREEN_PROPERTY_SCALE</c>: a factor on every property's iteration count (default 1).</item>
/// </list>
/// </remarks>
internal static class FuzzSettings
{
    public const string SeedVariable = "VENDORSCREEN_FUZZ_SEED";
    public const string IterationsVariable = "VENDORSCREEN_FUZZ_ITERATIONS";
    public const string ScaleVariable = "VENDORSCREEN_PROPERTY_SCALE";

    public const int DefaultSeed = 20260301;
    public const int DefaultIterations = 200;

    public static int Seed => ReadInt(SeedVariable, DefaultSeed, allowZero: true);

    public static int Iterations => ReadInt(IterationsVariable, DefaultIterations, allowZero: false);

    public static int Scale => ReadInt(ScaleVariable, 1, allowZero: false);

    /// <summary>A hash of a name that is the same in every process (unlike <see cref="string.GetHashCode()"/>).</summary>
    public static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }

    private static int ReadInt(string variable, int fallback, bool allowZero)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 0 || (value == 0 && !allowZero))
        {
            throw new InvalidOperationException($"{variable}=\"{text}\" is not a {(allowZero ? "non-negative" : "positive")} integer.");
        }

        return value;
    }
}
