using System.CommandLine;
using System.Globalization;
using IvrEngine.Hours;
using IvrEngine.Menus;
using IvrEngine.Time;
using NodaTime;
using NodaTime.Text;

namespace IvrEngine.Cli.Commands;

/// <summary>
/// <c>ivr hours MENU [--at …] [--days 7]</c>: for each schedule of the menu, open or closed at that moment
/// and by which rule, the next change, and the open intervals of the coming days in the schedule's zone.
/// An invalid menu prints its problems and returns 1.
/// </summary>
internal static class HoursCommand
{
    private static readonly ZonedDateTimePattern When = ZonedDateTimePattern.CreateWithInvariantCulture("ddd uuuu-MM-dd HH:mm x", DateTimeZoneProviders.Tzdb);
    private static readonly ZonedDateTimePattern Clock = ZonedDateTimePattern.CreateWithInvariantCulture("HH:mm", DateTimeZoneProviders.Tzdb);
    private static readonly LocalDatePattern Day = LocalDatePattern.CreateWithInvariantCulture("ddd uuuu-MM-dd");

    public static Command Create(TextWriter output, TextWriter error)
    {
        var menu = new Argument<string>("MENU") { Description = "The menu file." };
        var at = new Option<string?>("--at") { Description = "The moment to look at: \"2026-11-30T09:15 America/New_York\" or an instant; default: now.", HelpName = "TIME" };
        var days = new Option<int>("--days") { Description = "How many days of open intervals to list (1-366).", DefaultValueFactory = _ => 7, HelpName = "N" };
        at.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !StartTimeParser.TryParse(result.Tokens[^1].Value, out _, out var problem)) result.AddError($"--at: {problem}");
        });
        days.Validators.Add(WholeNumberOption.Between("--days", 1, 366));
        var command = new Command("hours", "Show each business-hours schedule of a menu: open or closed now (or --at) and by which rule, the next change, and the coming days' open intervals.")
        {
            menu, at, days,
        };
        command.SetAction(parseResult =>
        {
            var moment = parseResult.GetValue(at) is { } text && StartTimeParser.TryParse(text, out var parsed, out _)
                ? parsed
                : Hosting.CallClock.Real().Clock.GetCurrentInstant();
            return Run(parseResult.GetValue(menu)!, moment, parseResult.GetValue(days), output, error);
        });
        return command;
    }

    private static int Run(string file, Instant at, int days, TextWriter output, TextWriter error)
    {
        if (MenuFiles.Load(file, "ivr hours", error) is not { } menu) return ExitCodes.Failed;
        if (menu.Hours.IsEmpty)
        {
            output.WriteLine($"{file}: no business hours (the menu has no \"hours\"); the line is always open.");
            return ExitCodes.Ok;
        }

        var hours = new BusinessHours(menu.Hours);
        var first = true;
        foreach (var (id, schedule) in menu.Hours.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            if (!first) output.WriteLine();
            first = false;
            Print(id, schedule, hours.At(id, at), hours, at, days, menu, output);
        }
        return ExitCodes.Ok;
    }

    private static void Print(string id, Schedule schedule, HoursAnswer answer, BusinessHours hours, Instant at, int days, Menu menu, TextWriter output)
    {
        var zone = schedule.Zone;
        var name = schedule.DisplayName is { } display ? $" ({display.For(menu.DefaultLocale)})" : string.Empty;
        var users = string.Join(", ", menu.Queues.Values.Where(q => q.Hours?.ScheduleId == id).Select(q => $"queue {q.Id}")
            .Concat(menu.Nodes.Values.Where(n => n.Hours?.ScheduleId == id).Select(n => $"node {n.Id}")).Order(StringComparer.Ordinal));
        output.WriteLine($"{id}{name}, {zone.Id}{(users.Length > 0 ? $", used by {users}" : "")}");
        output.WriteLine($"  at {When.Format(at.InZone(zone))}: {(answer.IsOpen ? "OPEN" : "CLOSED")} ({answer.Rule})");
        var next = answer.NextChange is { } change
            ? $"{(answer.IsOpen ? "closes" : "opens")} {When.Format(change.InZone(zone))} (in {Until(change - at)})"
            : answer.IsOpen ? "stays open" : "does not open (no open hours ahead)";
        output.WriteLine($"  next: {next}");

        var firstDay = at.InZone(zone).Date;
        output.WriteLine($"  open, {Day.Format(firstDay)} to {Day.Format(firstDay.PlusDays(days - 1))}:");
        var from = firstDay.AtStartOfDayInZone(zone).ToInstant();
        var to = firstDay.PlusDays(days).AtStartOfDayInZone(zone).ToInstant();
        var spans = hours.OpenIntervals(id, from, to);
        for (var date = firstDay; date < firstDay.PlusDays(days); date = date.PlusDays(1))
        {
            var dayStart = date.AtStartOfDayInZone(zone).ToInstant();
            var onDay = spans.Where(s => s.Start >= dayStart && s.Start < date.PlusDays(1).AtStartOfDayInZone(zone).ToInstant()).ToList();
            var text = onDay.Count == 0
                ? $"closed ({schedule.PlanFor(date).DayRule})"
                : string.Join(", ", onDay.Select(s => $"{Clock.Format(s.Start.InZone(zone))}–{End(s, zone)} ({s.Rule})"));
            output.WriteLine($"    {Day.Format(date)}  {text}");
        }
    }

    /// <summary>The end of an open interval; a later date is named ("02:00 Sun"), and midnight at the end of the start's day is 24:00.</summary>
    private static string End(OpenSpan span, DateTimeZone zone)
    {
        var start = span.Start.InZone(zone);
        var end = span.End.InZone(zone);
        if (end.Date == start.Date) return Clock.Format(end);
        if (end.Date == start.Date.PlusDays(1) && end.TimeOfDay == LocalTime.Midnight) return "24:00";
        return $"{Clock.Format(end)} {end.DayOfWeek.ToString()[..3]}";
    }

    private static string Until(Duration duration)
    {
        var total = (long)Math.Round(duration.TotalMinutes);
        return total < 60
            ? string.Create(CultureInfo.InvariantCulture, $"{total} min")
            : string.Create(CultureInfo.InvariantCulture, $"{total / 60} h {total % 60:00} min");
    }
}
