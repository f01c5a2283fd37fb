using System.Runtime.CompilerServices;
using VendorScreen.Normalization;

namespace VendorScreen.Matching;

/// <summary>
/// The tables comparing names reads (given-name groups, Chinese and Korean syllables and their spellings, countries' names,
/// the costs of sounds across scripts, spelling rules), made once per process when first read: made here when a dataset
/// generation is made, with the rest of it, rather than by the first screenings that need them. Those screenings waited for
/// the tables, and what they made was then moved by the runtime's first collection while screenings ran.
/// </summary>
internal static class ScoringTables
{
    /// <summary>Makes every table not made yet; the later calls of a process do nothing.</summary>
    public static void Prepare()
    {
        RuntimeHelpers.RunClassConstructor(typeof(NameScorer).TypeHandle);
        RuntimeHelpers.RunClassConstructor(typeof(GivenNames).TypeHandle);
        RuntimeHelpers.RunClassConstructor(typeof(ChineseRomanization).TypeHandle);
        RuntimeHelpers.RunClassConstructor(typeof(Romanization).TypeHandle);
        RuntimeHelpers.RunClassConstructor(typeof(BalticEndings).TypeHandle);
        RuntimeHelpers.RunClassConstructor(typeof(DigitLetters).TypeHandle);
        RuntimeHelpers.RunClassConstructor(typeof(Countries).TypeHandle);
        RuntimeHelpers.RunClassConstructor(typeof(LegalForms).TypeHandle);
        RuntimeHelpers.RunClassConstructor(typeof(NumberWords).TypeHandle);
        RuntimeHelpers.RunClassConstructor(typeof(CrossScriptSimilarity).TypeHandle);
        CrossScriptSimilarity.PrepareSyllables();
        RuntimeHelpers.RunClassConstructor(typeof(CrossScriptKey).TypeHandle);
    }
}
