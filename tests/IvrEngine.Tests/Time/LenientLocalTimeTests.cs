using IvrEngine.Time;
using NodaTime;

namespace IvrEngine.Tests.Time;

[TestFixture]
public sealed class LenientLocalTimeTests
{
    // Zones with an hour skipped and repeated each year (both hemispheres), a half-hour change (Lord Howe),
    // a whole day skipped (Apia, December 2011), a quarter-hour offset, and none at all.
    [TestCase("America/New_York", 2024)]
    [TestCase("Europe/London", 2026)]
    [TestCase("Australia/Lord_Howe", 2026)]
    [TestCase("Pacific/Apia", 2011)]
    [TestCase("Asia/Kathmandu", 1986)]
    [TestCase("America/St_Johns", 2025)]
    [TestCase("Etc/UTC", 2026)]
    public void Every_local_quarter_hour_and_minute_near_a_change_maps_to_the_instant_NodaTime_leniently_maps_it_to_and_back(string zoneId, int year)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var mismatches = new List<string>();
        // Every quarter-hour of two years, and every minute of the days around each change.
        for (var local = new LocalDateTime(year, 1, 1, 0, 0); local.Year < year + 2; local = local.PlusMinutes(15)) Compare(zone, local, mismatches);
        foreach (var change in zone.GetZoneIntervals(new LocalDate(year, 1, 1).AtStartOfDayInZone(zone).ToInstant(), new LocalDate(year + 2, 1, 1).AtStartOfDayInZone(zone).ToInstant()))
        {
            if (!change.HasStart) continue;
            var around = change.Start.InUtc().LocalDateTime.PlusDays(-2);
            for (var minute = 0; minute < 4 * 1440; minute++) Compare(zone, around.PlusMinutes(minute), mismatches);
        }
        Assert.That(mismatches, Is.Empty);
    }

    private static void Compare(DateTimeZone zone, LocalDateTime local, List<string> mismatches)
    {
        var expected = zone.AtLeniently(local).ToInstant();
        var actual = LenientLocalTime.ToInstant(local, zone);
        if (actual != expected && mismatches.Count < 10) mismatches.Add($"{local}: {actual}, NodaTime {expected}");
        // And back: the local time of that instant, and of the instant a minute before (across a change too).
        foreach (var at in new[] { expected, expected - Duration.FromMinutes(1) })
        {
            var back = LenientLocalTime.ToLocal(at, zone);
            if (back != at.InZone(zone).LocalDateTime && mismatches.Count < 10) mismatches.Add($"{at}: local {back}, NodaTime {at.InZone(zone).LocalDateTime}");
        }
    }
}
