using System.CommandLine;
using System.Text.RegularExpressions;

namespace VendorScreen.Cli;

/// <summary>The <c>--store</c> and <c>--user</c> options: the audit trail and dispositions store (an SQLite file or a PostgreSQL
/// connection string) and who is recorded as acting.</summary>
internal sealed partial class StoreOptions
{
    public StoreOptions(bool required)
    {
        Store = new Option<string?>("--store")
        {
            Description = "The audit store: an SQLite file (created when missing) or a PostgreSQL connection string (Host=...;Database=...;Username=...).",
            HelpName = "FILE_OR_CONNECTION",
            Required = required,
        };
    }

    public Option<string?> Store { get; }

    public Option<string?> User { get; } = new("--user")
    {
        Description = "Who is recorded as acting (default: the operating-system user name).",
        HelpName = "NAME",
    };

    /// <summary>Adds the options to a command.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        command.Options.Add(Store);
        command.Options.Add(User);
    }

    /// <summary>Gets <c>--user</c>, or the operating-system user name.</summary>
    /// <param name="parseResult">The parse result.</param>
    /// <returns>The user.</returns>
    public string GetUser(ParseResult parseResult) =>
        parseResult.GetValue(User) is { } user && !string.IsNullOrWhiteSpace(user) ? user.Trim() : Environment.UserName;

    /// <summary>Opens the store <c>--store</c> names.</summary>
    /// <param name="parseResult">The parse result of a command where <c>--store</c> is required.</param>
    /// <param name="cancellationToken">A token to cancel.</param>
    /// <returns>The open store.</returns>
    /// <exception cref="CliException">The store cannot be opened (exit code 2), with the store's own message.</exception>
    private Task<OpenStore> OpenAsync(ParseResult parseResult, CancellationToken cancellationToken) =>
        OpenAsync(parseResult.GetRequiredValue(Store)!, cancellationToken);

    /// <summary>Opens the store <c>--store</c> names, runs a piece of work on it and closes it; a store failure in the work ends the
    /// command with the store's message on one line.</summary>
    /// <typeparam name="T">What the work returns.</typeparam>
    /// <param name="parseResult">The parse result of a command where <c>--store</c> is required.</param>
    /// <param name="work">The work on the open store.</param>
    /// <param name="cancellationToken">A token to cancel.</param>
    /// <returns>What the work returned.</returns>
    /// <exception cref="CliException">The store cannot be opened, or it failed (exit code 2).</exception>
    public async Task<T> UseAsync<T>(ParseResult parseResult, Func<OpenStore, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        var open = await OpenAsync(parseResult, cancellationToken).ConfigureAwait(false);
        await using (open.ConfigureAwait(false))
        {
            try
            {
                return await work(open).ConfigureAwait(false);
            }
            catch (ScreeningStoreException ex)
            {
                throw new CliException(CliContext.OneLine(ex.Message), ex);
            }
        }
    }

    /// <summary>Opens the store <c>--store</c> names, runs a piece of work on it and closes it; a store failure in the work ends the
    /// command with the store's message on one line.</summary>
    /// <param name="parseResult">The parse result of a command where <c>--store</c> is required.</param>
    /// <param name="work">The work on the open store.</param>
    /// <param name="cancellationToken">A token to cancel.</param>
    /// <returns>A task that completes when the work is done and the store closed.</returns>
    /// <exception cref="CliException">The store cannot be opened, or it failed (exit code 2).</exception>
    public Task UseAsync(ParseResult parseResult, Func<OpenStore, ValueTask> work, CancellationToken cancellationToken) =>
        UseAsync(parseResult, async open =>
        {
            await work(open).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>Whether a <c>--store</c> value is a PostgreSQL connection string rather than a file path.</summary>
    /// <param name="spec">The value.</param>
    /// <returns><see langword="true"/> for a connection string.</returns>
    public static bool IsPostgreSql(string spec) => PostgreSqlPattern().IsMatch(spec);

    /// <summary>Opens the store a <c>--store</c> value names.</summary>
    /// <param name="spec">The value.</param>
    /// <param name="cancellationToken">A token to cancel.</param>
    /// <returns>The open store.</returns>
    /// <exception cref="CliException">The store cannot be opened (exit code 2), with the store's own message.</exception>
    public static async Task<OpenStore> OpenAsync(string spec, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(spec))
        {
            throw new CliException("--store needs an SQLite file or a PostgreSQL connection string");
        }

        if (spec.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || spec.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException("--store: write the PostgreSQL connection as Host=...;Port=...;Database=...;Username=... (a URL is not accepted)");
        }

        try
        {
            if (IsPostgreSql(spec))
            {
                var postgres = await PostgreSqlScreeningStore.OpenAsync(spec, cancellationToken).ConfigureAwait(false);
                return new OpenStore(postgres, postgres, postgres.Description, postgres);
            }

            var sqlite = SqliteScreeningStore.Open(spec);
            return new OpenStore(sqlite, sqlite, sqlite.FilePath, null);
        }
        catch (ScreeningStoreException ex)
        {
            throw new CliException($"--store: {CliContext.OneLine(ex.Message)}", ex);
        }
        catch (ArgumentException ex)
        {
            throw new CliException($"--store: {CliContext.OneLine(ex.Message)}", ex);
        }
    }

    [GeneratedRegex(@"(^|;)\s*(host|server)\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PostgreSqlPattern();
}

/// <summary>An open audit store.</summary>
/// <param name="Audit">The audit trail.</param>
/// <param name="Dispositions">The dispositions.</param>
/// <param name="Description">The file or server, for messages.</param>
/// <param name="Owned">What to dispose at the end, if anything.</param>
internal sealed record OpenStore(IScreeningAuditStore Audit, IDispositionStore Dispositions, string Description, IAsyncDisposable? Owned) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Owned?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>Gets something to dispose at the end of a command whether or not a store was opened.</summary>
    /// <param name="store">The store, or <see langword="null"/>.</param>
    /// <returns>The store, or a scope that does nothing.</returns>
    public static IAsyncDisposable Scope(OpenStore? store) => store ?? (IAsyncDisposable)NoStore.Instance;

    private sealed class NoStore : IAsyncDisposable
    {
        public static readonly NoStore Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
