using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VendorScreen;

/// <summary>What an analyst concluded about a hit.</summary>
public enum DispositionKind
{
    /// <summary>The party is not the listed entity: later screenings suppress the hit while the disposition holds.</summary>
    FalsePositive = 0,

    /// <summary>The party is the listed entity: recorded for the audit trail; the hit stays.</summary>
    TrueMatch,
}

/// <summary>
/// An analyst's record that a hit (a screened party and a listed entity) is a false positive or a true match: who decided, when,
/// why, until when, and the fingerprint of the entity's list entry at that time. A false-positive disposition suppresses the hit
/// in later screenings (see <c>WithDispositions</c>) until the entry changes (new names, listings or programs), the disposition
/// expires or it is removed; a suppressed hit is reported in <see cref="ScreeningResult.Suppressed"/>, never dropped silently.
/// </summary>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record ScreeningDisposition
{
    /// <summary>Gets the disposition id (unique in its store).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the screened party: a request id, or the screened name or field value (compared ignoring case and spacing).</summary>
    public required string Party { get; init; }

    /// <summary>Gets the id of the listed (or matched) entity the disposition is about.</summary>
    public required string EntityId { get; init; }

    /// <summary>Gets what the analyst concluded.</summary>
    public required DispositionKind Kind { get; init; }

    /// <summary>Gets who decided.</summary>
    public required string DecidedBy { get; init; }

    /// <summary>Gets why.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets when the decision was recorded.</summary>
    public DateTimeOffset DecidedAt { get; init; }

    /// <summary>Gets when the disposition stops applying, or <see langword="null"/> when it does not expire.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Gets the fingerprint of the entity's list entry when the decision was made (<see cref="Fingerprint"/>); a changed
    /// entry ends a false-positive suppression.</summary>
    public required string EntityFingerprint { get; init; }

    /// <summary>Gets when the disposition was removed, or <see langword="null"/> while it stands.</summary>
    public DateTimeOffset? RemovedAt { get; init; }

    /// <summary>Gets who removed the disposition, if it was removed.</summary>
    public string? RemovedBy { get; init; }

    /// <summary>Creates a disposition for a party and an entity of the current dataset, with a new id and the entity's fingerprint.</summary>
    /// <param name="party">The screened party (request id, or the screened name or field value).</param>
    /// <param name="entity">The listed or matched entity, as the current dataset has it.</param>
    /// <param name="kind">What the analyst concluded.</param>
    /// <param name="decidedBy">Who decided.</param>
    /// <param name="reason">Why.</param>
    /// <param name="decidedAt">When.</param>
    /// <param name="expiresAt">When the disposition stops applying; <see langword="null"/> for never.</param>
    /// <returns>The disposition.</returns>
    /// <exception cref="ArgumentException"><paramref name="party"/>, <paramref name="decidedBy"/> or <paramref name="reason"/> is empty,
    /// or <paramref name="expiresAt"/> is not after <paramref name="decidedAt"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="entity"/> is <see langword="null"/>.</exception>
    public static ScreeningDisposition Create(
        string party, Entity entity, DispositionKind kind, string decidedBy, string reason, DateTimeOffset decidedAt, DateTimeOffset? expiresAt = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(party);
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentException.ThrowIfNullOrWhiteSpace(decidedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (expiresAt is { } expiry && expiry <= decidedAt)
        {
            throw new ArgumentException($"The expiry {expiry:O} is not after the decision time {decidedAt:O}.", nameof(expiresAt));
        }

        return new ScreeningDisposition
        {
            Id = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture),
            Party = party.Trim(),
            EntityId = entity.Id,
            Kind = kind,
            DecidedBy = decidedBy.Trim(),
            Reason = reason.Trim(),
            DecidedAt = decidedAt,
            ExpiresAt = expiresAt,
            EntityFingerprint = Fingerprint(entity),
        };
    }

    /// <summary>Gets whether the disposition stands at a moment: not removed and not expired.</summary>
    /// <param name="now">The moment.</param>
    /// <returns><see langword="true"/> when it stands.</returns>
    public bool IsActiveAt(DateTimeOffset now) => RemovedAt is null && (ExpiresAt is not { } expiry || expiry > now);

    /// <summary>Computes the fingerprint of an entity's list entry: the lower-case hex SHA-256 of its kind, names (with their kinds),
    /// listings (list, program, listed and removed dates) and identifiers, in a fixed order. Any new name, listing or program changes
    /// it; the order in which a list prints them does not.</summary>
    /// <param name="entity">The entity.</param>
    /// <returns>64 hex digits.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entity"/> is <see langword="null"/>.</exception>
    public static string Fingerprint(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var text = new StringBuilder();
        text.Append("id\u001f").Append(entity.Id).Append('\u001e');
        text.Append("kind\u001f").Append(entity.Kind.ToString()).Append('\u001e');
        text.Append("primary\u001f").Append(entity.PrimaryName).Append('\u001e');
        foreach (var name in entity.Names.Select(n => $"name\u001f{n.Kind}\u001f{n.Value}").Order(StringComparer.Ordinal))
        {
            text.Append(name).Append('\u001e');
        }

        foreach (var listing in entity.Listings.Select(l => $"listing\u001f{l.ListId}\u001f{l.Program}\u001f{l.ListedOn}\u001f{l.RemovedOn}").Order(StringComparer.Ordinal))
        {
            text.Append(listing).Append('\u001e');
        }

        foreach (var identifier in entity.Identifiers.Select(i => $"identifier\u001f{i.Scheme}\u001f{i.Value}").Order(StringComparer.Ordinal))
        {
            text.Append(identifier).Append('\u001e');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).ToLowerInvariant();
    }
}

/// <summary>A hit that a false-positive disposition suppressed: the hit as the engine found it and the disposition that suppressed it.</summary>
/// <param name="Hit">The hit.</param>
/// <param name="Disposition">The disposition.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record SuppressedHit(ScreeningHit Hit, ScreeningDisposition Disposition);
