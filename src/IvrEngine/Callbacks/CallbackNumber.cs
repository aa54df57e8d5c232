using PhoneNumbers;

namespace IvrEngine.Callbacks;

/// <summary>
/// Phone numbers for callbacks, with Google's libphonenumber: validated and kept in E.164
/// (<c>+12025550143</c>), read back digit by digit and masked for logs. Its time zone is
/// <see cref="CalleeZone"/>'s.
/// </summary>
public static class CallbackNumber
{
    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// Reads <paramref name="input"/> (caller ID or keyed digits) as a dialable number;
    /// national numbers are read in <paramref name="defaultRegion"/> (<c>US</c>). Premium-rate
    /// numbers are refused: a callback must never be a way to make the line dial one.
    /// </summary>
    /// <param name="problem">Why the number was refused, without its digits (it may end up in a log).</param>
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
                problem = $"not a valid phone number ({Digits(input)} digits)";
                return false;
            }
            if (Numbers.GetNumberType(number) == PhoneNumberType.PREMIUM_RATE)
            {
                problem = "a premium-rate number";
                return false;
            }
            e164 = Numbers.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException exception)
        {
            problem = exception.ErrorType switch
            {
                ErrorType.INVALID_COUNTRY_CODE => "an unknown country code",
                ErrorType.TOO_SHORT_AFTER_IDD or ErrorType.TOO_SHORT_NSN => $"too short for a phone number ({Digits(input)} digits)",
                ErrorType.TOO_LONG => $"too long for a phone number ({Digits(input)} digits)",
                _ => "not a phone number",
            };
            return false;
        }
    }

    /// <summary>
    /// Reads digits a caller keyed in (or said) as a callback number: a national number of
    /// <paramref name="defaultRegion"/> ("2025550143", or with the trunk prefix "12025550143"), or an
    /// international one after <c>00</c> or the region's own international prefix (<c>011</c> in the
    /// US), or written with <c>+</c>. Nothing else is accepted; nothing throws.
    /// </summary>
    public static bool TryParseKeyed(string? digits, string defaultRegion, out string e164, out string problem)
    {
        e164 = string.Empty;
        if (string.IsNullOrEmpty(digits))
        {
            problem = "no digits entered";
            return false;
        }
        var body = digits.StartsWith('+') ? digits[1..] : digits;
        if (body.Length == 0 || !body.All(char.IsAsciiDigit))
        {
            problem = "not made of digits";
            return false;
        }
        // A keypad has no '+': 00 is how most of the world starts an international number.
        var text = digits.StartsWith('+') ? digits : digits.StartsWith("00", StringComparison.Ordinal) ? "+" + digits[2..] : digits;
        return TryNormalize(text, defaultRegion, out e164, out problem);
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
    public static string Spoken(string e164) => Spoken(e164, "US", "en-US");

    /// <summary>
    /// The number as a caller in <paramref name="locale"/> hears it read back, digit by digit in groups:
    /// a number of the line's own country nationally ("2 0 2, 5 5 5, 0 1 4 3"), any other with its
    /// country code ("plus 4 4, 2 0, 7 9 4 6, 0 9 6 0"; "плюс 4 4, …" in Russian), so the caller hears
    /// which country we will call.
    /// </summary>
    public static string Spoken(string e164, string lineRegion, string locale)
    {
        try
        {
            var number = Numbers.Parse(e164, null);
            if (number.CountryCode == Numbers.GetCountryCodeForRegion(lineRegion))
            {
                var national = Numbers.Format(number, PhoneNumberFormat.NATIONAL);
                return Calls.PromptRenderer.SpellDigits(national.Replace("(", "", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal).Replace(' ', '-'));
            }
            var international = Numbers.Format(number, PhoneNumberFormat.INTERNATIONAL);
            var plus = Locales.LocaleGrammars.For(locale).Plus;
            return $"{plus} {Calls.PromptRenderer.SpellDigits(international.TrimStart('+').Replace(' ', '-'))}";
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }

    private static int Digits(string input) => input.Count(char.IsAsciiDigit);
}
