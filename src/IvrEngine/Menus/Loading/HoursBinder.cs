using System.Collections.Immutable;
using IvrEngine.Hours;
using NodaTime;

namespace IvrEngine.Menus.Loading;

/// <summary>
/// Binds <c>hours</c> (named schedules: zone, weekly ranges, closed dates, overrides, name) and the hours
/// rules of nodes (<c>"hours": { "schedule", "whenClosed" }</c>) and queues (<c>"hours"</c> + <c>"whenClosed"</c>),
/// reporting bad times, days, dates, zones and unknown schedule names where they are written.
/// </summary>
internal sealed class HoursBinder(BindContext context, TextBinder texts, ActionBinder actions)
{
    private static readonly string[] ScheduleProperties = ["timeZone", "weekly", "closed", "overrides", "name", "description"];
    private static readonly string[] NodeRuleProperties = ["schedule", "whenClosed"];

    private HashSet<string> _names = new(StringComparer.Ordinal);

    public ImmutableDictionary<string, Schedule> Read(LocatedObject root, DateTimeZone? menuZone)
    {
        var schedules = ImmutableDictionary.CreateBuilder<string, Schedule>(StringComparer.Ordinal);
        if (context.AsObject(root["hours"], "hours") is not { } hours) return schedules.ToImmutable();

        _names = [.. hours.Properties.Select(p => p.Name)];
        foreach (var property in hours.Properties)
        {
            var what = $"schedule '{property.Name}'";
            if (!NameRules.IsId(property.Name))
            {
                context.Error(DiagnosticCodes.Malformed, property.NameWhere, $"schedule name '{property.Name}' may hold only letters, digits, '-' and '_'");
            }
            if (context.AsObject(property.Value, what) is not { } obj) continue;
            context.CheckProperties(obj, what, ScheduleProperties);
            context.AsString(obj["description"], $"the description of {what}");
            var zone = ReadZone(obj["timeZone"], what) ?? menuZone ?? DateTimeZone.Utc;
            var weekly = ReadWeekly(context.AsObject(context.Require(obj, "weekly", what), $"weekly of {what}"), what);
            var closed = ReadClosed(obj["closed"], what);
            var overrides = ReadOverrides(context.AsObject(obj["overrides"], $"overrides of {what}"), what);
            var name = texts.ReadText(obj["name"], $"the name of {what}", PlaceholderScope.Node);
            schedules[property.Name] = new Schedule(property.Name, zone, weekly, closed, overrides, name);
        }
        return schedules.ToImmutable();
    }

    /// <summary>A node's <c>"hours": { "schedule": "support", "whenClosed": action }</c>; null when absent or broken.</summary>
    public HoursRule? ReadNodeRule(LocatedValue? value, string what, SystemMessages messages)
    {
        if (context.AsObject(value, $"hours of {what} (like {{ \"schedule\": \"support\" }})") is not { } obj) return null;
        context.CheckProperties(obj, $"hours of {what}", NodeRuleProperties);
        var scheduleValue = context.Require(obj, "schedule", $"hours of {what}");
        var schedule = ScheduleName(scheduleValue, $"hours.schedule of {what}");
        var whenClosed = ReadWhenClosed(obj["whenClosed"], $"hours.whenClosed of {what}", messages);
        return schedule is null ? null : new HoursRule(schedule, whenClosed);
    }

    /// <summary>A queue's <c>"hours": "support"</c> and <c>"whenClosed"</c>; null when it has no hours.</summary>
    public HoursRule? ReadQueueRule(LocatedObject queue, string what, SystemMessages messages)
    {
        var whenClosed = ReadWhenClosed(queue["whenClosed"], $"whenClosed of {what}", messages);
        if (queue["hours"] is null)
        {
            if (queue["whenClosed"] is { } stray)
            {
                context.Error(DiagnosticCodes.MissingProperty, stray.Where.WithPath(JsonPaths.Property(queue.Path, "hours")),
                    $"{what} has 'whenClosed' but no 'hours' schedule, so it is never closed");
            }
            return null;
        }
        return ScheduleName(queue["hours"], $"hours of {what}") is { } schedule ? new HoursRule(schedule, whenClosed) : null;
    }

    private MenuAction ReadWhenClosed(LocatedValue? value, string what, SystemMessages messages) =>
        actions.ReadActionObject(value, what, ActionKinds.HandOn) ?? HangUpAfterClosedMessage;

    /// <summary>The default whenClosed: the closed message has been said; end the call without saying more.</summary>
    public static readonly SayAndHangUp HangUpAfterClosedMessage = new(new LocalizedText(ImmutableDictionary<string, string>.Empty));

    private string? ScheduleName(LocatedValue? value, string what)
    {
        if (context.AsString(value, what) is not { } name) return null;
        if (_names.Contains(name)) return name;
        context.Error(DiagnosticCodes.UnknownSchedule, value!.Where,
            $"{what} names schedule '{name}', which is not declared under 'hours'{Suggestions.DidYouMean(name, _names)}");
        return null;
    }

    private DateTimeZone? ReadZone(LocatedValue? value, string what)
    {
        if (context.AsString(value, $"timeZone of {what}") is not { } zoneId) return null;
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) is { } zone) return zone;
        context.Error(DiagnosticCodes.UnknownTimeZone, value!.Where,
            $"time zone '{zoneId}' of {what} is not an IANA zone like 'America/New_York'{Suggestions.DidYouMean(zoneId, DateTimeZoneProviders.Tzdb.Ids)}");
        return null;
    }

    private ImmutableArray<WeeklyRange> ReadWeekly(LocatedObject? weekly, string what)
    {
        var ranges = ImmutableArray.CreateBuilder<WeeklyRange>();
        foreach (var property in weekly?.Properties ?? [])
        {
            if (HoursSyntax.ParseDays(property.Name, out var dayError) is not { } days)
            {
                context.Error(DiagnosticCodes.BadHours, property.NameWhere, $"weekly of {what}: {dayError}");
                continue;
            }
            foreach (var range in ReadRanges(property.Value, $"weekly '{property.Name}' of {what}"))
            {
                ranges.AddRange(days.Select(day => new WeeklyRange(day, range)));
            }
        }
        return ranges.ToImmutable();
    }

    /// <summary>"09:00-17:00", ["09:00-12:00", "13:00-17:00"] or "closed" (no ranges).</summary>
    private List<TimeRange> ReadRanges(LocatedValue value, string what)
    {
        var items = value is LocatedArray array ? array.Items : [value];
        var ranges = new List<TimeRange>();
        foreach (var item in items)
        {
            if (context.AsString(item, $"{what} (a range like \"09:00-17:00\", a list of them, or \"closed\")") is not { } text) continue;
            if (text.Trim().Equals("closed", StringComparison.OrdinalIgnoreCase) && items.Count == 1) continue;
            if (HoursSyntax.ParseRange(text, out var error) is { } range) ranges.Add(range);
            else context.Error(DiagnosticCodes.BadHours, item.Where, $"{what}: {error}");
        }
        return ranges;
    }

    /// <summary>["2026-12-25", "12-25", "fourth thursday of november"] or { "Thanksgiving": "fourth thursday of november" }.</summary>
    private ImmutableArray<ClosedDate> ReadClosed(LocatedValue? value, string what)
    {
        var closed = ImmutableArray.CreateBuilder<ClosedDate>();
        IEnumerable<(string? Name, LocatedValue Value)> entries = value switch
        {
            null => [],
            LocatedArray array => array.Items.Select(i => ((string?)null, i)),
            LocatedObject obj => obj.Properties.Select(p => ((string?)p.Name, p.Value)),
            _ => Wrong(value),
        };
        foreach (var (name, item) in entries)
        {
            if (context.AsString(item, $"a closed date of {what}") is not { } text) continue;
            if (HoursSyntax.ParseClosedDate(text, name, out var error) is { } date) closed.Add(date);
            else context.Error(DiagnosticCodes.BadHours, item.Where, $"closed of {what}: {error}");
        }
        return closed.ToImmutable();

        IEnumerable<(string?, LocatedValue)> Wrong(LocatedValue v)
        {
            context.WrongType(v, "a list of dates or an object of named dates", $"closed of {what}");
            return [];
        }
    }

    private ImmutableDictionary<LocalDate, DateOverride> ReadOverrides(LocatedObject? overrides, string what)
    {
        var result = ImmutableDictionary.CreateBuilder<LocalDate, DateOverride>();
        foreach (var property in overrides?.Properties ?? [])
        {
            if (HoursSyntax.ParseDate(property.Name) is not { } date)
            {
                context.Error(DiagnosticCodes.BadHours, property.NameWhere, $"overrides of {what}: '{property.Name}' is not a date like '2026-12-24'");
                continue;
            }
            if (result.ContainsKey(date))
            {
                context.Error(DiagnosticCodes.Duplicate, property.NameWhere, $"overrides of {what} give {property.Name} twice");
                continue;
            }
            result[date] = new DateOverride(date, [.. ReadRanges(property.Value, $"override '{property.Name}' of {what}")]);
        }
        return result.ToImmutable();
    }
}
