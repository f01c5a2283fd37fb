using FluentAssertions;
using VendorScreen.Sources.Ofac;

namespace VendorScreen.Tests.Sources.Ofac;

public sealed class OfacRemarksParserTests
{
    [Fact]
    public void Parse_PersonRemarks_ReadsDatesPlacesCountriesAndDocuments()
    {
        var remarks = OfacRemarksParser.Parse(
            "DOB 28 Jul 1963; alt. DOB circa 1960; POB Toledo District, Belize; nationality Belize; citizen United States; Gender Male; " +
            "Passport P0017003 (Belize) issued 01 Jan 2010 expires 01 Jan 2020; National ID No. 123-45 (Belize); SSN 561-77-9011 (United States).");

        remarks.Identifiers.Should().ContainEquivalentOf(new EntityIdentifier(OfacIdentifierTypes.DateOfBirth, "1963-07-28"));
        remarks.Identifiers.Should().Contain(i => i.Scheme == OfacIdentifierTypes.DateOfBirth && i.Value == "1960" && i.Notes == "circa");
        remarks.Identifiers.Should().Contain(i => i.Scheme == OfacIdentifierTypes.PlaceOfBirth && i.Value == "Toledo District, Belize");
        var passport = remarks.Identifiers.Single(i => i.Scheme == OfacIdentifierTypes.Passport);
        passport.Value.Should().Be("P0017003");
        passport.Notes.Should().Be("Belize; issued 01 Jan 2010 expires 01 Jan 2020");
        remarks.Identifiers.Should().Contain(i => i.Scheme == OfacIdentifierTypes.NationalId && i.Value == "123-45");
        remarks.Identifiers.Should().Contain(i => i.Scheme == OfacIdentifierTypes.NationalId && i.Value == "561-77-9011" && i.Notes == "SSN; United States");
        remarks.Countries.Should().Equal("BZ", "US");
        remarks.Names.Should().BeEmpty();
        remarks.Links.Should().BeEmpty();
    }

    [Fact]
    public void Parse_QuotedNames_AreWeakAliasesWhateverTheirType()
    {
        var remarks = OfacRemarksParser.Parse("a.k.a. 'HESA'; f.k.a. 'OLD NAME CO'; n.k.a. 'NEW NAME CO'; a.k.a. 'BRANCH 215: RAIDS COMPANY'; a.k.a. 'LOW QUALITY' (weak).");

        remarks.Names.Should().Equal(
            new EntityName("HESA", NameKind.WeakAlias),
            new EntityName("OLD NAME CO", NameKind.WeakAlias),
            new EntityName("NEW NAME CO", NameKind.WeakAlias),
            new EntityName("BRANCH 215: RAIDS COMPANY", NameKind.WeakAlias),
            new EntityName("LOW QUALITY", NameKind.WeakAlias));
        remarks.Links.Should().BeEmpty("a colon inside a quoted name is not a relation label");
    }

    [Fact]
    public void Parse_DoubleTypographicAndUnquotedNames_AreWeakAliases()
    {
        var remarks = OfacRemarksParser.Parse("a.k.a. \"DOUBLE QUOTED\"; f.k.a. \u2018CURLY; SINGLE\u2019; a.k.a. \u201CCURLY DOUBLE\u201D; n.k.a. NEW NAME TRADING (weak); Linked To: SOME PARTY.");

        remarks.Names.Should().Equal(
            new EntityName("DOUBLE QUOTED", NameKind.WeakAlias),
            new EntityName("CURLY; SINGLE", NameKind.WeakAlias),
            new EntityName("CURLY DOUBLE", NameKind.WeakAlias),
            new EntityName("NEW NAME TRADING", NameKind.WeakAlias));
        remarks.Links.Should().ContainSingle().Which.TargetName.Should().Be("SOME PARTY");
    }

    [Fact]
    public void Parse_LabelWithoutQuoteOrName_IsNoName()
    {
        var remarks = OfacRemarksParser.Parse("a.k.a. ; a.k.a. 'UNCLOSED");

        remarks.Names.Should().BeEmpty();
    }

    [Fact]
    public void Parse_QuotedNameWithSemicolonAndApostrophe_StaysWhole()
    {
        var remarks = OfacRemarksParser.Parse("a.k.a. 'D'S TRADING; NORTH'; Linked To: D'S SUPERMARKET COMPANY LTD.");

        remarks.Names.Should().ContainSingle().Which.Value.Should().Be("D'S TRADING; NORTH");
        remarks.Links.Should().ContainSingle().Which.TargetName.Should().Be("D'S SUPERMARKET COMPANY LTD");
    }

    [Theory]
    [InlineData("Linked To: HIZBALLAH.", RelationKind.LinkedTo, "HIZBALLAH", false)]
    [InlineData("Owned or Controlled By: EXAMPLE HOLDING.", RelationKind.OwnedBy, "EXAMPLE HOLDING", false)]
    [InlineData("Subsidiary Of: EXAMPLE PARENT, S.A. DE C.V.", RelationKind.SubsidiaryOf, "EXAMPLE PARENT, S.A. DE C.V", false)]
    [InlineData("Owns, controls, or operates: EXAMPLE VESSEL.", RelationKind.OwnedBy, "EXAMPLE VESSEL", true)]
    [InlineData("Associate Of: EXAMPLE PERSON.", RelationKind.LinkedTo, "EXAMPLE PERSON", false)]
    public void Parse_RelationLabels_BecomeLinks(string text, RelationKind kind, string target, bool reversed)
    {
        var link = OfacRemarksParser.Parse(text).Links.Should().ContainSingle().Subject;

        link.Kind.Should().Be(kind);
        link.TargetName.Should().Be(target);
        link.Reversed.Should().Be(reversed);
    }

    [Fact]
    public void Parse_OwnedOrControlledByInsideAnotherLabel_IsNotARelation()
    {
        var remarks = OfacRemarksParser.Parse("Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions: North Korea Sanctions Regulations section 510.214.");

        remarks.Links.Should().BeEmpty();
    }

    [Fact]
    public void Parse_EntityIdentifiers_UseKnownSchemes()
    {
        var remarks = OfacRemarksParser.Parse(
            "Website www.example.test; Email Address info@example.test; SWIFT/BIC EXAMIRTH; Registration Number 26740 (Iran); Tax ID No. 7734202860 (Russia); " +
            "Legal Entity Number 5299007NTWCC3U23WM81 (Czech Republic); D-U-N-S Number 56-501-1234; Unified Social Credit Code (USCC) 91110000100000000X (China); " +
            "Vessel Registration Identification IMO 9187629; MMSI 422020000; Digital Currency Address - XBT 1ExampleXbt; alt. Digital Currency Address - ETH 0xabc; " +
            "Nationality of Registration Iran; Organization Established Date 25 Sep 2018.");

        remarks.Identifiers.Select(i => (i.Scheme, i.Value)).Should().BeEquivalentTo(new[]
        {
            (IdentifierSchemes.Website, "www.example.test"),
            (OfacIdentifierTypes.Email, "info@example.test"),
            (OfacIdentifierTypes.SwiftBic, "EXAMIRTH"),
            (OfacIdentifierTypes.RegistrationNumber, "26740"),
            (OfacIdentifierTypes.TaxId, "7734202860"),
            (IdentifierSchemes.Lei, "5299007NTWCC3U23WM81"),
            (IdentifierSchemes.Duns, "56-501-1234"),
            (IdentifierSchemes.ChineseUscc, "91110000100000000X"),
            (IdentifierSchemes.Imo, "9187629"),
            (OfacIdentifierTypes.Mmsi, "422020000"),
            (OfacIdentifierTypes.CryptoWallet, "1ExampleXbt"),
            (OfacIdentifierTypes.CryptoWallet, "0xabc"),
        });
        remarks.Identifiers.Single(i => i.Value == "0xabc").Notes.Should().Be("ETH");
        remarks.Countries.Should().Equal("IR");
    }

    [Fact]
    public void Parse_UnknownCountry_IsKeptAsWrittenNotGuessed()
    {
        var remarks = OfacRemarksParser.Parse("nationality Atlantis; citizen Iran.");

        remarks.Countries.Should().Equal("IR");
        remarks.CountryNames.Should().Equal("Atlantis", "Iran");
    }

    [Theory]
    [InlineData("nationality Korea, North.", "KP")]
    [InlineData("nationality Democratic People's Republic of Korea.", "KP")]
    [InlineData("citizen Cabo Verde.", "CV")]
    [InlineData("nationality North Macedonia, The Republic of.", "MK")]
    [InlineData("nationality Palestinian.", "PS")]
    [InlineData("Nationality of Registration Cook Islands.", "CK")]
    public void Parse_CountrySpellingsOfac_UseTheSharedTable(string text, string expected) =>
        OfacRemarksParser.Parse(text).Countries.Should().Equal(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("For more information on directives, please visit the following link.")]
    public void Parse_NothingStructured_ReturnsEmpty(string? text)
    {
        var remarks = OfacRemarksParser.Parse(text);

        remarks.Names.Should().BeEmpty();
        remarks.Identifiers.Should().BeEmpty();
        remarks.Countries.Should().BeEmpty();
        remarks.Links.Should().BeEmpty();
    }

    [Fact]
    public void Segments_RemarksSplitByCommentsContinuation_JoinAcrossTheCut()
    {
        // sdn_comments.csv continues a remarks field cut at its size limit, even inside a quoted name.
        var joined = "Linked To: LAZARUS GROUP; a.k.a. 'snowsjo" + "hn'; Linked To: BLUENOROFF.";

        OfacRemarksParser.Parse(joined).Names.Should().ContainSingle().Which.Value.Should().Be("snowsjohn");
    }
}
