using VendorScreen.Normalization;

namespace VendorScreen.Indexing;

/// <summary>
/// The look-up by sound of one transliterated query, shared between the thread that finds the query's candidates and a helper
/// (<see cref="CandidateIndex.LookUpSoundFromTheEnd"/>), a slot per group of runs (a run and the longer runs from the same
/// syllable, walked together; <see cref="SharedLookUp"/>). The words a group offers are read in the order it offers them.
/// </summary>
internal sealed class SharedSoundRuns : SharedLookUp
{
    /// <summary>The most groups of a query shared: the helper leaves those past it to the screening's thread.</summary>
    internal const int MaxGroups = 32;

    private readonly List<SoundWord>[] _words = new List<SoundWord>[MaxGroups];
    private readonly List<string> _runs = [];
    private readonly List<(int Start, int Count)> _groups = [];

    /// <summary>Gets the sound codes of the query's runs, in the order the look-up reads them.</summary>
    public List<string> Runs => _runs;

    /// <summary>Gets the number of groups of runs of the query (the first <see cref="MaxGroups"/> are shared).</summary>
    public int GroupCount => _groups.Count;

    /// <summary>Gets or sets what the screening's thread calls before it takes the first group of a look-up shared (for tests that
    /// hold it until the helper has looked a group up, as on a machine with a processor free; <see langword="null"/> otherwise).</summary>
    internal static Action<SharedSoundRuns>? CallerStarting { get; set; }

    /// <summary>Readies the look-up of a query, before a helper is given it: works out its runs and their groups. The runs are
    /// kept until the next call, for a helper still reading them after <see cref="SharedLookUp.Clear"/>.</summary>
    /// <param name="query">The query, transliterated from a script looked up by sound (<see cref="CandidateIndex.LooksUpBySound"/>).</param>
    public void Reset(NormalizedName query)
    {
        ArgumentNullException.ThrowIfNull(query);
        _runs.Clear();
        _groups.Clear();
        CandidateIndex.SoundRuns(query, _runs);
        for (var g = 0; g < _runs.Count;)
        {
            var count = CandidateIndex.SoundGroupLength(_runs, g);
            _groups.Add((g, count));
            g += count;
        }

        ResetSlots(query, Math.Min(_groups.Count, MaxGroups));
    }

    /// <summary>Gets where a group's runs start among <see cref="Runs"/> and how many they are.</summary>
    /// <param name="group">The group's position in the query's groups.</param>
    /// <returns>The first run and the number of runs.</returns>
    public (int Start, int Count) Group(int group) => _groups[group];

    /// <summary>Gets the list the thread that took a group writes its words to, emptied.</summary>
    /// <param name="group">The group's position in the query's groups, one taken.</param>
    /// <returns>The list.</returns>
    public List<SoundWord> WordsToWrite(int group)
    {
        var words = _words[group] ??= [];
        words.Clear();
        return words;
    }

    /// <summary>Says the words of a group taken are written.</summary>
    /// <param name="group">The group's position in the query's groups.</param>
    public void Done(int group) => MarkDone(group);

    /// <summary>For the screening's thread: takes a group to look up itself (<see langword="false"/>), or reads the helper's
    /// words for it once the helper is done (<see langword="true"/>); a group the helper has held too long, or one past those
    /// shared, is left to the caller (<see langword="false"/>).</summary>
    /// <param name="group">The group's position in the query's groups.</param>
    /// <param name="words">The helper's words, in the order the group offers them.</param>
    /// <returns>Whether the words were read from the helper.</returns>
    public bool TryTakeOrRead(int group, out List<SoundWord>? words)
    {
        var read = TryTakeOrWait(group);
        words = read ? _words[group] : null;
        return read;
    }
}
