using IvrEngine.Callbacks;
using NodaTime;

namespace IvrEngine.Tests.Callbacks;

/// <summary>The one zone a callback number is called in, by the documented rule (docs/callbacks.md).</summary>
public sealed class CalleeZoneTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly DateTimeZone Chicago = DateTimeZoneProviders.Tzdb["America/Chicago"];

    [TestCase("+79161234567", "Europe/Moscow", TestName = "a Russian mobile (sixteen zones) is called in Moscow, where most of Russia lives")]
    [TestCase("+74951234567", "Europe/Moscow", TestName = "a Moscow landline is called in Moscow")]
    [TestCase("+73832123456", "Asia/Novosibirsk", TestName = "a Novosibirsk landline is called in its own zone, not Moscow's")]
    [TestCase("+18085550143", "Pacific/Honolulu", TestName = "a Hawaii number is called in Hawaii")]
    [TestCase("+12065550100", "America/Los_Angeles", TestName = "a Seattle number is called in Pacific time")]
    [TestCase("+12025550143", "America/New_York", TestName = "a Washington number is called in Eastern time")]
    [TestCase("+442079460958", "Europe/London", TestName = "a London landline is called in London")]
    [TestCase("+447400123456", "Europe/London", TestName = "a UK mobile (the UK and the Crown dependencies) is called in London")]
    [TestCase("+61412345678", "Australia/Sydney", TestName = "an Australian mobile (eight zones) is called in Sydney")]
    public void ANumberIsCalledInOneZone(string number, string zone) =>
        Assert.That(CalleeZone.Of(number, Chicago).Id, Is.EqualTo(zone));

    [Test]
    public void ANumberThatSpansTheCountry_IsCalledInItsMainZone_EvenWhenTheLineIsElsewhere()
    {
        // A US toll-free number: libphonenumber gives every North American zone.
        Assert.That(CalleeZone.Of("+18005550100", Chicago), Is.EqualTo(NewYork));
    }

    [TestCase("not a number", TestName = "text that is no number is called in the line's zone")]
    [TestCase("+999", TestName = "an unknown country code is called in the line's zone")]
    [TestCase("", TestName = "no number is called in the line's zone")]
    public void WhatTheNumberCannotTell_IsTheLinesZone(string number) =>
        Assert.That(CalleeZone.Of(number, Chicago), Is.EqualTo(Chicago));
}
