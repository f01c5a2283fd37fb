namespace VendorScreen;

/// <summary>Settings of a screening engine. Read once when the engine is built.</summary>
/// <remarks>A mutable options object; do not share an instance between threads while configuring it.</remarks>
public sealed class ScreeningOptions
{
    /// <summary>Gets or sets the score at or above which a name match is strong enough to block.</summary>
    /// <value>The default value is 0.92.</value>
    public double MatchThreshold { get; set; } = 0.92;

    /// <summary>Gets or sets the score at or above which a name match is reported for review.</summary>
    /// <value>The default value is 0.80.</value>
    public double ReviewThreshold { get; set; } = 0.80;

    /// <summary>Gets or sets how long a loaded source stays usable without a successful refresh; <see langword="null"/> for no limit.
    /// Sources with a fixed content (the embedded dataset) never go stale.</summary>
    /// <value>The default value is <see langword="null"/> (no limit).</value>
    public TimeSpan? MaxSourceAge { get; set; }

    /// <summary>Gets the longest <see cref="RecentlyEndedRelationWindow"/> accepted: 36,500 days (100 years).</summary>
    public static TimeSpan MaxRecentlyEndedRelationWindow { get; } = TimeSpan.FromDays(36_500);

    /// <summary>Gets or sets how long after a relation ended it still leads to <see cref="ScreeningDecision.Review"/>.</summary>
    /// <value>The default value is 730 days. It must be between zero and <see cref="MaxRecentlyEndedRelationWindow"/> (36,500
    /// days); a window that reaches back before 0001-01-01 from an early as-of date stops at that date.</value>
    public TimeSpan RecentlyEndedRelationWindow { get; set; } = TimeSpan.FromDays(730);

    /// <summary>Gets or sets the most relations on a path from a matched entity to a listed one.</summary>
    /// <value>The default value is 4.</value>
    public int MaxPathDepth { get; set; } = 4;

    /// <summary>Gets or sets the most candidate names scored per query name: the names of the look-up's best tally.</summary>
    /// <value>The default value is 64.</value>
    /// <remarks>Fewer candidates screen faster and find less: on the real lists, 32 left two more of 1,000 one-letter typos of OFAC
    /// names out of the candidates, and 128 took in two more, with more false alerts on common words; the times are in the
    /// README ("Configuration").</remarks>
    public int MaxCandidates { get; set; } = 64;

    /// <summary>Gets or sets whether a name screened in two or more romanisations (a name written in Hangul: its Revised
    /// Romanization and its second spelling, each compared by sound with Latin names; the dearest screenings) has them screened
    /// on two threads at once, the calling thread and one from the thread pool, when the machine has more than one processor.
    /// The calling thread never waits for a thread that has not started, and the result is the same either way. A batch or a
    /// stream (<see cref="ScreeningEngine.ScreenBatchAsync(System.Collections.Generic.IEnumerable{ScreeningRequest}, ScreeningBatchOptions?, System.Threading.CancellationToken)"/>,
    /// <see cref="ScreeningEngine.ScreenStreamAsync(System.Collections.Generic.IEnumerable{ScreeningRequest}, ScreeningBatchOptions?, System.Threading.CancellationToken)"/>)
    /// already screens on every processor and keeps each screening to one thread.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ParallelNameForms { get; set; } = true;

    /// <summary>Gets or sets whether the candidates a name's look-up finds (up to <see cref="MaxCandidates"/>, each bounded and the
    /// few that may match compared in full) are scored on two threads at once, the calling thread and one from the thread pool,
    /// a few candidates at a time, when the machine has more than one processor: a screening then takes about a fifth less time
    /// when a processor is free, for a little more processor time in all. For a name in Latin letters, and for a romanisation
    /// looked up by sound (a name in Han, Cyrillic or kana), the helper is asked for before the look-up, so that it has started
    /// by the time the candidates are found, and meanwhile looks up by sound the romanisation's last groups of syllables and the
    /// words the name's last words may misspell, then bounds the names that share a rare word with the name (up to 64, until the
    /// candidates are found), whose answers the candidates' turns read instead of bounding those names again; for another form
    /// of a name in another script, once a look-up has found enough candidates to share (16).
    /// The calling thread never waits for a thread that has not started, nor long for one the system has set aside (it scores
    /// that thread's candidates itself), and the result is the same either way.
    /// A batch or a stream already screens on every processor and keeps each screening to one thread; the windows of a long text
    /// and the forms shared by <see cref="ParallelNameForms"/> are scored on one thread each.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ParallelCandidates { get; set; } = true;

    /// <summary>Gets or sets the most hits kept in a result.</summary>
    /// <value>The default value is 25.</value>
    public int MaxHits { get; set; } = 25;

    /// <summary>Gets or sets whether a party name that is only a rare, distinctive part of a listed name (a rare surname alone, the
    /// distinctive word of an organisation, a nickname without its article) is reported for review. Such hits carry a
    /// <c>partial</c> feature and the rule <c>partial-name</c>; they never block.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool MatchPartialNames { get; set; } = true;

    /// <summary>Gets or sets the lengths at which the systems that send party names cut them: the length of their name fields
    /// (SAP's vendor name holds 35 characters). A party name of one of these lengths, or one less once the spaces that end it are
    /// left out, may have been cut there, often inside a word ("REVOLUTIONARY ARMED FORCES OF COLOM"): it is also read as the start
    /// of a longer listed name, and a listed name in Latin letters that starts with it is reported for review, with a
    /// <c>cut-name</c> feature; such a hit never blocks on its own. An empty list turns the reading off.</summary>
    /// <value>The default value is 30, 35, 40, 50 and 60 characters.</value>
    public IList<int> CutNameLengths { get; set; } = [30, 35, 40, 50, 60];

    /// <summary>Gets or sets whether the embedded default dataset is screened in addition to the configured sources.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool UseDefaultDataset { get; set; } = true;

    /// <summary>Gets or sets the policy to use when no policy object is given: the name of a built-in policy (<c>default</c>,
    /// <c>federal-contractor</c>, <c>sanctions-only</c>, <c>marketplace-listing</c>, <c>human-rights-due-diligence</c>) or the
    /// path of a JSON policy file ending in <c>.json</c> (see <see cref="Policies.PolicyFile"/>).</summary>
    /// <value>The default value is <c>default</c>.</value>
    public string Policy { get; set; } = "default";

    /// <summary>Gets or sets the name of the name-matching algorithm that scores candidates (<c>token-align-v3</c>,
    /// <c>ofac-parity-v1</c>; see <see cref="Matching.NameMatchAlgorithms"/>). Names are compared ignoring case; every result names
    /// the algorithm used. Candidate retrieval is the same for every algorithm.</summary>
    /// <value>The default value is <see cref="Matching.NameMatchAlgorithms.DefaultName"/> (<c>token-align-v3</c>).</value>
    public string Algorithm { get; set; } = Matching.NameMatchAlgorithms.DefaultName;

    /// <summary>Gets or sets whether screened and matched names may appear in logs.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool EnableSensitiveData { get; set; }

    /// <summary>Gets or sets the names of the sources whose list may be empty. Any other source that yields no entity is not
    /// usable: its last good snapshot stays in use, or, when there is none, results are <see cref="ScreeningDecision.Incomplete"/>.</summary>
    /// <value>The default value is an empty set.</value>
    public ISet<string> SourcesAllowedEmpty { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the largest share of entities a new version of a source may lose against the last good version of the
    /// same source (0.2 = 20% fewer). A version that lost more is refused as probably cut short.</summary>
    /// <value>The default value is 0.2.</value>
    public double MaxSourceShrink { get; set; } = 0.2;

    /// <summary>Gets or sets the folder of the state file (<c>source-state.json</c>) that keeps the name, location, version, SHA-256
    /// and entity count of the last good version of every source, so that <see cref="MaxSourceShrink"/> also holds across restarts;
    /// <see langword="null"/> to keep it in memory only. The command-line tool uses
    /// <see cref="Sources.Remote.RemoteListCatalog.DefaultCacheDirectory"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? SourceStateDirectory { get; set; }

    /// <summary>Gets or sets the shares at which ownership by listed parties decides (OFAC 50%, affiliate shares).</summary>
    /// <value>The default value is an <see cref="OwnershipOptions"/> with its defaults.</value>
    public OwnershipOptions Ownership { get; set; } = new();

    internal ScreeningOptions Clone()
    {
        var clone = (ScreeningOptions)MemberwiseClone();
        clone.Ownership = Ownership?.Clone()!;
        clone.CutNameLengths = CutNameLengths is null ? null! : [.. CutNameLengths];
        return clone;
    }
}
