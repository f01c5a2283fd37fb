using System.Globalization;
using VendorScreen.Normalization;

namespace VendorScreen.Screening;

/// <summary>
/// Date-of-birth and country qualifiers of a party's name match: secondary facts that strengthen or weaken the name score.
/// </summary>
/// <remarks>
/// <para>Date of birth (persons only): the request's date is compared with each date of birth the listed person has, at the
/// precision both have (1965 agrees with 1965-03-02; 1965 does not agree with 1966). Ranges (<c>1960 to 1962</c>) agree with
/// any date inside them, approximate dates (<c>circa 1965</c>) with any date within <see cref="CircaToleranceYears"/> of them.
/// Agreement with an exact date adds <see cref="DateOfBirthBoost"/>; agreement only with a range or approximate date, or with
/// day and month transposed (a common clerical slip), is noted without a boost; a different birth year from every listed date
/// multiplies the score by <see cref="DateOfBirthPenalty"/>; the same year but another month or day (and no better agreement)
/// by <see cref="DateOfBirthDayPenalty"/>. A side without a date changes nothing.</para>
/// <para>Country (every kind of entity): when both the request and the entity have countries and they share none, the score
/// is multiplied by <see cref="CountryPenalty"/>. Entities of the embedded dataset and entities on a procurement-prohibition
/// list are exempt: a covered maker's subsidiaries and resellers can be anywhere, so the place says nothing there.</para>
/// <para>The type is stateless and safe for concurrent use.</para>
/// </remarks>
internal sealed class PartyQualifiers
{
    /// <summary>The boost for a date of birth that agrees with an exact listed date. Small: a birth year is shared by many
    /// people, so it confirms a good name but does not make a weak one.</summary>
    public const double DateOfBirthBoost = 0.05;

    /// <summary>The factor for a date of birth that disagrees with every listed date. 0.75 takes an identical name (score
    /// 1.0) below the default review threshold (0.80), so a namesake with another birth year is not alerted on the name alone,
    /// while the hit is still ranked (and reported by a caller with a lower threshold).</summary>
    public const double DateOfBirthPenalty = 0.75;

    /// <summary>The factor for a date of birth in the same year as a listed date but with another month or day. Milder than
    /// <see cref="DateOfBirthPenalty"/>: a day or month is often mistyped in lists (nomenklatura's <c>dob_day_disjoint</c> is
    /// also weighted apart from <c>dob_year_disjoint</c>). 0.90 keeps an identical name in review, below the default match
    /// threshold (0.92), so a person confirms it rather than the engine blocking it.</summary>
    public const double DateOfBirthDayPenalty = 0.90;

    /// <summary>The factor for countries that share nothing. Small: lists record nationalities and some addresses, not every
    /// country a party is tied to, so a different country is weak evidence. An identical name (1.0) stays above the default
    /// match threshold (0.92).</summary>
    public const double CountryPenalty = 0.95;

    /// <summary>How many years either side of an approximate (<c>circa</c>) listed date still agree with it.</summary>
    public const int CircaToleranceYears = 1;

    /// <summary>How far below the match threshold a boosted score stays when the name alone scored below it: a qualifier
    /// never turns a review into a block on its own.</summary>
    public const double BoostCeilingMargin = 0.005;

    private PartyQualifiers(FactDate? dateOfBirth, string? country, string? unrecognisedCountry)
    {
        DateOfBirth = dateOfBirth;
        Country = country;
        UnrecognisedCountry = unrecognisedCountry;
    }

    /// <summary>Gets the request's date of birth.</summary>
    public FactDate? DateOfBirth { get; }

    /// <summary>Gets the request's country as an ISO 3166-1 alpha-2 code.</summary>
    public string? Country { get; }

    /// <summary>Gets the request's country as given when it is neither an ISO 3166-1 code nor a known country name; it is
    /// not weighed, and every hit says so.</summary>
    public string? UnrecognisedCountry { get; }

    /// <summary>Creates the qualifiers of a party request, or returns <see langword="null"/> when it has neither a date of birth nor a country.</summary>
    /// <param name="dateOfBirth">The date of birth.</param>
    /// <param name="country">The country: an ISO 3166-1 code or an English country name.</param>
    /// <returns>The qualifiers, or <see langword="null"/>.</returns>
    public static PartyQualifiers? Create(FactDate? dateOfBirth, string? country)
    {
        var iso = Countries.ToIso2(country);
        var unrecognised = iso is null && !string.IsNullOrWhiteSpace(country) ? country.Trim() : null;
        return dateOfBirth is null && iso is null && unrecognised is null ? null : new PartyQualifiers(dateOfBirth, iso, unrecognised);
    }

    /// <summary>Gets the note of a result whose request gives a country that is not read (<see cref="UnrecognisedCountry"/>):
    /// <c>country "Narnia" was not read: ...</c>.</summary>
    /// <param name="given">The country as given.</param>
    /// <returns>The note.</returns>
    public static string UnreadCountryNote(string given) =>
        $"country \"{given}\" was not read: it {NeitherCodeNorName}, so no match was weighed by it";

    // What a country not read is, in the note of a result and in the detail of each hit.
    private const string NeitherCodeNorName = "is neither an ISO 3166-1 code nor a known country name";

    /// <summary>Compares the qualifiers with an entity.</summary>
    /// <param name="entity">The candidate entity.</param>
    /// <param name="dataset">The dataset, for list categories.</param>
    /// <returns>The outcome, to apply to name scores.</returns>
    public Qualification Evaluate(Entity entity, ScreeningDataset? dataset)
    {
        var features = new List<(string Feature, string Detail)>();
        var dob = DateOutcome.None;
        string? dobDetail = null;
        if (DateOfBirth is { } query && entity.Kind == EntityKind.Person)
        {
            (dob, dobDetail) = CompareDates(query, entity);
        }

        var country = CountryOutcome.None;
        string? countryDetail = null;
        if (Country is { } code && entity.Countries.Count > 0)
        {
            var listed = string.Join(", ", entity.Countries);
            if (entity.Countries.Contains(code, StringComparer.OrdinalIgnoreCase))
            {
                country = CountryOutcome.Agrees;
                countryDetail = $"country {code} is among the listed countries ({listed})";
            }
            else if (IsCountryExempt(entity, dataset))
            {
                country = CountryOutcome.Exempt;
                countryDetail = $"country {code} is not among the listed countries ({listed}); not weighed for a procurement-prohibition list, whose affiliates can be anywhere";
            }
            else
            {
                country = CountryOutcome.Disjoint;
                countryDetail = $"country {code} is not among the listed countries ({listed})";
            }
        }

        else if (UnrecognisedCountry is { } given && entity.Countries.Count > 0)
        {
            country = CountryOutcome.Unrecognised;
            countryDetail = $"country \"{given}\" {NeitherCodeNorName}; not weighed";
        }

        return new Qualification(dob, dobDetail, country, countryDetail);
    }

    private static (DateOutcome Outcome, string? Detail) CompareDates(FactDate query, Entity entity)
    {
        var exactAgree = new List<string>();
        var looseAgree = new List<string>();
        var sameYear = new List<string>();
        var disagree = new List<string>();
        foreach (var id in entity.Identifiers)
        {
            if (!string.Equals(id.Scheme, IdentifierSchemes.DateOfBirth, StringComparison.Ordinal)
                || !BirthDates.TryParseRange(id.Value, id.Notes, out var start, out var end, out var approximate, out var range))
            {
                continue;
            }

            var shown = approximate ? "circa " + id.Value : id.Value;
            if (approximate)
            {
                // Saturating: a circa date in year 1 or 9999 reaches to the ends of the calendar, never past them.
                start = start.Year > CircaToleranceYears ? start.AddYears(-CircaToleranceYears) : DateOnly.MinValue;
                end = end.Year <= DateOnly.MaxValue.Year - CircaToleranceYears ? end.AddYears(CircaToleranceYears) : DateOnly.MaxValue;
            }

            if (query.Start <= end && start <= query.End)
            {
                (approximate || range ? looseAgree : exactAgree).Add(shown);
            }
            else if (IsTransposed(query, start, end))
            {
                looseAgree.Add(shown);
            }
            else if (query.Year <= end.Year && start.Year <= query.Year)
            {
                sameYear.Add(shown);
            }
            else
            {
                disagree.Add(shown);
            }
        }

        var q = query.ToString();
        return exactAgree.Count > 0 ? (DateOutcome.Agrees, $"date of birth {q} agrees with the listed {exactAgree[0]}")
            : looseAgree.Count > 0 ? (DateOutcome.Consistent, $"date of birth {q} is consistent with the listed {looseAgree[0]} (a range, an approximate date or day and month transposed; no boost)")
            : sameYear.Count > 0 ? (DateOutcome.DisagreesWithinYear, $"date of birth {q} has the year but not the month or day of the listed {sameYear[0]}")
            : disagree.Count > 0 ? (DateOutcome.Disagrees, $"date of birth {q} differs from every listed date of birth ({string.Join(", ", disagree)})")
            : (DateOutcome.None, null);
    }

    // 1965-03-02 against a listed 1965-02-03: day and month swapped.
    private static bool IsTransposed(FactDate query, DateOnly start, DateOnly end) =>
        query.Day is { } day && start == end && day <= 12 && query.Month != day
        && start.Year == query.Year && start.Month == day && start.Day == query.Month;

    private static bool IsCountryExempt(Entity entity, ScreeningDataset? dataset) => IsOfTheProcurementProhibitions(entity, dataset);

    /// <summary>Gets whether an entity is one of the embedded dataset's (the covered makers, their subsidiaries and brands) or is on
    /// a procurement-prohibition list.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="dataset">The dataset whose lists it is on, or <see langword="null"/> for the known lists.</param>
    /// <returns>Whether it is.</returns>
    internal static bool IsOfTheProcurementProhibitions(Entity entity, ScreeningDataset? dataset) =>
        EmbeddedDataset.Holds(entity) || IsListedOnAProcurementProhibition(entity, dataset);

    /// <summary>Gets whether an entity is itself on a procurement-prohibition list (a covered maker such as ZTE or DJI, not a
    /// subsidiary, brand or relabeller tied to one).</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="dataset">The dataset whose lists it is on, or <see langword="null"/> for the known lists.</param>
    /// <returns>Whether it is.</returns>
    internal static bool IsListedOnAProcurementProhibition(Entity entity, ScreeningDataset? dataset)
    {
        var listings = entity.Listings;
        for (var i = 0; i < listings.Count; i++)
        {
            if ((dataset?.GetList(listings[i].ListId) ?? KnownLists.Get(listings[i].ListId)).Category == ListCategory.ProcurementProhibition)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What a date-of-birth comparison found.</summary>
    internal enum DateOutcome
    {
        /// <summary>One side has no date: no change.</summary>
        None,

        /// <summary>The date agrees with an exact listed date.</summary>
        Agrees,

        /// <summary>The date falls in a listed range or near an approximate date only.</summary>
        Consistent,

        /// <summary>The date has a listed year but not its month or day.</summary>
        DisagreesWithinYear,

        /// <summary>The date differs from every listed date in the year.</summary>
        Disagrees,
    }

    /// <summary>What a country comparison found.</summary>
    internal enum CountryOutcome
    {
        /// <summary>One side has no country.</summary>
        None,

        /// <summary>The countries share one.</summary>
        Agrees,

        /// <summary>The countries share none.</summary>
        Disjoint,

        /// <summary>The countries share none, but the entity is exempt.</summary>
        Exempt,

        /// <summary>The request's country is not a recognised code or name, so it is not weighed.</summary>
        Unrecognised,
    }

    /// <summary>The outcome of the qualifiers for one entity.</summary>
    /// <param name="DateOfBirth">The date-of-birth outcome.</param>
    /// <param name="DateOfBirthDetail">The explanation of the date-of-birth outcome.</param>
    /// <param name="Country">The country outcome.</param>
    /// <param name="CountryDetail">The explanation of the country outcome.</param>
    internal sealed record Qualification(DateOutcome DateOfBirth, string? DateOfBirthDetail, CountryOutcome Country, string? CountryDetail)
    {
        /// <summary>Gets the factor of the date-of-birth outcome.</summary>
        public double DateFactor => DateOfBirth switch
        {
            DateOutcome.Disagrees => DateOfBirthPenalty,
            DateOutcome.DisagreesWithinYear => DateOfBirthDayPenalty,
            _ => 1,
        };

        /// <summary>Gets whether the qualifiers change nothing and explain nothing.</summary>
        public bool IsEmpty => DateOfBirth == DateOutcome.None && Country == CountryOutcome.None;

        /// <summary>Applies the qualifiers to a name score: penalties first (multiplicative), then the boost, which stays below
        /// <paramref name="matchThreshold"/> when the score was below it.</summary>
        /// <param name="score">The name score.</param>
        /// <param name="matchThreshold">The score from which a hit is a match (a block on a blocking list).</param>
        /// <returns>The qualified score.</returns>
        public double Apply(double score, double matchThreshold)
        {
            var s = score * DateFactor;

            if (Country == CountryOutcome.Disjoint)
            {
                s *= CountryPenalty;
            }

            if (DateOfBirth == DateOutcome.Agrees)
            {
                var boosted = Math.Min(1, s + DateOfBirthBoost);
                s = s >= matchThreshold ? boosted : Math.Max(s, Math.Min(boosted, matchThreshold - BoostCeilingMargin));
            }

            return s;
        }

        /// <summary>Explains the qualifiers: one feature each, with the signed change it made to <paramref name="score"/>.</summary>
        /// <param name="score">The name score.</param>
        /// <param name="matchThreshold">The match threshold.</param>
        /// <returns>The features.</returns>
        public IEnumerable<FeatureScore> Explain(double score, double matchThreshold)
        {
            if (DateOfBirth != DateOutcome.None)
            {
                var change = DateOfBirth switch
                {
                    DateOutcome.Disagrees or DateOutcome.DisagreesWithinYear => (score * DateFactor) - score,
                    DateOutcome.Agrees => Apply(score, matchThreshold) - (Country == CountryOutcome.Disjoint ? score * CountryPenalty : score),
                    _ => 0,
                };
                var factor = DateOfBirth switch
                {
                    DateOutcome.Disagrees or DateOutcome.DisagreesWithinYear => string.Create(CultureInfo.InvariantCulture, $"; score x{DateFactor}"),
                    DateOutcome.Agrees => string.Create(CultureInfo.InvariantCulture, $"; score +{DateOfBirthBoost}, capped"),
                    _ => string.Empty,
                };
                yield return new FeatureScore("date-of-birth", Math.Round(change, 4), DateOfBirth == DateOutcome.Consistent ? 0 : 1, DateOfBirthDetail + factor);
            }

            if (Country != CountryOutcome.None)
            {
                var change = Country == CountryOutcome.Disjoint
                    ? score * DateFactor * (CountryPenalty - 1)
                    : 0;
                var factor = Country == CountryOutcome.Disjoint ? string.Create(CultureInfo.InvariantCulture, $"; score x{CountryPenalty}") : string.Empty;
                yield return new FeatureScore("country", Math.Round(change, 4), Country == CountryOutcome.Disjoint ? 1 : 0, CountryDetail + factor);
            }
        }
    }
}
