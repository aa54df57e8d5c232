using IvrEngine.Hours;
using NodaTime;

namespace IvrEngine.Simulation.Kernel;

/// <summary>
/// Whether each of the menu's schedules is open, as the reference engine's BusinessHours answers it
/// (the schedule's own <see cref="Schedule.At"/>, daylight saving and holidays included), kept per
/// schedule until the answer's next change: a week asks the same question for every caller, and the
/// clock only moves forward. One per week (it is not shared between threads).
/// </summary>
internal sealed class KernelHours
{
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

    /// <summary>When the answer <see cref="IsOpen"/> last gave for <paramref name="schedule"/> next changes (UTC ticks; long.MaxValue: never).</summary>
    public long ChangesAt(int schedule) => _until[schedule];

    /// <summary>Whether schedule <paramref name="schedule"/> is open at <paramref name="ticks"/> (UTC ticks, as the kernel's clock).</summary>
    public bool IsOpen(int schedule, long ticks, Instant at)
    {
        if (ticks >= _from[schedule] && ticks < _until[schedule]) return _open[schedule];
        var answer = _schedules[schedule].At(at);
        _from[schedule] = ticks;
        // No change within the schedule's two-year search: the answer holds for the whole run.
        _until[schedule] = answer.NextChange is { } change ? change.ToDateTimeOffset().UtcTicks : long.MaxValue;
        _open[schedule] = answer.IsOpen;
        return answer.IsOpen;
    }
}
