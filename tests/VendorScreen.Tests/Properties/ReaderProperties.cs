using System.Text;
using CsCheck;
using FluentAssertions;
using VendorScreen.Sources;
using VendorScreen.Tests.Fuzz;
using VendorScreen.Tests.Sources.Lists;

namespace VendorScreen.Tests.Properties;

/// <summary>
/// Every reader, fed random bytes or random text after a valid start of its format (so that parsing gets past detection and
/// the header), gives a snapshot (possibly with rejected records) or a <see cref="SanctionListSourceException"/> naming the
/// file, never another exception. Whether an empty result is usable is the engine's rule, not the reader's.
/// </summary>
public sealed class ReaderProperties : IDisposable
{
    private static readonly Gen<string> CsvText = Gen.String[Gen.Char["ab ,;\t\"\r\n\\0123456789-/:{}[]<>&=é海\u001A"], 0, 400];

    private static readonly Gen<string> BodyText = Gen.Frequency((3, CsvText), (1, TextGen.NameLike), (1, TextGen.AnyUtf16));

    private readonly ReaderHarness _harness = new();

    public static TheoryData<string, string, string> Formats => new()
    {
        { "ofac-csv", "Ofac/csv/sdn.csv", "sdn.csv" },
        { "ofac-xml", "Ofac/xml/sdn.xml", "sdn.xml" },
        { "ofac-advanced-xml", "Ofac/xml/sdn_advanced.xml", "sdn_advanced.xml" },
        { "csl-csv", "inline:csl-csv", "csl.csv" },
        { "csl-json", "Csl/csl-sample.json", "csl.json" },
        { "bis-dpl", "BisDpl/dpl-sample.txt", "dpl.txt" },
        { "un-xml", "Un/un-consolidated-sample.xml", "un.xml" },
        { "eu-xml", "Eu/eu-fsf-sample.xml", "eu.xml" },
        { "eu-csv", "Eu/eu-fsf-csv-v1-sample.csv", "eu.csv" },
        { "uk-conlist", "Uk/conlist-sample.csv", "ConList.csv" },
        { "uk-fcdo-csv", "Uk/uk-sanctions-list-sample.csv", "UK-Sanctions-List.csv" },
        { "ftm-json", "OpenSanctions/sample.entities.ftm.json", "entities.ftm.json" },
        { "custom-csv", "CustomCsv/erp-blocklist.csv", "list.csv" },
        { "vendorscreen-json", "inline:vendorscreen-json", "dataset.json" },
    };

    public void Dispose() => _harness.Dispose();

    [Theory]
    [MemberData(nameof(Formats))]
    public void Load_RandomBytes_GivesSnapshotOrSourceException(string format, string fixture, string fileName)
    {
        _ = fixture;
        Property.ForAll(Gen.Byte.Array[0, 2048], bytes => Check(format, fileName, bytes), 250, $"{nameof(Load_RandomBytes_GivesSnapshotOrSourceException)}/{format}", Hex);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Load_ValidStartThenRandomText_GivesSnapshotOrSourceException(string format, string fixture, string fileName)
    {
        var seed = Seed(fixture);
        Property.ForAll(
            Gen.Select(Gen.Int[0, seed.Length], BodyText),
            t => Check(format, fileName, [.. seed.AsSpan(0, t.Item1), .. Encoding.UTF8.GetBytes(t.Item2)]),
            250,
            $"{nameof(Load_ValidStartThenRandomText_GivesSnapshotOrSourceException)}/{format}",
            t => $"first {t.Item1} bytes of {fixture}, then {Property.Show(t.Item2)}");
    }

    /// <summary>A valid file of the format: a TestData fixture, or a small inline one for the formats without a fixture.</summary>
    private static byte[] Seed(string fixture) => fixture switch
    {
        "inline:vendorscreen-json" => Encoding.UTF8.GetBytes("""{"format": "vendorscreen-dataset/1", "source": "p", "version": "1", "lists": [{"id": "l", "name": "L", "category": "custom"}], "entities": [{"id": "a", "kind": "organization", "name": "Acme", "listings": [{"list": "l"}]}]}"""),
        "inline:csl-csv" => Encoding.UTF8.GetBytes("_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids\n1,Entity List (EL) - Bureau of Industry and Security,,,,Acme Trading,,,,,,,,,,,,,,,,,,,,,,,\n"),
        _ => File.ReadAllBytes(ListTestFiles.Path(fixture)),
    };

    private static string Hex(byte[] bytes) => $"{bytes.Length} bytes: {Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, 200)))}";

    private void Check(string format, string fileName, byte[] bytes)
    {
        var outcome = _harness.Load(format, fileName, bytes);
        outcome.Unexpected.Should().BeNull("{0} may only give a snapshot or a SanctionListSourceException", format);
    }
}
