using Microsoft.Extensions.Options;

namespace VendorScreen;

/// <summary>Validates <see cref="ScreeningOptions"/>, reporting every invalid setting at once.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
public sealed class ScreeningOptionsValidator : IValidateOptions<ScreeningOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ScreeningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.MatchThreshold is < 0 or > 1 || double.IsNaN(options.MatchThreshold))
        {
            errors.Add($"MatchThreshold ({options.MatchThreshold}) must be within [0, 1].");
        }

        if (options.ReviewThreshold is < 0 or > 1 || double.IsNaN(options.ReviewThreshold))
        {
            errors.Add($"ReviewThreshold ({options.ReviewThreshold}) must be within [0, 1].");
        }

        if (options.ReviewThreshold > options.MatchThreshold)
        {
            errors.Add($"ReviewThreshold ({options.ReviewThreshold}) must not exceed MatchThreshold ({options.MatchThreshold}).");
        }

        if (options.MaxSourceAge is { } age && age <= TimeSpan.Zero)
        {
            errors.Add($"MaxSourceAge ({age}) must be positive.");
        }

        if (options.RecentlyEndedRelationWindow < TimeSpan.Zero || options.RecentlyEndedRelationWindow > ScreeningOptions.MaxRecentlyEndedRelationWindow)
        {
            errors.Add($"RecentlyEndedRelationWindow ({options.RecentlyEndedRelationWindow}) must be between 0 and 36500 days (100 years, ScreeningOptions.MaxRecentlyEndedRelationWindow).");
        }

        if (options.MaxPathDepth is < 0 or > 16)
        {
            errors.Add($"MaxPathDepth ({options.MaxPathDepth}) must be between 0 and 16.");
        }

        if (options.MaxCandidates is < 1 or > 100_000)
        {
            errors.Add($"MaxCandidates ({options.MaxCandidates}) must be between 1 and 100000.");
        }

        if (options.MaxHits is < 1 or > 10_000)
        {
            errors.Add($"MaxHits ({options.MaxHits}) must be between 1 and 10000.");
        }

        if (Policies.ScreeningPolicies.IsFile(options.Policy))
        {
            try
            {
                _ = Policies.PolicyFile.Load(options.Policy);
            }
            catch (Policies.PolicyFileException ex)
            {
                errors.Add($"Policy (\"{options.Policy}\") is not a valid policy file: {ex.Message}");
            }
        }
        else if (Policies.ScreeningPolicies.Find(options.Policy) is null)
        {
            errors.Add($"Policy (\"{options.Policy}\") must be one of: {string.Join(", ", Policies.ScreeningPolicies.Names)}, or a policy file ending in .json.");
        }

        if (Matching.NameMatchAlgorithms.Find(options.Algorithm) is null)
        {
            errors.Add(Matching.NameMatchAlgorithms.DescribeUnknown(options.Algorithm));
        }

        if (options.CutNameLengths is null)
        {
            errors.Add("CutNameLengths must not be null (an empty list turns the reading of cut names off).");
        }
        else if (options.CutNameLengths.Any(l => l is < 2 or > ScreeningRequest.MaxTextLength))
        {
            errors.Add($"CutNameLengths ({string.Join(", ", options.CutNameLengths)}) must hold lengths between 2 and {ScreeningRequest.MaxTextLength} characters.");
        }

        if (options.SourcesAllowedEmpty is null)
        {
            errors.Add("SourcesAllowedEmpty must not be null.");
        }

        if (options.MaxSourceShrink is < 0 or > 1 || double.IsNaN(options.MaxSourceShrink))
        {
            errors.Add($"MaxSourceShrink ({options.MaxSourceShrink}) must be within [0, 1].");
        }

        if (options.SourceStateDirectory is { } stateDirectory && string.IsNullOrWhiteSpace(stateDirectory))
        {
            errors.Add("SourceStateDirectory must not be empty (null keeps the state in memory only).");
        }

        if (options.Ownership is null)
        {
            errors.Add("Ownership must not be null.");
        }
        else
        {
            if (options.Ownership.SanctionsPercent is <= 0 or > 100)
            {
                errors.Add($"Ownership.SanctionsPercent ({options.Ownership.SanctionsPercent}) must be greater than 0 and at most 100.");
            }

            foreach (var (list, percent) in options.Ownership.AffiliatePercent ?? new Dictionary<string, decimal>())
            {
                if (percent is < 0 or > 100)
                {
                    errors.Add($"Ownership.AffiliatePercent[\"{list}\"] ({percent}) must be between 0 and 100.");
                }
            }

            if (options.Ownership.AffiliatePercent is null)
            {
                errors.Add("Ownership.AffiliatePercent must not be null.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
