using System.CommandLine;
using System.Globalization;

namespace VendorScreen.Cli;

/// <summary>The <c>vendorscreen index</c> command: <c>index build</c> writes an index snapshot file of the loaded sources and the
/// candidate index built over them.</summary>
internal static class IndexCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">Where the command writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--output", "-o")
        {
            Description = "The index snapshot file to write (replaced when it exists).",
            HelpName = "FILE",
            Required = true,
        };
        var sources = new SourceOptions();
        var build = new Command("build", "Load the lists exactly as `screen` would with the same options and write them, with the candidate index built over them, to one index snapshot file, for a fast start with `screen --index FILE`.");
        sources.AddTo(build, withIndex: false);
        build.Options.Add(output);
        build.SetAction((parseResult, cancellationToken) => BuildAsync(sources.Read(parseResult, context), parseResult.GetValue(output) ?? string.Empty, cancellationToken));

        var command = new Command("index", "Build index snapshot files: the loaded lists in one file, for a fast start.");
        command.Subcommands.Add(build);
        return command;
    }

    /// <summary>Runs <c>index build</c>.</summary>
    /// <param name="sources">Where to write, and the lists to load.</param>
    /// <param name="output">The file to write.</param>
    /// <param name="cancellationToken">A token to stop.</param>
    /// <returns>0.</returns>
    /// <exception cref="CliException">Bad usage (exit 2), a source that could not be loaded (exit 3) or a file that cannot be written.</exception>
    public static async Task<int> BuildAsync(SourceSelection sources, string output, CancellationToken cancellationToken)
    {
        CliOptions.CheckOutputIsAFile(output);

        using var engine = await EngineFactory.CreateAsync(sources, "default", algorithm: null, requireUsable: true, cancellationToken).ConfigureAwait(false);
        var snapshots = engine.Dataset?.Snapshots ?? throw new CliException(ExitCodes.SourceFailed, "no dataset was loaded");
        try
        {
            IndexSnapshotFile.Write(output, engine);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--output {output}: cannot be written: {CliContext.OneLine(ex.Message)}", ex);
        }

        var entities = snapshots.Sum(s => s.Entities.Count);
        sources.Context.Stderr.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"wrote {output}: {snapshots.Count} {(snapshots.Count == 1 ? "source" : "sources")} ({string.Join(", ", snapshots.Select(s => s.SourceName))}), {entities} entities, {new FileInfo(output).Length} bytes"));
        return 0;
    }
}
