using System.Text;
using FluentAssertions;
using VendorScreen.Sources.Ofac;

namespace VendorScreen.Tests.Sources.Ofac;

public sealed class OfacCsvReaderTests
{
    private const string Null = "-0- ";

    private static string Primary(string entNum, string name, string type = Null, string program = "\"SDGT\"", string remarks = Null) =>
        $"{entNum},\"{name}\",{type},{program},{Null},{Null},{Null},{Null},{Null},{Null},{Null},{remarks}";

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void ReadPrimary_TrailingEndOfFileRecord_IsNotARecord()
    {
        var bytes = Bytes(Primary("1", "ONE") + "\r\n" + Primary("2", "TWO") + "\r\n\u001a");
        var rejected = new List<RejectedRecord>();

        var parts = OfacCsvReader.ReadPrimary(bytes, "sdn.csv", rejected);

        parts.Should().ContainSingle().Which.Select(r => r.Name).Should().Equal("ONE", "TWO");
        rejected.Should().BeEmpty();
    }

    [Fact]
    public void ReadPrimary_TextAfterEndOfFileByte_IsASecondPartWithFileLines()
    {
        var bytes = Bytes(Primary("1", "ONE") + "\n" + Primary("2", "TWO") + "\n\u001a" + Primary("2", "TWO AGAIN") + "\n" + Primary("3", "THREE") + "\n\u001a\n");
        var rejected = new List<RejectedRecord>();

        var parts = OfacCsvReader.ReadPrimary(bytes, "joined.csv", rejected);

        parts.Should().HaveCount(2);
        parts[0].Select(r => r.EntNum).Should().Equal(1, 2);
        parts[1].Select(r => r.EntNum).Should().Equal(2, 3);
        parts[1].Select(r => r.Position).Should().Equal("joined.csv:3", "joined.csv:4");
        rejected.Should().BeEmpty();
    }

    [Fact]
    public void ReadPrimary_NullMarkers_BecomeNullAndProgramsStayRaw()
    {
        var bytes = Bytes("10278,\"LOGAN MOREY, Elvis Angus\",\"individual\",\"SDNT] [SDGT\",-0- ,-0-,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 28 Jul 1963.\"\r\n");

        var record = OfacCsvReader.ReadPrimary(bytes, "sdn.csv", []).Single().Single();

        record.Should().BeEquivalentTo(new OfacPrimaryRecord("sdn.csv:1", 10278, "LOGAN MOREY, Elvis Angus", "individual", "SDNT] [SDGT",
            null, null, null, null, null, null, null, "DOB 28 Jul 1963."));
    }

    [Fact]
    public void ReadPrimary_MalformedRecords_AreRejectedWithFileAndLine()
    {
        var text = string.Join("\r\n",
            Primary("1", "GOOD ONE"),
            "2,\"TOO FEW\",-0- ,\"SDGT\"",
            Primary("X3", "NOT NUMERIC"),
            "4,\"BROKEN \"QUOTED\" NAME\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ",
            Primary("5", "NAME ON\r\nTWO LINES"),
            Primary("6", "GOOD SIX"),
            $"7,{Null},{Null},\"SDGT\",{Null},{Null},{Null},{Null},{Null},{Null},{Null},{Null}") + "\r\n";
        var rejected = new List<RejectedRecord>();

        var records = OfacCsvReader.ReadPrimary(Bytes(text), "sdn.csv", rejected).Single();

        records.Select(r => (r.EntNum, r.Position)).Should().Equal((1, "sdn.csv:1"), (5, "sdn.csv:5"), (6, "sdn.csv:7"));
        records[1].Name.Should().Be("NAME ON TWO LINES");
        rejected.Should().BeEquivalentTo(new[]
        {
            new RejectedRecord("sdn.csv:2", "has 4 fields, expected 12"),
            new RejectedRecord("sdn.csv:3", "ent_num \"X3\" is not a number"),
            new RejectedRecord("sdn.csv:4", "broken quoting near \"\"BROKEN \"QUOTED\" NAME\"\""),
            new RejectedRecord("sdn.csv:8", "ent_num 7: SDN_Name is empty"),
        });
    }

    [Fact]
    public void ReadPrimary_UnterminatedQuote_RejectsTheRestAsOneRecord()
    {
        var text = Primary("1", "GOOD ONE") + "\r\n" + "2,\"NEVER CLOSED,-0- \r\n" + Primary("3", "SWALLOWED") + "\r\n";
        var rejected = new List<RejectedRecord>();

        var records = OfacCsvReader.ReadPrimary(Bytes(text), "sdn.csv", rejected).Single();

        records.Should().ContainSingle().Which.EntNum.Should().Be(1);
        rejected.Should().ContainSingle().Which.Position.Should().Be("sdn.csv:2");
    }

    [Fact]
    public void ReadAliases_FiveFields_ReadTypeNameAndRemarks()
    {
        var bytes = Bytes("7140,5059,\"aka\",\"LASHKAR E-TOIBA\",-0- \r\n7140,5060,\"fka\",\"OLD NAME\",\"weak alias\"\r\n7140,5061,\"aka\"\r\n");
        var rejected = new List<RejectedRecord>();

        var aliases = OfacCsvReader.ReadAliases(bytes, "alt.csv", rejected);

        aliases.Should().BeEquivalentTo(new[]
        {
            new OfacAliasRecord("alt.csv:1", 7140, "5059", "aka", "LASHKAR E-TOIBA", null),
            new OfacAliasRecord("alt.csv:2", 7140, "5060", "fka", "OLD NAME", "weak alias"),
        });
        rejected.Should().ContainSingle().Which.Should().Be(new RejectedRecord("alt.csv:3", "has 3 fields, expected 5"));
    }

    [Fact]
    public void ReadComments_KeepTextExactly()
    {
        var bytes = Bytes("28263,\"hn'; Linked To: LAZARUS GROUP.\"\r\n");

        OfacCsvReader.ReadComments(bytes, "sdn_comments.csv", []).Should().ContainSingle()
            .Which.Text.Should().Be("hn'; Linked To: LAZARUS GROUP.");
    }

    [Fact]
    public void ReadParts_EmptyOrOnlyEndOfFile_HasNoParts()
    {
        OfacCsvReader.ReadParts([], "sdn.csv", 12, []).Should().BeEmpty();
        OfacCsvReader.ReadParts([0x1A], "sdn.csv", 12, []).Should().BeEmpty();
        OfacCsvReader.ReadParts(Bytes("\r\n\u001a\r\n"), "sdn.csv", 12, []).Should().BeEmpty();
    }
}
