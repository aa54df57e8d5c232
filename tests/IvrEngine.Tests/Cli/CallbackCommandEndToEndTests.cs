using IvrEngine.Tests.Callbacks;

namespace IvrEngine.Tests.Cli;

/// <summary>Calling a closed line, booking a callback, and finding it with `ivr callbacks`, through the built ivr.</summary>
public sealed class CallbackCommandEndToEndTests
{
    private const string SundayNight = "2026-11-29T23:45 America/New_York";

    [Test]
    public async Task AClosedLine_OffersACallback_TheCallerBooksOne_AndCallbacksListShowsIt()
    {
        using var database = new TempDatabase();

        var call = await IvrProcess.RunAsync("0\n1\n1\n", "call", "--at", SundayNight, "--seed", "3", "--caller-id", "+12025550143", "--callbacks-db", database.Path);

        Assert.That(call.ExitCode, Is.Zero, call.ToString());
        Assert.That(call.Output, Does.Contain("IVR: Sorry, we're closed right now. We open tomorrow at 9:00 AM Eastern Time."));
        Assert.That(call.Output, Does.Contain("press 1 for tomorrow at 9:00 AM Eastern Time, 2 for tomorrow at 9:30 AM Eastern Time, or 3 for tomorrow at 10:00 AM Eastern Time."));
        Assert.That(call.Output, Does.Contain("IVR: We'll call you at 2 0 2, 5 5 5, 0 1 4 3 tomorrow at 9:00 AM Eastern Time."));
        var reference = System.Text.RegularExpressions.Regex.Match(call.Output, @"Reference: (\S+)").Groups[1].Value;
        Assert.That(call.Output, Does.Contain($"Outcome: callback scheduled in queue general (callback {reference} tomorrow at 9:00 AM Eastern Time)"));

        var list = await IvrProcess.RunAsync("", "callbacks", "list", "--db", database.Path);
        Assert.That(list.ExitCode, Is.Zero, list.ToString());
        Assert.That(list.Output, Does.Contain($"{reference}  pending    general        2026-11-30 14:00      0  +1 ••••••••43"));
        Assert.That(list.Output, Does.Not.Contain("5550143"), "numbers are masked");

        var cancel = await IvrProcess.RunAsync("", "callbacks", "cancel", reference, "--db", database.Path, "--by", "supervisor");
        Assert.That(cancel.Output, Is.EqualTo($"Callback {reference} cancelled by supervisor.\n"));
        var show = await IvrProcess.RunAsync("", "callbacks", "show", reference, "--db", database.Path);
        Assert.That(show.Output, Does.StartWith($"Callback {reference}: cancelled"));
        Assert.That(show.Output, Does.Match($"  cancelled 20[0-9]{{2}}-[0-9]{{2}}-[0-9]{{2}} [0-9]{{2}}:[0-9]{{2}} \\(UTC\\) by supervisor\n"));

        var again = await IvrProcess.RunAsync("", "callbacks", "cancel", reference, "--db", database.Path);
        Assert.That(again.ExitCode, Is.Zero, again.ToString());
        Assert.That(again.Output, Does.StartWith($"Callback {reference} was already cancelled at ").And.EndWith(" (UTC) by supervisor.\n"));
    }

    [Test]
    public async Task DecliningTheOffer_EndsWithTheClosedMessage_AndStoresNothing()
    {
        using var database = new TempDatabase();

        var call = await IvrProcess.RunAsync("0\n9\n", "call", "--at", SundayNight, "--caller-id", "+12025550143", "--callbacks-db", database.Path);

        Assert.That(call.Output, Does.Contain("Outcome: closed by hours"), call.ToString());
        Assert.That(File.Exists(database.Path), Is.False, "a call that books nothing leaves no store behind");
    }

    [Test]
    public async Task FromTheBillingMenu_ACallerWithoutCallerId_KeysInTheNumber_AndTheCallbackIsListed()
    {
        using var database = new TempDatabase();

        var call = await IvrProcess.RunAsync("2\n5\n2\n12345#\n3125550100#\n1\n", "call", "--at", "2026-11-30T14:10 America/New_York", "--seed", "3", "--callbacks-db", database.Path);

        Assert.That(call.ExitCode, Is.Zero, call.ToString());
        Assert.That(call.Output, Does.Contain("IVR: We can call you back at a time that suits you: press 1 for today at 2:30 PM Eastern Time, 2 for today at 3:00 PM Eastern Time, or 3 for today at 3:30 PM Eastern Time. To go back, press star."));
        Assert.That(call.Output, Does.Contain("IVR: Sorry, that isn't a phone number we can call."));
        Assert.That(call.Output, Does.Contain("IVR: You entered 3 1 2, 5 5 5, 0 1 0 0. If that's right, press 1. To enter it again, press 2."));
        Assert.That(call.Output, Does.Contain("· callback number: confirmed (+1 ••••••••00)"));
        var reference = System.Text.RegularExpressions.Regex.Match(call.Output, @"Reference: (\S+)").Groups[1].Value;
        // The keyed-in number is in Chicago: once it is known, the time is said on its clock too.
        Assert.That(call.Output, Does.Contain($"Outcome: callback scheduled in queue billing (callback {reference} today at 3:00 PM Eastern Time, 2:00 PM Central Time)"));

        var list = await IvrProcess.RunAsync("", "callbacks", "list", "--db", database.Path);
        Assert.That(list.Output, Does.Contain($"{reference}  pending    billing        2026-11-30 20:00      0  +1 ••••••••00"), list.ToString());
    }

    [Test]
    public async Task CallbacksCommands_ExplainBadInput()
    {
        var missing = await IvrProcess.RunAsync("", "callbacks", "show", "781-512-939", "--db", "/nonexistent/ivr.db");
        var badReference = await IvrProcess.RunAsync("", "callbacks", "show", "123");

        Assert.That((missing.ExitCode, badReference.ExitCode), Is.EqualTo((1, 2)));
        Assert.That(missing.Error, Is.EqualTo("ivr callbacks: no callback 781-512-939 in /nonexistent/ivr.db.\n"));
        Assert.That(badReference.Error, Does.Contain("'123' is not a reference number"));
    }

    [Test]
    public async Task ASecondRequestFromTheSameNumber_KeepsTheFirstCallback_AndSaysSo()
    {
        using var database = new TempDatabase();
        var first = await IvrProcess.RunAsync("0\n1\n1\n", "call", "--at", SundayNight, "--seed", "3", "--caller-id", "+12025550143", "--callbacks-db", database.Path);
        var reference = System.Text.RegularExpressions.Regex.Match(first.Output, @"Reference: (\S+)").Groups[1].Value;

        var second = await IvrProcess.RunAsync("0\n3\n1\n", "call", "--at", SundayNight, "--seed", "4", "--caller-id", "+12025550143", "--callbacks-db", database.Path);

        var spoken = string.Join(", ", reference.Split('-').Select(g => string.Join(' ', g.ToCharArray())));
        Assert.That(second.Output, Does.Contain($"IVR: You already have a callback booked for tomorrow at 9:00 AM Eastern Time; we'll keep that one. Your reference number is {spoken}."), second.ToString());
        Assert.That(second.Output, Does.Contain($"callback {reference} existing, kept; nothing new booked (tomorrow at 9:00 AM Eastern Time, +1 ••••••••43)").And.Not.Contain($"callback {reference} booked"), second.ToString());
        var list = await IvrProcess.RunAsync("", "callbacks", "list", "--db", database.Path);
        Assert.That(list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(2), "a header and one callback");
    }
}
