
namespace IvrEngine.Tests.Cli;

/// <summary><c>ivr hours</c> through the built ivr.</summary>
[TestFixture]
public sealed class HoursCommandEndToEndTests
{
    [Test]
    public async Task PrintsEachSchedulesStateRuleNextChangeAndWeek()
    {
        var result = await IvrProcess.RunAsync("", "hours", RepoPaths.BundledMenu, "--at", "2026-11-29T23:45 America/New_York");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        Assert.That(result.Output, Does.Contain("at Sun 2026-11-29 23:45 EST: CLOSED (outside weekly Sun 10:00–23:00)")
            .And.Contain("next: opens Mon 2026-11-30 09:00 EST (in 9 h 15 min)")
            .And.Contain("Thu 2026-12-03  09:00–23:30 (weekly Thu 09:00–23:30)")
            .And.Contain("Sun 2026-11-29  closed (weekly: closed Sun)"), result.ToString);
    }

    [Test]
    public async Task NamesTheHolidayThatClosesADay()
    {
        var result = await IvrProcess.RunAsync("", "hours", RepoPaths.BundledMenu, "--at", "2026-11-26T12:00 America/New_York", "--days", "2");
        Assert.That(result.Output, Does.Contain("CLOSED (holiday Thanksgiving)").And.Contain("Fri 2026-11-27  09:00–23:30"), result.ToString);
    }

    [Test]
    public async Task AnInvalidMenuPrintsItsProblemsAndFails()
    {
        using var file = IvrProcess.WriteTempFile("""{ "name": "x", "timeZone": "America/New_York", "locales": ["en-US"], "start": "m", "hours": { "s": { "weekly": { "mon": "9-5" } } }, "nodes": { "m": { "prompt": { "en-US": "Hi." }, "next": { "hangup": { "en-US": "Bye." } } } } }""");
        var result = await IvrProcess.RunAsync("", "hours", file.Path);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error, Does.Contain("error IVR0025").And.EndWith($"ivr hours: the menu {file.Path} has errors; fix them and try again ('ivr validate {file.Path}' lists them).\n"));
            Assert.That(result.Output, Is.Empty);
        });
    }

    [Test]
    public async Task ABadAtIsAUsageError()
    {
        var result = await IvrProcess.RunAsync("", "hours", RepoPaths.BundledMenu, "--at", "someday");
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString);
    }
}
