using System.Globalization;
using System.Text;
using FluentAssertions;
using VendorScreen.Cli;
using VendorScreen.Policies;

namespace VendorScreen.Tests.Cli;

/// <summary>A row that cannot be screened stops the run before anything is written, naming the row.</summary>
public sealed class RowFailureTests : IDisposable
{
    private readonly CliTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("table")]
    public async Task Screen_RowFailsAfterTheFirstBatch_WritesNothingAndNamesTheRow(string format)
    {
        var input = WriteInput(failingRow: 257, rows: 300);

        var run = await CliTestHost.RunAsync(UseFailingPolicy, "screen", input, "--format", format);

        run.ShouldFailWith(2, $"{input}:258:", "row 257 (id R257)", "could not be screened", "policy failed on Hikvision", "nothing was written");
        run.Stdout.Should().BeEmpty("no row is written when one row fails");
    }

    [Fact]
    public async Task Screen_RowFailsWithOutputFile_LeavesNoFile()
    {
        var input = WriteInput(failingRow: 3, rows: 10);
        var output = _host.PathOf("results.jsonl");

        var run = await CliTestHost.RunAsync(UseFailingPolicy, "screen", input, "--format", "json", "-o", output);

        run.ShouldFailWith(2, "row 3 (id R3)", "nothing was written");
        File.Exists(output).Should().BeFalse();
    }

    [Fact]
    public async Task Screen_NoRowFails_WritesEveryRowInOrder()
    {
        var input = WriteInput(failingRow: 0, rows: 600);

        var run = await CliTestHost.RunAsync(UseFailingPolicy, "screen", input, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.JsonLines.Select(j => j.GetProperty("id").GetString()).Should().Equal(Enumerable.Range(1, 600).Select(i => "R" + i.ToString(CultureInfo.InvariantCulture)));
    }

    private static CliContext UseFailingPolicy(CliContext context) =>
        context with { ConfigureEngine = builder => builder.UsePolicy(new FailingPolicy()) };

    /// <summary>Rows are "Acme Widgets N" (no hit, so the policy is not asked), except <paramref name="failingRow"/>, which is Hikvision.</summary>
    private string WriteInput(int failingRow, int rows)
    {
        var text = new StringBuilder("id,name\n");
        for (var i = 1; i <= rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"R{i},{(i == failingRow ? "Hikvision" : $"Acme Widgets {i}")}\n");
        }

        return _host.Write("rows.csv", text.ToString());
    }

    /// <summary>A policy that fails on any hit on Hikvision, standing in for any engine failure on one row.</summary>
    private sealed class FailingPolicy : DefaultScreeningPolicy
    {
        public override PolicyVerdict Evaluate(in PolicyArguments arguments) =>
            arguments.Evidence.ListedEntity.PrimaryName.Contains("Hikvision", StringComparison.Ordinal)
                ? throw new InvalidOperationException("policy failed on Hikvision")
                : base.Evaluate(arguments);
    }
}
