using System.Globalization;
using IvrEngine.Callbacks;
using IvrEngine.Hours;
using NodaTime;

namespace IvrEngine.Menus.Diff;

/// <summary>
/// What changed in when the line is open: schedules added and removed, and in a kept schedule its zone,
/// name, weekly hours (day by day), closed dates and dated overrides; and a node's or queue's hours rule
/// and a queue's callback offer.
/// </summary>
internal static class HoursDiff
{
    private static readonly IsoDayOfWeek[] Week =
    [
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday,
        IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday,
    ];

    public static void CompareSchedules(Menu old, Menu @new, Action<string> report)
    {
        foreach (var id in old.Hours.Keys.Except(@new.Hours.Keys).Order(StringComparer.Ordinal)) report($"removed schedule {id}");
        foreach (var id in @new.Hours.Keys.Except(old.Hours.Keys).Order(StringComparer.Ordinal))
        {
            var s = @new.Hours[id];
            report($"added schedule {id} ({s.Zone.Id}; {Weekly(s)}{(s.Closed.IsEmpty ? "" : $"; {s.Closed.Length} closed dates")}{(s.Overrides.IsEmpty ? "" : $"; {s.Overrides.Count} overrides")})");
        }

        foreach (var id in old.Hours.Keys.Intersect(@new.Hours.Keys).Order(StringComparer.Ordinal))
        {
            var (o, n) = (old.Hours[id], @new.Hours[id]);
            if (o.Zone.Id != n.Zone.Id) report($"schedule {id} time zone: {o.Zone.Id} -> {n.Zone.Id}");
            foreach (var locale in old.Locales.Union(@new.Locales))
            {
                var (b, a) = (Name(o, locale), Name(n, locale));
                if (b != a) report($"schedule {id} name ({locale}): {b ?? "(none)"} -> {a ?? "(none)"}");
            }

            foreach (var day in Week)
            {
                var (b, a) = (Day(o, day), Day(n, day));
                if (b != a) report($"schedule {id} weekly {DayNames.Short(day)}: {b} -> {a}");
            }

            var (oldClosed, newClosed) = (o.Closed.Select(Closed).ToList(), n.Closed.Select(Closed).ToList());
            foreach (var c in oldClosed.Except(newClosed)) report($"schedule {id} closed date removed: {c}");
            foreach (var c in newClosed.Except(oldClosed)) report($"schedule {id} closed date added: {c}");

            foreach (var date in o.Overrides.Keys.Union(n.Overrides.Keys).Order())
            {
                var (b, a) = (o.Overrides.GetValueOrDefault(date), n.Overrides.GetValueOrDefault(date));
                if (b is null) report($"schedule {id} added {a!.Rule}");
                else if (a is null) report($"schedule {id} removed {b.Rule}");
                else if (b.Rule != a.Rule) report($"schedule {id} {b.Rule} -> {Ranges(a)}");
            }
        }
    }

    public static string? Rule(HoursRule? rule) => rule is null ? null : $"schedule {rule.ScheduleId}, when closed {MenuDiff.Describe(rule.WhenClosed)}";

    public static string? Callback(CallbackOffer? offer)
    {
        if (offer is null) return null;
        var parts = new List<string>();
        if (offer.WhenWaitOver is { } wait) parts.Add(string.Create(CultureInfo.InvariantCulture, $"virtual hold > {wait.TotalSeconds} s"));
        if (offer.WhenClosed) parts.Add("when closed");
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"expires after {offer.ExpiresAfter.TotalHours} h"));
        return string.Join(", ", parts);
    }

    private static string? Name(Schedule schedule, string locale) =>
        schedule.DisplayName is { } name && name.Has(locale) ? name.For(locale) : null;

    private static string Weekly(Schedule schedule) =>
        string.Join(", ", Week.Select(d => $"{DayNames.Short(d)} {Day(schedule, d)}"));

    private static string Day(Schedule schedule, IsoDayOfWeek day)
    {
        var ranges = schedule.Weekly.Where(w => w.Day == day).Select(w => w.Hours.ToString()).ToList();
        return ranges.Count == 0 ? "closed" : string.Join(", ", ranges);
    }

    private static string Ranges(DateOverride dated) => dated.IsClosed ? "closed" : string.Join(", ", dated.Ranges);

    private static string Closed(ClosedDate closed) => closed switch
    {
        FixedClosedDate f => $"{f.Name} ({HoursText.Date(f.Date)})",
        YearlyClosedDate y => string.Create(CultureInfo.InvariantCulture, $"{y.Name} ({y.Month:00}-{y.Day:00} yearly)"),
        NthWeekdayClosedDate r => $"{r.Name} ({(r.Nth < 0 ? "last" : Ordinal(r.Nth))} {DayNames.Short(r.Day)} of {DayNames.Month(r.Month)})",
        _ => closed.Name,
    };

    private static string Ordinal(int n) => n switch { 1 => "first", 2 => "second", 3 => "third", 4 => "fourth", _ => "fifth" };
}
