using VendorScreen.Normalization;

namespace VendorScreen.Indexing;

/// <summary>
/// The look-up by sound of one transliterated query, shared between the thread that finds the query's candidates and a helper
/// (<see cref="CandidateIndex.LookUpSoundFromTheEnd"/>): its groups of runs (a run and the longer runs from the same syllable,
/// walked together) are each taken by one of them, and the other reads the words the group offers once it is done. A group the
/// helper holds for longer than a look-up takes (a helper the system has set aside) is looked up again by the screening's
/// thread, which then keeps its own words.
/// </summary>
internal sealed class SharedSoundRuns
{
    /// <summary>The most groups of a query shared: the helper leaves those past it to the screening's thread.</summary>
    internal const int MaxGroups = 32;

    // By group: 0 while free, 1 once taken, 2 once looked up (its words in _words).
    private readonly int[] _state = new int[MaxGroups];
    private readonly List<SoundWord>[] _words = new List<SoundWord>[MaxGroups];
    private readonly List<string> _runs = [];
    private readonly List<(int Start, int Count)> _groups = [];

    /// <summary>Gets the query the look-up is of, or <see langword="null"/> when there is none.</summary>
    public NormalizedName? Query { get; private set; }

    /// <summary>Gets the sound codes of the query's runs, in the order the look-up reads them.</summary>
    public List<string> Runs => _runs;

    /// <summary>Gets the number of groups of runs of the query (the first <see cref="MaxGroups"/> are shared).</summary>
    public int GroupCount => _groups.Count;

    /// <summary>Gets how many groups of the query the screening's thread read from the helper (for tests).</summary>
    public int ReadFromHelper { get; private set; }

    /// <summary>Gets or sets what the screening's thread calls before it takes the first group of a look-up shared (for tests that
    /// hold it until the helper has looked a group up, as on a machine with a processor free; <see langword="null"/> otherwise).</summary>
    internal static Action<SharedSoundRuns>? CallerStarting { get; set; }

    /// <summary>Gets whether a group has been looked up by the thread that took it.</summary>
    /// <param name="group">The group's position in the query's groups.</param>
    /// <returns><see langword="true"/> once its words are written.</returns>
    public bool IsDone(int group) => group < MaxGroups && Volatile.Read(ref _state[group]) == 2;

    /// <summary>Readies the look-up of a query, before a helper is given it: works out its runs and their groups.</summary>
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

        Array.Clear(_state);
        Query = query;
        ReadFromHelper = 0;
    }

    /// <summary>Forgets the query. The runs are kept until the next <see cref="Reset"/>, for a helper still reading them.</summary>
    public void Clear() => Query = null;

    /// <summary>Gets where a group's runs start among <see cref="Runs"/> and how many they are.</summary>
    /// <param name="group">The group's position in the query's groups.</param>
    /// <returns>The first run and the number of runs.</returns>
    public (int Start, int Count) Group(int group) => _groups[group];

    /// <summary>Takes a group to look up, unless the other thread has or it is not shared.</summary>
    /// <param name="group">The group's position in the query's groups.</param>
    /// <returns><see langword="true"/> when it was free.</returns>
    public bool TryTake(int group) => group < MaxGroups && HelperSlots.TryTake(ref _state[group]);

    /// <summary>Gets the list the thread that took a group writes its words to, emptied.</summary>
    /// <param name="group">The group's position in the query's groups.</param>
    /// <returns>The list.</returns>
    public List<SoundWord> WordsToWrite(int group)
    {
        var words = _words[group] ??= [];
        words.Clear();
        return words;
    }

    /// <summary>Says the words of a group taken are written.</summary>
    /// <param name="group">The group's position in the query's groups.</param>
    public void Done(int group) => HelperSlots.Done(ref _state[group]);

    /// <summary>For the screening's thread: takes a group to look up itself (<see langword="false"/>), or reads the helper's
    /// words for it once the helper is done (<see langword="true"/>); a group the helper has held too long, or one past those
    /// shared, is left to the caller (<see langword="false"/>).</summary>
    /// <param name="group">The group's position in the query's groups.</param>
    /// <param name="words">The helper's words, in the order the group offers them.</param>
    /// <returns>Whether the words were read from the helper.</returns>
    public bool TryTakeOrRead(int group, out List<SoundWord>? words)
    {
        words = null;
        if (group >= MaxGroups || TryTake(group) || !HelperSlots.WaitUntilDone(ref _state[group]))
        {
            return false;
        }

        words = _words[group];
        ReadFromHelper++;
        return true;
    }
}
