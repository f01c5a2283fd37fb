using System.Text;
using FluentAssertions;
using VendorScreen.Sources.Remote;

namespace VendorScreen.Tests.Sources.Remote;

public sealed class RemoteListCatalogTests
{
    [Fact]
    public void All_OfficialLists_HaveFormatsAndHttpsUrls()
    {
        RemoteListCatalog.All.Select(d => (d.Name, d.Format)).Should().BeEquivalentTo(new[]
        {
            ("ofac-sdn-csv", "ofac-csv"),
            ("ofac-cons-csv", "ofac-csv"),
            ("ofac-sdn-xml", "ofac-xml"),
            ("ofac-cons-xml", "ofac-xml"),
            ("us-csl-csv", "csl-csv"),
            ("us-csl-json", "csl-json"),
            ("un-sc-xml", "un-xml"),
            ("uk-sanctions-csv", "uk-fcdo-csv"),
            ("eu-fsf-xml", "eu-xml"),
        });
        RemoteListCatalog.All.Where(d => d.Url is not null).Should().OnlyContain(d => d.Url!.Scheme == "https");
        RemoteListCatalog.All.Should().OnlyContain(d => d.ExpectedContentTypes.Count > 0 && !d.ExpectedContentTypes.Contains("text/html"));
    }

    [Fact]
    public void Find_OfacSdnCsv_HasItsFourFilesUnderReaderNames()
    {
        var sdn = RemoteListCatalog.Find("OFAC-SDN-CSV")!;

        sdn.Url.Should().Be(new Uri("https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV"));
        sdn.FileName.Should().Be("sdn.csv");
        sdn.AdditionalFiles.Select(f => f.FileName).Should().Equal("add.csv", "alt.csv", "sdn_comments.csv");
        sdn.AdditionalFiles[0].Url.Should().Be(new Uri("https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADD.CSV"));
    }

    [Fact]
    public void Find_EuList_NeedsAConfiguredUrl()
    {
        var eu = RemoteListCatalog.Find("eu-fsf-xml")!;

        eu.Url.Should().BeNull();
        eu.UrlHint.Should().Contain("token=<TOKEN>");
        var act = () => eu.ToOptions("/tmp/cache");
        act.Should().Throw<InvalidOperationException>().WithMessage("*eu-fsf-xml*has no URL*");
    }

    [Fact]
    public void ToOptions_EveryListWithUrl_IsValid()
    {
        foreach (var definition in RemoteListCatalog.All.Where(d => d.Url is not null))
        {
            var options = definition.ToOptions("/tmp/cache");

            options.Validate().Should().BeEmpty(definition.Name);
            options.Format.Should().Be(definition.Format);
            options.Plausibility.Should().Be(PlausibilityOptions.Default);
        }
    }

    [Fact]
    public void ReadConfiguration_CatalogNameWithUrl_KeepsTheCatalogFormat()
    {
        var json = """
            {
              // the EU token comes from the user's own registration
              "lists": [
                { "name": "eu-fsf-xml", "url": "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=abc" },
                { "name": "un-sc-xml", "timeoutSeconds": 30, "maxRetries": 1 },
              ]
            }
            """;

        var lists = RemoteListCatalog.ReadConfiguration(Encoding.UTF8.GetBytes(json), "lists.json");

        lists.Should().HaveCount(2);
        lists[0].Format.Should().Be("eu-xml");
        lists[0].FileName.Should().Be("eu-fsf.xml");
        lists[0].Url!.Query.Should().Be("?token=abc");
        lists[1].Url.Should().Be(RemoteListCatalog.Find("un-sc-xml")!.Url);
        lists[1].ToOptions("/tmp/c").Timeout.Should().Be(TimeSpan.FromSeconds(30));
        lists[1].ToOptions("/tmp/c").MaxRetries.Should().Be(1);
    }

    [Fact]
    public void ReadConfiguration_CustomListWithFiles_IsRead()
    {
        var json = """
            [ { "name": "my-ofac", "url": "https://mirror.example.com/sdn.csv", "format": "ofac-csv",
                "files": [ { "fileName": "add.csv", "url": "https://mirror.example.com/add.csv" } ],
                "contentTypes": ["text/csv"], "maxBytes": 1000000 } ]
            """;

        var list = RemoteListCatalog.ReadConfiguration(Encoding.UTF8.GetBytes(json), "lists.json").Single();

        list.Format.Should().Be("ofac-csv");
        list.AdditionalFiles.Should().ContainSingle().Which.FileName.Should().Be("add.csv");
        list.ExpectedContentTypes.Should().Equal("text/csv");
        list.ToOptions("/tmp/c").MaxBodyBytes.Should().Be(1_000_000);
    }

    [Fact]
    public void ReadConfiguration_BadEntries_ListsEveryProblem()
    {
        var json = """
            { "lists": [
              { "name": "custom" },
              { "name": "other", "url": "ftp://example.com/x", "format": "un-xml" },
              { "url": "https://example.com/x" }
            ] }
            """;

        var act = () => RemoteListCatalog.ReadConfiguration(Encoding.UTF8.GetBytes(json), "lists.json");

        act.Should().Throw<FormatException>()
            .WithMessage("*lists.json: lists[0] (custom): \"format\" is missing*")
            .WithMessage("*lists[0] (custom): \"url\" is missing*")
            .WithMessage("*lists[1]: \"url\" must be an absolute http(s) URL*")
            .WithMessage("*lists[2]: \"name\" is missing*");
    }

    [Fact]
    public void ReadConfiguration_NotJson_NamesTheFile()
    {
        var act = () => RemoteListCatalog.ReadConfiguration("{ lists: "u8, "lists.json");

        act.Should().Throw<FormatException>().WithMessage("lists.json: not valid JSON*");
    }

    [Fact]
    public void DefaultCacheDirectory_EndsInVendorscreen()
    {
        var folder = RemoteListCatalog.DefaultCacheDirectory();

        Path.GetFileName(folder).Should().Be("vendorscreen");
        Path.IsPathFullyQualified(folder).Should().BeTrue();
    }
}
