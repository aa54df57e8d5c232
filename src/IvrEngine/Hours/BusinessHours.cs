using System.Collections.Immutable;
using NodaTime;

namespace IvrEngine.Hours;

/// <summary>
/// The menu's schedules plus the one thing that changes at run time: an emergency closure, switched on
/// and off by ops for one schedule or all. Precedence: emergency closure, then a dated override, then a
/// closed date, then the weekly hours. Like calls, it is single-threaded: its owner uses it from one
/// logical thread.
/// </summary>
public sealed class BusinessHours
{
    private readonly HashSet<string> _emergency = new(StringComparer.Ordinal);
    // Each schedule's last answer and the instants it holds for: a line asks the same question for
    // every caller, and the answer only changes at its NextChange (or, for the rule's name, at midnight).
    private readonly Dictionary<string, (Instant From, Instant Until, HoursAnswer Answer)> _answers = new(StringComparer.Ordinal);
    private bool _emergencyEverywhere;

    public BusinessHours(ImmutableDictionary<string, Schedule> schedules) => Schedules = schedules;

    public ImmutableDictionary<string, Schedule> Schedules { get; }

    public const string EmergencyRule = "emergency closure";

    /// <summary>Closes <paramref name="scheduleId"/> (or every schedule, when null) until switched off.</summary>
    public void SetEmergencyClosure(string? scheduleId, bool closed)
    {
        if (scheduleId is null)
        {
            _emergencyEverywhere = closed;
            if (!closed) _emergency.Clear();
            return;
        }
        if (!Schedules.ContainsKey(scheduleId)) throw new ArgumentException($"There is no schedule '{scheduleId}'.", nameof(scheduleId));
        if (closed) _emergency.Add(scheduleId);
        else _emergency.Remove(scheduleId);
    }

    public bool IsEmergencyClosed(string scheduleId) => _emergencyEverywhere || _emergency.Contains(scheduleId);

    public Schedule this[string scheduleId] => Schedules[scheduleId];

    public HoursAnswer At(string scheduleId, Instant at)
    {
        if (IsEmergencyClosed(scheduleId)) return new HoursAnswer(false, EmergencyRule, null);
        if (_answers.TryGetValue(scheduleId, out var known) && at >= known.From && at < known.Until) return known.Answer;
        var schedule = Schedules[scheduleId];
        var answer = schedule.At(at);
        var midnight = schedule.Zone.AtStartOfDay(at.InZone(schedule.Zone).Date.PlusDays(1)).ToInstant();
        _answers[scheduleId] = (at, answer.NextChange is { } change && change < midnight ? change : midnight, answer);
        return answer;
    }

    public bool IsOpenAt(string scheduleId, Instant at) => At(scheduleId, at).IsOpen;

    /// <summary>The first instant at or after <paramref name="from"/> it is open; null during an emergency closure or when it never opens.</summary>
    public Instant? NextOpen(string scheduleId, Instant from) =>
        IsEmergencyClosed(scheduleId) ? null : Schedules[scheduleId].NextOpen(from);

    /// <summary>The first instant at or after <paramref name="from"/> it is closed (<paramref name="from"/> itself during an emergency).</summary>
    public Instant? NextClose(string scheduleId, Instant from) =>
        IsEmergencyClosed(scheduleId) ? from : Schedules[scheduleId].NextClose(from);

    /// <summary>Open intervals within [from, to); none during an emergency closure (it is not known when it ends).</summary>
    public IReadOnlyList<OpenSpan> OpenIntervals(string scheduleId, Instant from, Instant to) =>
        IsEmergencyClosed(scheduleId) ? [] : Schedules[scheduleId].OpenIntervals(from, to);
}
