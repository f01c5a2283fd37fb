using FluentAssertions;
using VendorScreen.Normalization;
using VendorScreen.Screening;
using VendorScreen.Tests.Infrastructure;

namespace VendorScreen.Tests.Screening;

/// <summary>
/// A party's words written run together ("HavinBankLimited", "HIKVISIONSTORE") are also read apart, for a listed name that writes
/// them apart. The reading serves that name only: a company whose coined name runs two words together ("SusGlobal", "BankUnited",
/// "OneStream") is not reviewed against a listed name that holds one of the words, or both in another order, which its name as
/// written does not meet either.
/// </summary>
public sealed class WordsReadApartTests
{
    [Theory]
    [InlineData("DahuaTechnologyCoLtd", "dahua +technology +co +ltd")]
    [InlineData("KALALIMITED", "kala +ltd")] // a part read as a compare form of its own
    [InlineData("SAGE ENERGY HKLIMITED", "sage energy hk +ltd")]
    [InlineData("SusGlobal Energy Corp.", "sus +global energy corp")]
    [InlineData("OneStream, Inc.", "1 +stream inc")] // "one" read as the number
    [InlineData("OOOSTROYTRANSGAZ", "llc +stroytransgaz")]
    [InlineData("COMPANY'MOSTOTREST'", "co +mostotrest")]
    [InlineData("HIKVISION2024", "hikvision 2024")] // digits are no word of a name: not marked, nor the word after them
    [InlineData("2024EZVIZ", "2024 ezviz")]
    [InlineData("HIKVISION2024STORE", "hikvision 2024 store")]
    [InlineData("Hikvision's official store", "hikvision official store")] // a possessive left out sets no word apart
    public void Normalize_WordsReadApart_AreMarkedAsReadFromOneWrittenWord(string name, string expected)
    {
        var apart = NameNormalizer.Normalize(name)[^1];

        Marked(apart).Should().Be(expected);
    }

    [Fact]
    public void Normalize_NameAsWritten_HasNoWordReadApart()
    {
        NameNormalizer.Normalize("DahuaTechnologyCoLtd")[0].HasWordsReadApart.Should().BeFalse();
        NameNormalizer.Normalize("Dahua Technology Co Ltd").Should().ContainSingle().Which.HasWordsReadApart.Should().BeFalse();
    }

    [Fact]
    public void Window_OfAFormReadApart_KeepsItsMarks()
    {
        var apart = NameNormalizer.Normalize("Acme SusGlobalEnergy Corp")[^1];

        Marked(apart.Window(1, 3)).Should().Be("sus +global +energy");
    }

    [Theory]
    [InlineData("sus global energy corp", 0b10, "SUS GLOBAL ENERGY", true)]
    [InlineData("sus global energy corp", 0b10, "GLOBAL ENERGY COMPANY S.A.S.", false)] // "sus" is not in the name
    [InlineData("bank united inc", 0b10, "KOREA UNITED DEVELOPMENT BANK", false)] // nor are the words one after the other
    [InlineData("sheng feng development ltd", 0b10, "FENG SHENG CO., LTD.", false)] // nor in their order
    [InlineData("havin bank limted", 0b110, "HAVIN BANK LIMITED", true)] // a typo in a word read apart
    [InlineData("hikvision store", 0b10, "HIKVISION", true)] // a storefront's word only sets the name apart
    [InlineData("unity bio technology inc", 0b100, "GLOBAL UNITED BIOTECHNOLOGY INC.", false)] // the name writes the word as the query does
    [InlineData("ale anna inc", 0b10, "ALANNA", false)] // nor are the parts joined the word as written, one letter off
    [InlineData("taj co company", 0b110, "TAJCO COMPANY", true)] // but some parts joined may be a word
    [InlineData("comercial de rodajes y maquinaria sa", 0b11110, "COMERCIAL DE RODAJES Y MAQUINARIA, S.A.", true)]
    [InlineData("maquinaria rodajes", 0b10, "COMERCIAL DE RODAJES Y MAQUINARIA, S.A.", false)] // one word of two in their order
    [InlineData("me hijos", 0b10, "HENAO M. E HIJOS", true)] // a part that is words of the name
    [InlineData("sus global energy corp", 0b10, "SUS ENERGY GLOBAL", true)] // "global" only sets a name apart
    [InlineData("acme pvo air defense", 0b1100, "ALMAZ-ANTEY JSC", true)] // a word read as three words or more is not held to the reading
    public void MayMeetWordsReadApart_TheCandidateWritesTheWordsApart(string readApart, ulong marks, string listed, bool expected)
    {
        // The marked tokens were written run onto the token before them ("SusGlobal", "HIKVISIONSTORE", "Biotechnology").
        var tokens = NameNormalizer.Normalize(readApart)[0].Tokens;
        var query = new NormalizedName(tokens, false) { ReadApart = [marks] };

        Screener.MayMeetWordsReadApart(query, NameNormalizer.NormalizeListed(listed)[0]).Should().Be(expected);
    }

    [Theory]
    [InlineData("SusGlobal Energy Corp.")]
    [InlineData("BankFinancial CORP")]
    [InlineData("BankUnited, Inc.")]
    [InlineData("OneStream, Inc.")]
    [InlineData("AleAnna, Inc.")]
    [InlineData("SHENGFENG DEVELOPMENT Ltd")]
    [InlineData("Unity Biotechnology, Inc.")]
    public async Task ScreenAsync_CoinedNameRunningWordsTogether_IsNotReviewedAgainstANameWithOneOfTheWords(string name)
    {
        // Each was reviewed (0.80-0.91) against the listed name that holds one of its words, or both in another order, once words
        // run together were read apart; read as written, none is that name.
        var result = await ScreenAsync(name);

        result.Hits.Should().BeEmpty();
    }

    [Theory]
    [InlineData("SusGlobalEnergy", "t:7")]
    [InlineData("HavinBankLimited", "t:8")]
    [InlineData("HAVIN BANKLIMITED", "t:8")]
    [InlineData("FengShengCoLtd", "t:5")]
    [InlineData("KoreaUnitedDevelopmentBank", "t:3")]
    public async Task ScreenAsync_ListedNameWithItsWordsRunTogether_IsStillFound(string name, string id)
    {
        var result = await ScreenAsync(name, withWordsApart: true);

        result.Decision.Should().NotBe(ScreeningDecision.Clear);
        result.Hits[0].EntityId.Should().Be(id);
    }

    private static string Marked(NormalizedName name) =>
        string.Join(' ', name.Tokens.Select((t, i) => (name.IsReadApart(i) ? "+" : string.Empty) + t.Text));

    // The names the SEC's companies were reviewed against, and two that write such words apart.
    private static Task<ScreeningResult> ScreenAsync(string name, bool withWordsApart = false) =>
        withWordsApart
            ? ListedOrganisations.ScreenAsync(name, ("t:7", "SUS GLOBAL ENERGY"), ("t:8", "HAVIN BANK LIMITED"), ("t:3", "KOREA UNITED DEVELOPMENT BANK"),
                ("t:5", "FENG SHENG CO., LTD."))
            : ListedOrganisations.ScreenAsync(name, ("t:1", "GLOBAL ENERGY COMPANY S.A.S."), ("t:2", "RUSSIAN FINANCIAL CORPORATION BANK JSC"),
                ("t:3", "KOREA UNITED DEVELOPMENT BANK"), ("t:4", "STREAM"), ("t:5", "FENG SHENG CO., LTD."), ("t:6", "ALANNA"),
                ("t:9", "GLOBAL UNITED BIOTECHNOLOGY INC."));
}
