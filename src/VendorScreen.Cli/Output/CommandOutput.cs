using System.Text;

namespace VendorScreen.Cli.Output;

/// <summary>Where a command that takes <c>--output FILE</c> writes: the file (UTF-8 without a byte-order mark, replaced if it
/// exists), or standard output when no file is named.</summary>
internal static class CommandOutput
{
    /// <summary>Writes a command's output to the file, or to standard output, and closes the file (or flushes standard output) whether
    /// or not the writing succeeds.</summary>
    /// <param name="context">The context whose standard output is used when <paramref name="path"/> is <see langword="null"/>.</param>
    /// <param name="path">The <c>--output</c> value, or <see langword="null"/>.</param>
    /// <param name="write">Writes the output.</param>
    /// <param name="cancellationToken">A token to stop flushing standard output.</param>
    /// <returns>A task that completes when the output is written and closed.</returns>
    /// <exception cref="CliException">The file cannot be written.</exception>
    public static async Task WriteAsync(CliContext context, string? path, Func<TextWriter, Task> write, CancellationToken cancellationToken)
    {
        var writer = Open(context, path);
        try
        {
            await write(writer).ConfigureAwait(false);
        }
        finally
        {
            await CloseAsync(writer, path, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Opens the writer.</summary>
    /// <param name="context">The context whose standard output is used when <paramref name="path"/> is <see langword="null"/>.</param>
    /// <param name="path">The <c>--output</c> value, or <see langword="null"/>.</param>
    /// <returns>The writer; close it with <see cref="CloseAsync"/>.</returns>
    /// <exception cref="CliException">The file cannot be written.</exception>
    private static TextWriter Open(CliContext context, string? path)
    {
        if (path is null)
        {
            return context.Stdout;
        }

        try
        {
            return new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new CliException($"--output {path}: cannot write: {CliContext.OneLine(ex.Message)}", ex);
        }
    }

    /// <summary>Flushes standard output, or closes the file.</summary>
    /// <param name="writer">The writer <see cref="Open"/> returned.</param>
    /// <param name="path">The same <c>--output</c> value.</param>
    /// <param name="cancellationToken">A token to stop flushing standard output.</param>
    /// <returns>A task that completes when the output is written.</returns>
    private static async Task CloseAsync(TextWriter writer, string? path, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await writer.DisposeAsync().ConfigureAwait(false);
        }
    }
}
