using System.Globalization;
using System.Text;
using CsCheck;
using VendorScreen.Tests.Fuzz;

namespace VendorScreen.Tests.Properties;

/// <summary>Runs a property over a CsCheck generator, deterministically: every iteration draws from one PCG stream fixed by the
/// property's name and <c>VENDORSCREEN_FUZZ_SEED</c>, so CI sees the same cases on every run. On a failure CsCheck shrinks from
/// the failing case's own seed and the message gives both seeds.</summary>
internal static class Property
{
    public static void ForAll<T>(Gen<T> gen, Action<T> property, int iterations, string name, Func<T, string>? print = null)
    {
        ArgumentNullException.ThrowIfNull(gen);
        ArgumentNullException.ThrowIfNull(property);
        print ??= v => v is string s ? Show(s) : v?.ToString() ?? "null";
        var runSeed = FuzzSettings.Seed;
        var count = iterations * FuzzSettings.Scale;
        var pcg = new PCG(FuzzSettings.StableHash(name), (ulong)(uint)runSeed);
        for (var i = 0; i < count; i++)
        {
            var state = pcg.State;
            var value = gen.Generate(pcg, null, out _);
            try
            {
                property(value);
            }
#pragma warning disable CA1031 // Any exception is a counterexample; it is reported with the case below.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                var caseSeed = pcg.ToString(state);
                Assert.Fail(string.Create(CultureInfo.InvariantCulture,
                    $"property {name} failed at iteration {i} of {count} ({FuzzSettings.SeedVariable}={runSeed}; CsCheck seed \"{caseSeed}\"){Environment.NewLine}"
                    + $"input: {print(value)}{Environment.NewLine}{Fuzz.ReaderHarness.Describe(ex)}{Environment.NewLine}{Shrink(gen, property, caseSeed, print)}"));
            }
        }
    }

    /// <summary>Shows a string with every character outside printable ASCII as <c>\uXXXX</c>, cut to 400 characters.</summary>
    public static string Show(string? text)
    {
        if (text is null)
        {
            return "null";
        }

        var sb = new StringBuilder("\"");
        foreach (var c in text.Length > 400 ? text[..400] : text)
        {
            _ = c is >= ' ' and <= '~' and not '\\' ? sb.Append(c) : sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
        }

        return sb.Append(text.Length > 400 ? string.Create(CultureInfo.InvariantCulture, $"...\" ({text.Length} chars)") : "\"").ToString();
    }

    private static string Shrink<T>(Gen<T> gen, Action<T> property, string seed, Func<T, string> print)
    {
        try
        {
            gen.Sample(property, seed: seed, iter: 200, threads: 1, print: print);
            return "(CsCheck did not reproduce the failure while shrinking)";
        }
        catch (CsCheckException ex)
        {
            return "shrunk by CsCheck: " + ex.Message;
        }
    }
}
