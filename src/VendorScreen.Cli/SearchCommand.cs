using System.CommandLine;
using System.Globalization;
using VendorScreen.Cli.Output;

namespace VendorScreen.Cli;

/// <summary>The <c>vendorscreen search</c> command: the listed entities whose names are closest to a name, best first, with
/// scores and explanations. No policy, no decision.</summary>
internal static class SearchCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">Where the command writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The name to search for." };
        var top = new Option<int>("--top", "-n") { Description = "The most entities to show (1 to 1000).", DefaultValueFactory = _ => 10 };
        var minScore = new Option<double>("--min-score") { Description = "The lowest score shown, 0 to 1.", DefaultValueFactory = _ => 0.5 };
        var algorithm = new Option<string?>("--algorithm") { Description = "The name-matching algorithm (see: vendorscreen algorithms)." };
        var format = CliOptions.Format("Output format: table or json (one object with every hit and its explanation).", CliOptions.TableOrJson);
        var sources = new SourceOptions();

        var command = new Command("search", "Find the listed entities whose names are closest to a name, best first, with scores and explanations.");
        command.Arguments.Add(name);
        sources.AddTo(command);
        command.Options.Add(top);
        command.Options.Add(minScore);
        command.Options.Add(algorithm);
        command.Options.Add(format);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            sources.Read(parseResult, context),
            parseResult.GetValue(name) ?? string.Empty,
            parseResult.GetValue(top),
            parseResult.GetValue(minScore),
            parseResult.GetValue(algorithm),
            parseResult.GetValue(format) ?? "table",
            cancellationToken));
        return command;
    }

    /// <summary>Runs the command.</summary>
    /// <param name="sources">Where to write, and the lists to search.</param>
    /// <param name="name">The name.</param>
    /// <param name="top">The most entities to show.</param>
    /// <param name="minScore">The lowest score shown.</param>
    /// <param name="algorithm">The algorithm, or <see langword="null"/> for the default.</param>
    /// <param name="format">The output format.</param>
    /// <param name="cancellationToken">A token to stop.</param>
    /// <returns>0; 2 for bad input; 3 when a source could not be loaded (a search that misses a list proves nothing).</returns>
    public static async Task<int> RunAsync(
        SourceSelection sources, string name, int top, double minScore, string? algorithm, string format, CancellationToken cancellationToken)
    {
        var context = sources.Context;
        format = ScreenCommand.Choose("--format", format, CliOptions.TableOrJson);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new CliException("search: the name to search for is empty");
        }

        if (name.Length > ScreeningRequest.MaxTextLength)
        {
            throw new CliException(string.Create(CultureInfo.InvariantCulture, $"search: the name is {name.Length} characters long; the longest is {ScreeningRequest.MaxTextLength}"));
        }

        if (top is < 1 or > 1000)
        {
            throw new CliException(string.Create(CultureInfo.InvariantCulture, $"--top {top}: must be between 1 and 1000"));
        }

        if (double.IsNaN(minScore) || minScore is < 0 or > 1)
        {
            throw new CliException(string.Create(CultureInfo.InvariantCulture, $"--min-score {minScore}: must be between 0 and 1"));
        }

        using var engine = await EngineFactory.CreateAsync(sources, "default", algorithm, requireUsable: true, cancellationToken).ConfigureAwait(false);
        var result = await engine.SearchAsync(name, top, minScore, cancellationToken).ConfigureAwait(false);
        if (format == "json")
        {
            context.Stdout.WriteLine(ToJson(result));
        }
        else
        {
            context.Stdout.WriteLine($"{result.Hits.Count} found for \"{name}\" ({result.Algorithm}; {result.DatasetVersion})");
            var rank = 0;
            foreach (var hit in result.Hits)
            {
                rank++;
                var matched = string.Equals(hit.MatchedName, hit.EntityName, StringComparison.Ordinal) ? string.Empty : $" as \"{hit.MatchedName}\" ({hit.MatchedNameKind})";
                context.Stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{rank,3}. {ResultWriter.FormatScore(hit.Score),-6} {hit.EntityId}  {hit.EntityName}{matched}  [{string.Join(", ", ResultWriter.ListsOf(hit.Listings))}]"));
            }
        }

        await context.Stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (!result.IsComplete)
        {
            var unusable = result.Sources.First(s => !s.IsUsable);
            context.Error($"source \"{unusable.SourceName}\" is not usable ({unusable.Error ?? "not loaded"}): the search is incomplete");
            return ExitCodes.SourceFailed;
        }

        return ExitCodes.Success;
    }

    private static string ToJson(NameSearchResult result) => JsonLine.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("query", result.Query);
        json.WriteString("algorithm", result.Algorithm);
        json.WriteString("datasetVersion", result.DatasetVersion);
        json.WriteBoolean("complete", result.IsComplete);
        json.WriteObjects("hits", result.Hits, (json, hit) =>
        {
            json.WriteString("entityId", hit.EntityId);
            json.WriteString("entityName", hit.EntityName);
            json.WriteString("kind", hit.Kind.ToString().ToLowerInvariant());
            json.WriteString("matchedName", hit.MatchedName);
            json.WriteString("matchedNameKind", hit.MatchedNameKind.ToString().ToLowerInvariant());
            json.WriteNumber("score", hit.Score);
            json.WriteStrings("lists", ResultWriter.ListsOf(hit.Listings));
            json.WriteObjects("features", hit.Features, (json, feature) =>
            {
                json.WriteString("feature", feature.Feature);
                json.WriteNumber("score", feature.Score);
                json.WriteString("detail", feature.Detail);
            });
        });
        json.WriteEndObject();
    });
}
