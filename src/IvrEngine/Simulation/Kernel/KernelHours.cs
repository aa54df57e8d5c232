using IvrEngine.Hours;
using NodaTime;

namespace IvrEngine.Simulation.Kernel;

/// <summary>
/// Whether each of the menu's schedules is open, as the reference engine's BusinessHours answers it
/// (the schedule's own <see cref="Schedule.At"/>, daylight saving and holidays included), kept per
/// schedule until the answer's next change: a week asks the same question for every caller, and the
/// clock only moves forward. One per week (it is not shared between threads); the answers it works
/// out are also left in the line's <see cref="SharedSpells"/> for the other weeks.
/// </summary>
internal sealed class KernelHours
{
    // How long an answer with no change in the schedule's search ahead (800 days) is kept before it is asked again.
    private static readonly long KnownWithoutChange = Duration.FromDays(365).BclCompatibleTicks;

    private readonly Schedule[] _schedules;
    private readonly SharedSpells _shared;
    private readonly long[] _from;
    private readonly long[] _until;
    private readonly bool[] _open;

    public KernelHours(CompiledLine line)
    {
        _schedules = [.. line.ScheduleIds.Select(id => line.Scenario.Menu.Hours[id])];
        _shared = line.HoursSeen;
        _from = new long[_schedules.Length];
        _until = new long[_schedules.Length];
        _open = new bool[_schedules.Length];
    }

    /// <summary>Until when the answer <see cref="IsOpen"/> last gave for <paramref name="schedule"/> is known to hold (UTC ticks): its next change, or a year on when none was found.</summary>
    public long ChangesAt(int schedule) => _until[schedule];

    /// <summary>Whether schedule <paramref name="schedule"/> is open at <paramref name="ticks"/> (UTC ticks, as the kernel's clock).</summary>
    public bool IsOpen(int schedule, long ticks, Instant at)
    {
        if (ticks >= _from[schedule] && ticks < _until[schedule]) return _open[schedule];
        var spell = _shared.Covering(schedule, ticks) ?? _shared.Keep(schedule, Work(schedule, ticks, at));
        _from[schedule] = spell.From;
        _until[schedule] = spell.Until;
        _open[schedule] = spell.Open;
        return spell.Open;
    }

    private Spell Work(int schedule, long ticks, Instant at)
    {
        var answer = _schedules[schedule].At(at);
        // No change within the schedule's search: the answer is worked out again a year on, as a run of
        // many weeks may reach a change the search from here did not.
        var until = answer.NextChange is { } change ? change.ToDateTimeOffset().UtcTicks : ticks + KnownWithoutChange;
        return new Spell(ticks, until, answer.IsOpen);
    }

    /// <summary>A stretch of time, [From, Until) in UTC ticks, in which a schedule is open throughout or closed throughout.</summary>
    internal sealed record Spell(long From, long Until, bool Open);

    /// <summary>
    /// The last spell worked out for each schedule, shared by every week of a run on any thread: a
    /// schedule's answer depends on nothing but the time, and working it out is the costly part (a
    /// schedule that never changes, such as "always", is searched two years ahead), so a week that
    /// starts inside a spell another week found takes it as it is.
    /// </summary>
    internal sealed class SharedSpells(int schedules)
    {
        // Each slot is replaced whole (a reference write is atomic), so a reader sees one spell or another, never half of one.
        private readonly Spell?[] _last = new Spell?[schedules];

        public Spell? Covering(int schedule, long ticks) =>
            Volatile.Read(ref _last[schedule]) is { } spell && ticks >= spell.From && ticks < spell.Until ? spell : null;

        public Spell Keep(int schedule, Spell spell)
        {
            Volatile.Write(ref _last[schedule], spell);
            return spell;
        }
    }
}
