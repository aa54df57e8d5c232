using IvrEngine.Callbacks;

namespace IvrEngine.Tests.Callbacks;

/// <summary>Numbers a caller keys in for a callback: read as E.164 with libphonenumber, refused with a reason that never repeats the digits.</summary>
public sealed class CallbackNumberTests
{
    [TestCase("2025550143", "+12025550143", TestName = "a national number in the line's region")]
    [TestCase("12025550143", "+12025550143", TestName = "a national number with the trunk prefix 1")]
    [TestCase("00442079460958", "+442079460958", TestName = "an international number after 00")]
    [TestCase("011442079460958", "+442079460958", TestName = "an international number after the US prefix 011")]
    [TestCase("+79161234567", "+79161234567", TestName = "a number written with +")]
    public void KeyedDigits_AreReadAsE164(string keyed, string e164)
    {
        Assert.That(CallbackNumber.TryParseKeyed(keyed, "US", out var number, out var problem), Is.True, problem);
        Assert.That(number, Is.EqualTo(e164));
    }

    [TestCase("", "no digits entered")]
    [TestCase("12345", "not a valid phone number (5 digits)")]
    [TestCase("911", "not a valid phone number (3 digits)")]
    [TestCase("2025550143999999", "not a valid phone number (16 digits)")]
    [TestCase("00", "not a phone number")]
    [TestCase("00999123456789", "an unknown country code")]
    [TestCase("12a4", "not made of digits")]
    [TestCase("+", "not made of digits")]
    [TestCase("9002345678", "a premium-rate number")]
    public void KeyedDigits_ThatCannotBeCalled_AreRefused_WithoutRepeatingThem(string keyed, string expected)
    {
        var accepted = CallbackNumber.TryParseKeyed(keyed, "US", out var number, out var problem);

        Assert.That((accepted, number, problem), Is.EqualTo((false, string.Empty, expected)));
        if (keyed.Length > 3) Assert.That(problem, Does.Not.Contain(keyed), "a refused number may be logged: its digits stay out");
    }

    [Test]
    public void APremiumRateCallerId_IsNotCalledBack()
    {
        Assert.That(CallbackNumber.TryNormalize("+19002345678", "US", out _, out var problem), Is.False);
        Assert.That(problem, Is.EqualTo("a premium-rate number"));
    }

    [TestCase("+12025550143", "en-US", "2 0 2, 5 5 5, 0 1 4 3")]
    [TestCase("+12025550143", "ru-RU", "2 0 2, 5 5 5, 0 1 4 3")]
    [TestCase("+442079460958", "en-US", "plus 4 4, 2 0, 7 9 4 6, 0 9 5 8")]
    [TestCase("+442079460958", "ru-RU", "плюс 4 4, 2 0, 7 9 4 6, 0 9 5 8")]
    public void ANumberIsReadBack_DigitByDigit_WithItsCountryWhenItIsNotTheLines(string e164, string locale, string spoken)
    {
        Assert.That(CallbackNumber.Spoken(e164, "US", locale), Is.EqualTo(spoken));
    }

    [Test]
    public void AnInternationalNumber_IsMaskedWithItsCountryCode()
    {
        Assert.That(CallbackNumber.Mask("+442079460958"), Is.EqualTo("+44 ••••••••58"));
    }
}
