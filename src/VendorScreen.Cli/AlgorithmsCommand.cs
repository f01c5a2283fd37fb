using System.CommandLine;
using VendorScreen.Cli.Output;
using VendorScreen.Matching;

namespace VendorScreen.Cli;

/// <summary>The <c>vendorscreen algorithms</c> command: lists the name-matching algorithms that <c>screen --algorithm</c> accepts,
/// with their rules.</summary>
internal static class AlgorithmsCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">Where the command writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var format = CliOptions.Format("Output format: table or json (one object per algorithm and line, with its feature table).", CliOptions.TableOrJson);
        var command = new Command("algorithms", "List the name-matching algorithms that screen --algorithm accepts, the default first.");
        command.Options.Add(format);
        command.SetAction((parseResult, cancellationToken) => RunAsync(context, parseResult.GetValue(format) ?? "table", cancellationToken));
        return command;
    }

    /// <summary>Runs the command.</summary>
    /// <param name="context">Where to write.</param>
    /// <param name="format">The output format.</param>
    /// <param name="cancellationToken">A token to stop.</param>
    /// <returns>0.</returns>
    /// <exception cref="CliException">An unknown format.</exception>
    public static async Task<int> RunAsync(CliContext context, string format, CancellationToken cancellationToken)
    {
        format = ScreenCommand.Choose("--format", format, CliOptions.TableOrJson);
        foreach (var algorithm in NameMatchAlgorithms.All)
        {
            var isDefault = string.Equals(algorithm.Name, NameMatchAlgorithms.DefaultName, StringComparison.Ordinal);
            if (format == "json")
            {
                context.Stdout.WriteLine(ToJson(algorithm, isDefault));
                continue;
            }

            context.Stdout.WriteLine(algorithm.Name + (isDefault ? " (default)" : string.Empty));
            context.Stdout.WriteLine("  " + algorithm.Summary);
            context.Stdout.WriteLine("  thresholds: " + algorithm.Thresholds);
            context.Stdout.WriteLine("  rules: " + string.Join(", ", algorithm.Features.Select(f => $"{f.Name} {f.Kind} {f.FormattedValue}")));
        }

        await context.Stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static string ToJson(NameMatchAlgorithm algorithm, bool isDefault) => JsonLine.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("name", algorithm.Name);
        json.WriteBoolean("default", isDefault);
        json.WriteString("summary", algorithm.Summary);
        json.WriteString("thresholds", algorithm.Thresholds);
        json.WriteObjects("features", algorithm.Features, (json, feature) =>
        {
            json.WriteString("name", feature.Name);
            json.WriteString("kind", feature.Kind);
            json.WriteNumber("value", feature.Value);
            json.WriteString("rule", feature.Rule);
        });
        json.WriteEndObject();
    });
}
