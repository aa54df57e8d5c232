using NodaTime;
using PhoneNumbers;

namespace IvrEngine.Callbacks;

/// <summary>
/// Phone numbers for callbacks, with Google's libphonenumber: validated and kept in E.164
/// (<c>+12025550143</c>), read back digit by digit, masked for logs, and placed in a time zone
/// so the calling window is kept in the callee's local time.
/// </summary>
public static class CallbackNumber
{
    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// Reads <paramref name="input"/> (caller ID or keyed digits) as a dialable number;
    /// national numbers are read in <paramref name="defaultRegion"/> (<c>US</c>).
    /// </summary>
    public static bool TryNormalize(string? input, string defaultRegion, out string e164, out string problem)
    {
        e164 = string.Empty;
        problem = string.Empty;
        if (string.IsNullOrWhiteSpace(input))
        {
            problem = "no number";
            return false;
        }
        try
        {
            var number = Numbers.Parse(input, defaultRegion);
            if (!Numbers.IsValidNumber(number))
            {
                problem = $"'{input}' is not a valid phone number";
                return false;
            }
            e164 = Numbers.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException exception)
        {
            problem = $"'{input}' is not a phone number ({exception.Message})";
            return false;
        }
    }

    /// <summary>For logs and lists: the country code and the last two digits only (<c>+1 ••• ••• ••43</c>).</summary>
    public static string Mask(string e164)
    {
        try
        {
            var number = Numbers.Parse(e164, null);
            var national = number.NationalNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return $"+{number.CountryCode} {new string('•', Math.Max(0, national.Length - 2))}{national[^Math.Min(2, national.Length)..]}";
        }
        catch (NumberParseException)
        {
            return "•••";
        }
    }

    /// <summary>The national number as a caller hears it read back, digit by digit in groups ("2 0 2, 5 5 5, 0 1 4 3").</summary>
    public static string Spoken(string e164)
    {
        try
        {
            var national = Numbers.Format(Numbers.Parse(e164, null), PhoneNumberFormat.NATIONAL);
            return Calls.PromptRenderer.SpellDigits(national.Replace("(", "", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal).Replace(' ', '-'));
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }

    /// <summary>
    /// The zones the callee may be in, as far as the number tells (one for most US area codes,
    /// several for a country-wide number); empty when it tells nothing, and the dialer then uses the
    /// menu's zone. A calling window must be open in every one of them.
    /// </summary>
    public static IReadOnlyList<DateTimeZone> ZonesOf(string e164)
    {
        try
        {
            return PhoneNumberToTimeZonesMapper.GetInstance().GetTimeZonesForNumber(Numbers.Parse(e164, null))
                .Select(id => DateTimeZoneProviders.Tzdb.GetZoneOrNull(id))
                .OfType<DateTimeZone>()
                .ToList();
        }
        catch (NumberParseException)
        {
            return [];
        }
    }
}
