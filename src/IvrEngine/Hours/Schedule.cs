using System.Collections.Immutable;
using IvrEngine.Menus;
using NodaTime;
using NodaTime.TimeZones;

namespace IvrEngine.Hours;

/// <summary>
/// A named, immutable set of business hours in one IANA zone: weekly ranges, closed dates and dated
/// overrides. Which hours apply on a local date is decided in this order (the first that applies wins):
/// an override for the date, then a closed date, then the week's ranges for its weekday. The ranges so
/// chosen are the ones that <em>start</em> on that date; a range running past midnight keeps its end
/// even when the next date is closed. The run-time emergency closure sits above all of them (see
/// <see cref="BusinessHours"/>).
/// </summary>
/// <remarks>
/// <para>Ranges are wall-clock hours: an instant is inside a range when its local time in the zone is.
/// So across daylight-saving changes:</para>
/// <list type="bullet">
/// <item>Spring forward (02:00–02:59 does not exist in New York on 2026-03-08): a boundary in the gap
/// takes effect at the first instant after it (03:00). A range that lies wholly in the gap never opens.</item>
/// <item>Fall back (01:00–01:59 happens twice on 2026-11-01): a range covers both occurrences of the local
/// times it contains; a range ending at 01:30 is open until 01:30 the first time, closed from 01:30 to
/// 01:59 the first time, open again from 01:00 to 01:30 the second time.</item>
/// </list>
/// </remarks>
public sealed record Schedule(
    string Id,
    DateTimeZone Zone,
    ImmutableArray<WeeklyRange> Weekly,
    ImmutableArray<ClosedDate> Closed,
    ImmutableDictionary<LocalDate, DateOverride> Overrides,
    LocalizedText? DisplayName = null)
{
    // Searches for the next change stop here: a line that has not changed in this long never will.
    private static readonly int[] SearchDays = [8, 40, 400, 800];

    private static readonly Comparison<OpenSpan> ByStart = (a, b) => a.Start.CompareTo(b.Start);

    /// <summary>The ranges starting on <paramref name="date"/>, each with its rule name, and the rule that decided the day.</summary>
    public (IReadOnlyList<(TimeRange Range, string Rule)> Ranges, string DayRule) PlanFor(LocalDate date)
    {
        if (Overrides.TryGetValue(date, out var dated))
        {
            return ([.. dated.Ranges.Select(r => (r, dated.Rule))], dated.Rule);
        }

        if (ClosedOn(date) is { } closed) return ([], closed.Rule);

        var weekly = Weekly.Where(w => w.Day == date.DayOfWeek).Select(w => (w.Hours, w.Rule)).ToList();
        var dayRule = weekly.Count == 0
            ? $"weekly: closed {DayNames.Short(date.DayOfWeek)}"
            : $"outside {string.Join(", ", weekly.Select(w => w.Rule))}";
        return (weekly, dayRule);
    }

    /// <summary>The open spans of the ranges starting on local dates <paramref name="first"/>..<paramref name="last"/>, by start.</summary>
    public IReadOnlyList<OpenSpan> SpansOfDates(LocalDate first, LocalDate last)
    {
        var spans = new List<OpenSpan>();
        AddSpansOfDates(first, last, spans);
        return spans;
    }

    /// <summary>
    /// Adds the open spans of the ranges starting on local dates <paramref name="first"/>..<paramref name="last"/>
    /// to <paramref name="spans"/> and sorts them all by start. Plans each date as <see cref="PlanFor"/> does, without
    /// naming the day's rule: the searches for the next change plan up to 800 dates for one answer.
    /// </summary>
    private void AddSpansOfDates(LocalDate first, LocalDate last, List<OpenSpan> spans)
    {
        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            if (Overrides.TryGetValue(date, out var dated))
            {
                foreach (var range in dated.Ranges) AddSpans(range.On(date), dated.Rule, spans);
                continue;
            }
            if (ClosedOn(date) is not null) continue;
            foreach (var weekly in Weekly)
            {
                if (weekly.Day == date.DayOfWeek) AddSpans(weekly.Hours.On(date), weekly.Rule, spans);
            }
        }
        spans.Sort(ByStart);
    }

    private ClosedDate? ClosedOn(LocalDate date)
    {
        foreach (var closed in Closed)
        {
            if (closed.Matches(date)) return closed;
        }
        return null;
    }

    /// <summary>Is the schedule open at <paramref name="at"/>, by which rule, and when does that change?</summary>
    public HoursAnswer At(Instant at)
    {
        var date = at.InZone(Zone).Date;
        var open = SpansOfDates(date.PlusDays(-2), date).FirstOrDefault(s => s.Interval.Contains(at));
        return open is not null
            ? new HoursAnswer(true, open.Rule, NextClose(at))
            : new HoursAnswer(false, PlanFor(date).DayRule, NextOpen(at));
    }

    public bool IsOpenAt(Instant at) => At(at).IsOpen;

    /// <summary>The first instant at or after <paramref name="from"/> when the schedule is open; null if none within two years.</summary>
    public Instant? NextOpen(Instant from)
    {
        foreach (var (spans, _) in WideningSearches(from))
        {
            foreach (var span in spans)
            {
                if (span.End > from) return span.Start <= from ? from : span.Start;
            }
        }
        return null;
    }

    /// <summary>The first instant at or after <paramref name="from"/> when the schedule is closed; null if it stays open for two years.</summary>
    public Instant? NextClose(Instant from)
    {
        foreach (var (spans, last) in WideningSearches(from))
        {
            var covered = from;
            foreach (var span in spans)
            {
                if (span.End <= covered) continue;
                if (span.Start > covered) break;
                covered = span.End;
            }

            // Coverage that stops before the last searched day is a real close; otherwise search further.
            if (covered < last.AtStartOfDayInZone(Zone).ToInstant()) return covered;
        }
        return null;
    }

    /// <summary>
    /// The spans of the dates from two before <paramref name="from"/>'s to each of <see cref="SearchDays"/> after it, in
    /// turn, by start. Each wider search plans only the dates the narrower one did not: the spans so far stay in the list.
    /// </summary>
    private IEnumerable<(List<OpenSpan> Spans, LocalDate Last)> WideningSearches(Instant from)
    {
        var date = from.InZone(Zone).Date;
        var spans = new List<OpenSpan>();
        var next = date.PlusDays(-2);
        foreach (var days in SearchDays)
        {
            var last = date.PlusDays(days);
            AddSpansOfDates(next, last, spans);
            next = last.PlusDays(1);
            yield return (spans, last);
        }
    }

    /// <summary>The open intervals within [<paramref name="from"/>, <paramref name="to"/>), touching spans merged, each with its first rule.</summary>
    public IReadOnlyList<OpenSpan> OpenIntervals(Instant from, Instant to)
    {
        var result = new List<OpenSpan>();
        if (to <= from) return result;
        var spans = SpansOfDates(from.InZone(Zone).Date.PlusDays(-2), to.InZone(Zone).Date);
        foreach (var span in spans)
        {
            var start = Instant.Max(span.Start, from);
            var end = Instant.Min(span.End, to);
            if (end <= start) continue;
            if (result.Count > 0 && start <= result[^1].End)
            {
                var last = result[^1];
                if (end > last.End) result[^1] = last with { Interval = new Interval(last.Start, end) };
                continue;
            }
            result.Add(new OpenSpan(new Interval(start, end), span.Rule));
        }
        return result;
    }

    /// <summary>
    /// Adds the instants whose wall-clock time in the zone lies in [start, end), with <paramref name="rule"/>: one span,
    /// or two around a fall-back.
    /// </summary>
    private void AddSpans((LocalDateTime Start, LocalDateTime End) local, string rule, List<OpenSpan> spans)
    {
        var (start, end) = local;
        var widest = Duration.FromHours(18);
        var searchFrom = start.InUtc().ToInstant() - widest;
        var searchTo = end.InUtc().ToInstant() + widest;

        // Most ranges lie well inside one offset: the one span, without walking the zone's intervals.
        var only = Zone.GetZoneInterval(searchFrom);
        if (!only.HasEnd || only.End >= searchTo)
        {
            if (Within(only, start, end) is { } whole) spans.Add(new OpenSpan(whole, rule));
            return;
        }

        Interval? pending = null;
        foreach (var zoneInterval in Zone.GetZoneIntervals(searchFrom, searchTo))
        {
            if (Within(zoneInterval, start, end) is not { } part) continue;
            var (from, to) = (part.Start, part.End);
            if (pending is { } open && open.End >= from)
            {
                pending = new Interval(open.Start, Instant.Max(open.End, to));
                continue;
            }
            if (pending is { } done) spans.Add(new OpenSpan(done, rule));
            pending = new Interval(from, to);
        }
        if (pending is { } last) spans.Add(new OpenSpan(last, rule));
    }

    /// <summary>The instants of [start, end) read with <paramref name="zoneInterval"/>'s offset that fall inside it; null when none do.</summary>
    private static Interval? Within(ZoneInterval zoneInterval, LocalDateTime start, LocalDateTime end)
    {
        var from = start.WithOffset(zoneInterval.WallOffset).ToInstant();
        var to = end.WithOffset(zoneInterval.WallOffset).ToInstant();
        if (zoneInterval.HasStart) from = Instant.Max(from, zoneInterval.Start);
        if (zoneInterval.HasEnd) to = Instant.Min(to, zoneInterval.End);
        return to > from ? new Interval(from, to) : null;
    }
}
