using System.Globalization;
using VendorScreen.Normalization;

namespace VendorScreen.Sources.Lists;

/// <summary>Checks the text of an entity before it is screened against: every name and identifier must be valid Unicode
/// (no unpaired UTF-16 surrogate) and every name at most <see cref="NameNormalizer.MaxNameLength"/> characters long. An entity
/// that fails becomes a rejected record; it never fails the dataset.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class EntityChecks
{
    /// <summary>Finds why an entity cannot be screened against; <see langword="null"/> when it can.</summary>
    public static string? FindProblem(Entity entity)
    {
        if (NameNormalizer.FirstLoneSurrogate(entity.Id) is var idAt and >= 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the entity id holds an unpaired UTF-16 surrogate (U+{(int)entity.Id[idAt]:X4}) at character {idAt + 1}");
        }

        if (FindNameProblem(entity.PrimaryName, -1) is { } primary)
        {
            return primary;
        }

        for (var i = 0; i < entity.Names.Count; i++)
        {
            if (FindNameProblem(entity.Names[i].Value, i) is { } problem)
            {
                return problem;
            }
        }

        for (var i = 0; i < entity.Identifiers.Count; i++)
        {
            var value = entity.Identifiers[i].Value ?? string.Empty;
            if (NameNormalizer.FirstLoneSurrogate(value) is var at and >= 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"identifier {i + 1} ({entity.Identifiers[i].Scheme}) holds an unpaired UTF-16 surrogate (U+{(int)value[at]:X4}) at character {at + 1}");
            }
        }

        return null;
    }

    /// <summary>Drops the entities of a snapshot that <see cref="FindProblem"/> refuses, with the relations that refer to them, and
    /// counts each as a rejected record; the snapshot itself when every entity passes.</summary>
    public static ListSnapshot RejectInvalid(ListSnapshot snapshot)
    {
        List<RejectedRecord>? rejected = null;
        HashSet<string>? dropped = null;
        foreach (var entity in snapshot.Entities)
        {
            if (FindProblem(entity) is { } problem)
            {
                rejected ??= [.. snapshot.RejectedRecords];
                dropped ??= new HashSet<string>(StringComparer.Ordinal);
                dropped.Add(entity.Id);
                rejected.Add(new RejectedRecord($"{snapshot.Location ?? snapshot.SourceName}: entity {NameNormalizer.ReplaceLoneSurrogates(entity.Id)}", problem));
            }
        }

        if (rejected is null || dropped is null)
        {
            return snapshot;
        }

        return snapshot with
        {
            Entities = snapshot.Entities.Where(e => !dropped.Contains(e.Id)).ToArray(),
            Relations = snapshot.Relations.Where(r => !dropped.Contains(r.FromId) && !dropped.Contains(r.ToId)).ToArray(),
            RejectedRecords = rejected,
        };
    }

    // The problem of the primary name (position -1) or of the name at a position; the label is made only for a problem.
    private static string? FindNameProblem(string? name, int position)
    {
        if (name is null)
        {
            return null;
        }

        if (NameNormalizer.FirstLoneSurrogate(name) is var at and >= 0)
        {
            var label = NameLabel(position);
            return string.Create(CultureInfo.InvariantCulture, $"{label} holds an unpaired UTF-16 surrogate (U+{(int)name[at]:X4}) at character {at + 1}, which is not valid Unicode");
        }

        if (name.Length > NameNormalizer.MaxNameLength)
        {
            var label = NameLabel(position);
            return string.Create(CultureInfo.InvariantCulture, $"{label} is {name.Length} characters long, over the limit of {NameNormalizer.MaxNameLength} characters screened");
        }

        return null;
    }

    private static string NameLabel(int position) =>
        position < 0 ? "the primary name" : string.Create(CultureInfo.InvariantCulture, $"name {position + 1}");
}
