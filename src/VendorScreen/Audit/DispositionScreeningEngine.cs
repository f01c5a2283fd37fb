using System.Globalization;
using System.Runtime.CompilerServices;

namespace VendorScreen.Audit;

/// <summary>
/// An engine decorator that applies analysts' dispositions: a hit that a standing false-positive disposition covers (same party,
/// same entity, entry unchanged since the decision, not expired, not removed) moves from <see cref="ScreeningResult.Hits"/> to
/// <see cref="ScreeningResult.Suppressed"/> with its disposition, and the decision is taken again from the hits that remain.
/// </summary>
/// <remarks>Thread-safe for concurrent use. The dispositions are read from the store once per call (once per batch or stream).</remarks>
internal sealed class DispositionScreeningEngine(IScreeningEngine inner, IDispositionStore store, IScreeningDatasetProvider datasets, TimeProvider timeProvider)
    : DecoratingScreeningEngine(inner)
{
    /// <inheritdoc />
    public override async ValueTask<ScreeningResult> ScreenAsync(ScreeningRequest request, CancellationToken cancellationToken = default)
    {
        var dispositions = await LoadAsync(cancellationToken).ConfigureAwait(false);
        var result = await Inner.ScreenAsync(request, cancellationToken).ConfigureAwait(false);
        return Apply(result, dispositions, datasets.Current, timeProvider.GetUtcNow());
    }

    /// <inheritdoc />
    public override async ValueTask<ScreeningBatchResult> ScreenBatchAsync(IEnumerable<ScreeningRequest> requests, ScreeningBatchOptions? options, CancellationToken cancellationToken = default)
    {
        var dispositions = await LoadAsync(cancellationToken).ConfigureAwait(false);
        var batch = await Inner.ScreenBatchAsync(requests, options, cancellationToken).ConfigureAwait(false);
        var generation = datasets.Current;
        var now = timeProvider.GetUtcNow();
        return new ScreeningBatchResult(batch.Results.Select(r => Apply(r, dispositions, generation, now)).ToArray());
    }

    /// <inheritdoc />
    protected override async IAsyncEnumerable<ScreeningResult> DecorateStream(IAsyncEnumerable<ScreeningResult> results, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var dispositions = await LoadAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var result in results.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return Apply(result, dispositions, datasets.Current, timeProvider.GetUtcNow());
        }
    }

    private async ValueTask<IReadOnlyList<ScreeningDisposition>> LoadAsync(CancellationToken cancellationToken)
    {
        var all = await store.ListDispositionsAsync(includeRemoved: false, cancellationToken).ConfigureAwait(false);
        return all.Where(d => d.Kind == DispositionKind.FalsePositive).ToArray();
    }

    /// <summary>Applies false-positive dispositions to a result.</summary>
    /// <param name="result">The result of the inner engine.</param>
    /// <param name="dispositions">The standing false-positive dispositions.</param>
    /// <param name="generation">The generation whose entities give the current fingerprints.</param>
    /// <param name="now">The moment that decides expiry.</param>
    /// <returns>The result, with suppressed hits moved out and the decision taken again.</returns>
    internal static ScreeningResult Apply(ScreeningResult result, IReadOnlyList<ScreeningDisposition> dispositions, ScreeningDatasetGeneration? generation, DateTimeOffset now)
    {
        if (dispositions.Count == 0 || result.Hits.Count == 0 || generation is null)
        {
            return result;
        }

        var dataset = generation.Dataset;
        var fingerprints = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? FingerprintOf(string id)
        {
            if (!fingerprints.TryGetValue(id, out var fingerprint))
            {
                fingerprint = dataset.FindEntity(id) is { } entity ? ScreeningDisposition.Fingerprint(entity) : null;
                fingerprints[id] = fingerprint;
            }

            return fingerprint;
        }

        var kept = new List<ScreeningHit>(result.Hits.Count);
        var suppressed = new List<SuppressedHit>(result.Suppressed);
        foreach (var hit in result.Hits)
        {
            var covering = dispositions.FirstOrDefault(d =>
                d.IsActiveAt(now)
                && (string.Equals(d.EntityId, hit.ListedEntityId, StringComparison.Ordinal) || string.Equals(d.EntityId, hit.EntityId, StringComparison.Ordinal))
                && PartyMatches(d.Party, result.Request, hit)
                && string.Equals(FingerprintOf(d.EntityId), d.EntityFingerprint, StringComparison.Ordinal));
            if (covering is null)
            {
                kept.Add(hit);
            }
            else
            {
                suppressed.Add(new SuppressedHit(hit, covering));
            }
        }

        if (suppressed.Count == result.Suppressed.Count)
        {
            return result;
        }

        var newlySuppressed = suppressed.Count - result.Suppressed.Count;
        var note = string.Create(CultureInfo.InvariantCulture, $"{newlySuppressed} {(newlySuppressed == 1 ? "hit" : "hits")} suppressed as false positive by disposition {string.Join(", ", suppressed.Skip(result.Suppressed.Count).Select(s => s.Disposition.Id).Distinct(StringComparer.Ordinal))}");
        var decision = kept.Count == 0 ? ScreeningDecision.Clear : kept.Max(h => h.Decision);
        var top = kept.FirstOrDefault(h => h.Decision == decision);
        if (result.Decision == ScreeningDecision.Incomplete && string.Equals(result.DecidingRule, "source-unusable", StringComparison.Ordinal) && decision != ScreeningDecision.Block)
        {
            return result with { Hits = kept, Suppressed = suppressed, Reason = result.Reason + "; " + note };
        }

        return result with
        {
            Hits = kept,
            Suppressed = suppressed,
            Decision = decision,
            DecidingRule = top?.Rule,
            Reason = top is null ? $"no match to a listed entity or its affiliates left: {note}" : $"{top.Field} \"{top.Query}\" {top.Reason}; {note}",
        };
    }

    /// <summary>Whether a disposition's party is the screened party: the request id, the party's name or aliases, or the value of the
    /// field that hit, compared ignoring case, width and runs of spaces.</summary>
    private static bool PartyMatches(string party, ScreeningRequest? request, ScreeningHit hit)
    {
        var wanted = Canonical(party);
        if (wanted.Length == 0)
        {
            return false;
        }

        if (string.Equals(wanted, Canonical(hit.Query), StringComparison.Ordinal) || string.Equals(wanted, Canonical(request?.Id), StringComparison.Ordinal))
        {
            return true;
        }

        return request is PartyScreeningRequest p
            && (string.Equals(wanted, Canonical(p.Name), StringComparison.Ordinal) || p.Aliases.Any(a => string.Equals(wanted, Canonical(a), StringComparison.Ordinal)));
    }

    private static string Canonical(string? text) => text is null
        ? string.Empty
        : string.Join(' ', text.Normalize(System.Text.NormalizationForm.FormKC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
