using IvrEngine.Hours;
using NodaTime;

namespace IvrEngine.Simulation.Kernel;

/// <summary>
/// Whether each of the menu's schedules is open, as the reference engine's BusinessHours answers it
/// (the schedule's own <see cref="Schedule.At"/>, daylight saving and holidays included), kept per
/// schedule until the answer's next change: a week asks the same question for every caller, and the
/// clock only moves forward. Kept from week to week in a <see cref="KernelWorkspace"/> (one week at a
/// time uses it): an answer holds wherever it was found to, whichever week asks, and working one out
/// can cost a megabyte (a schedule open around the clock is searched two years ahead for a close).
/// Not shared between threads.
/// </summary>
internal sealed class KernelHours
{
    // A schedule's search for its next change looks at least 799 days ahead (Schedule.NextOpen, NextClose): with none
    // found, the answer holds for 790 days (as good as for ever within a week, and exact for a later week that finds it
    // kept). Working it out again costs that search, about 1.3 MB for a schedule open around the clock.
    private static readonly long NoChangeFor = TimeSpan.FromDays(790).Ticks;

    private readonly Schedule[] _schedules;
    private readonly long[] _from;
    private readonly long[] _until;
    private readonly bool[] _open;

    public KernelHours(CompiledLine line)
    {
        _schedules = [.. line.ScheduleIds.Select(id => line.Scenario.Menu.Hours[id])];
        _from = new long[_schedules.Length];
        _until = new long[_schedules.Length];
        _open = new bool[_schedules.Length];
    }

    /// <summary>When the answer <see cref="IsOpen"/> last gave for <paramref name="schedule"/> next changes (UTC ticks; 790 days after it was asked: none within the schedule's search).</summary>
    public long ChangesAt(int schedule) => _until[schedule];

    /// <summary>Whether schedule <paramref name="schedule"/> is open at <paramref name="ticks"/> (UTC ticks, as the kernel's clock).</summary>
    public bool IsOpen(int schedule, long ticks, Instant at)
    {
        if (ticks >= _from[schedule] && ticks < _until[schedule]) return _open[schedule];
        var answer = _schedules[schedule].At(at);
        _from[schedule] = ticks;
        _until[schedule] = answer.NextChange is { } change ? change.ToDateTimeOffset().UtcTicks : ticks + NoChangeFor;
        _open[schedule] = answer.IsOpen;
        return answer.IsOpen;
    }
}
