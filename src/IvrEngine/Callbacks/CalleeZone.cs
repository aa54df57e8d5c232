using NodaTime;
using NodaTime.TimeZones;
using PhoneNumbers;

namespace IvrEngine.Callbacks;

/// <summary>
/// The one zone a callback number is called in: the offer takes its times inside the calling window
/// there, and the dialer dials inside the same window there. libphonenumber may place a number in
/// many zones (sixteen for a Russian mobile, forty for a US toll-free number); a window is never open
/// in all of them at once, so a callback waiting for that would wait until it expired. The rule:
/// <list type="number">
/// <item>the number's own zone, when libphonenumber places it in one (most landlines, US area codes);</item>
/// <item>else its country's main zone, where most of its people live, when the number may be there
/// (Moscow for a Russian mobile, New York for a US toll-free number: <see cref="MainZones"/>);</item>
/// <item>else the line's zone, when the number may be there;</item>
/// <item>else the first of its zones that tzdb lists for the country (tzdb puts the most populous first where geography allows);</item>
/// <item>and the line's zone for a number libphonenumber cannot place at all.</item>
/// </list>
/// </summary>
public static class CalleeZone
{
    /// <summary>The capital's or most populous zone of countries whose numbers may span several zones.</summary>
    private static readonly Dictionary<string, string> MainZones = new(StringComparer.Ordinal)
    {
        ["AR"] = "America/Argentina/Buenos_Aires",
        ["AU"] = "Australia/Sydney",
        ["BR"] = "America/Sao_Paulo",
        ["CA"] = "America/Toronto",
        ["CD"] = "Africa/Kinshasa",
        ["CL"] = "America/Santiago",
        ["CN"] = "Asia/Shanghai",
        ["EC"] = "America/Guayaquil",
        ["ES"] = "Europe/Madrid",
        ["GB"] = "Europe/London",
        ["ID"] = "Asia/Jakarta",
        ["KZ"] = "Asia/Almaty",
        ["MN"] = "Asia/Ulaanbaatar",
        ["MX"] = "America/Mexico_City",
        ["NZ"] = "Pacific/Auckland",
        ["PT"] = "Europe/Lisbon",
        ["RU"] = "Europe/Moscow",
        ["US"] = "America/New_York",
    };

    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    /// <summary>The zone <paramref name="e164"/> is called in, by the rule above; <paramref name="lineZone"/> is the menu's.</summary>
    public static DateTimeZone Of(string e164, DateTimeZone lineZone)
    {
        PhoneNumber number;
        try
        {
            number = Numbers.Parse(e164, null);
        }
        catch (NumberParseException)
        {
            return lineZone;
        }
        var ids = PhoneNumberToTimeZonesMapper.GetInstance().GetTimeZonesForNumber(number)
            .Where(id => DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is not null)
            .ToList();
        if (ids.Count == 0) return lineZone;
        if (ids.Count == 1) return DateTimeZoneProviders.Tzdb[ids[0]];

        var region = Numbers.GetRegionCodeForNumber(number) ?? "";
        if (MainZones.TryGetValue(region, out var main) && ids.Contains(main, StringComparer.Ordinal)) return DateTimeZoneProviders.Tzdb[main];
        if (ids.Contains(lineZone.Id, StringComparer.Ordinal)) return lineZone;
        var listed = TzdbDateTimeZoneSource.Default.ZoneLocations?
            .Where(location => location.CountryCode == region)
            .Select(location => location.ZoneId)
            .FirstOrDefault(id => ids.Contains(id, StringComparer.Ordinal));
        return DateTimeZoneProviders.Tzdb[listed ?? ids.Min(StringComparer.Ordinal)!];
    }
}
