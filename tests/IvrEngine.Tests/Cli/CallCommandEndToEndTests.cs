using System.Text.RegularExpressions;
using IvrEngine.Tests.Calls;

namespace IvrEngine.Tests.Cli;

[NonParallelizable]
public sealed partial class CallCommandEndToEndTests
{
    private const string MondayMorning = "2026-11-30T09:15 America/New_York";

    private IvrProcess.TempFile _menu = null!;

    [OneTimeSetUp]
    public void WriteTheTestMenu() => _menu = IvrProcess.WriteTempFile(TestMenus.Line);

    [OneTimeTearDown]
    public void DeleteTheTestMenu() => _menu.Dispose();

    private Task<IvrResult> CallAsync(string input, params string[] extra) =>
        IvrProcess.RunAsync(input, ["call", _menu.Path, "--at", MondayMorning, "--seed", "7", .. extra]);

    [Test]
    public async Task PipedCall_AnOverlongLine_IsIgnoredWithOneNote_NeitherEchoedNorActedOn()
    {
        // 200,000 stars would be 200,000 repeats of the menu at 0:00 if the line were taken whole.
        var result = await CallAsync(new string('*', 200_000) + "\n0\n");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("(ignored: a line of 200,000 characters; a line is at most 1,000)\n> 0\n"));
        Assert.That(result.Output, Does.Not.Contain("repeat"));
        Assert.That(result.Output.Length, Is.LessThan(20_000), "nothing of the long line is printed");
        Assert.That(result.Output, Does.Contain("Outcome: transferred to queue general (asked for a human)"));
    }

    [Test]
    public async Task PipedCall_PressAndSay_TransfersToBilling()
    {
        var result = await CallAsync("1\nsay payment arrangement\n");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Match(ReferenceLine()), result.ToString());
        Assert.That(result.Output, Does.Contain("Outcome: transferred to queue billing (chose payment arrangement)"));
        Assert.That(result.Output, Does.Contain("Path: main > billing\n"));
        Assert.That(result.Output, Does.Contain("IVR: Main menu. For billing, press 1. For orders, press 2. For plans, press 3."));
        Assert.That(result.Output, Does.Contain("IVR: Billing. For your balance, press 1."));
        Assert.That(result.Output, Does.Contain("IVR: Please hold while I connect you to billing. This call's reference number is "));
        Assert.That(result.Output, Does.Contain("> 1\n").And.Contain("> say payment arrangement\n"), "piped input is echoed");
        Assert.That(result.Output, Does.Contain("(en-US, virtual time)"), "piped input runs on virtual time");
        Assert.That(result.Error, Is.Empty);
    }

    [Test]
    public async Task PipedCall_TheSpokenReferenceIsTheOneReportedAtTheEnd()
    {
        var result = await CallAsync("1\n1\n");

        var reference = ReferenceLine().Match(result.Output).Groups["reference"].Value;
        var d = reference.Replace("-", "", StringComparison.Ordinal);
        Assert.That(result.Output, Does.Contain($"Your reference number is {d[0]} {d[1]} {d[2]}, {d[3]} {d[4]} {d[5]}, {d[6]} {d[7]} {d[8]}. Goodbye."), result.ToString());
        Assert.That(result.Output, Does.Contain("Outcome: completed in self-service"));
    }

    [Test]
    public async Task PipedCall_Zero_TransfersToGeneral()
    {
        var result = await CallAsync("0\n");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("Outcome: transferred to queue general (asked for a human)"));
        Assert.That(result.Output, Does.Contain("Path: main\n"));
    }

    [Test]
    public async Task PipedCall_WaitingThroughEveryNoInputTimeout_TransfersToGeneral()
    {
        var result = await CallAsync("wait 5\nwait 5\nwait 5\n");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(NoInputPrompts().Matches(result.Output), Has.Count.EqualTo(2), result.ToString());
        Assert.That(result.Output, Does.Contain("[0:05] · no input (retry 1 of 2;"));
        Assert.That(result.Output, Does.Contain("[0:15] · no input (no retries left of 2;"));
        Assert.That(result.Output, Does.Contain("Outcome: transferred to queue general (no input after 2 retries)"));
        Assert.That(result.Output, Does.Contain("Duration: 0:15"));
    }

    [Test]
    public async Task RealClockAtASpeed_RunsTheTimeoutsThatManyTimesFaster()
    {
        // 15 s of the line's time at 100× take 0.15 s; at real speed this call would outlive the test's limit.
        var result = await CallAsync("wait 600\n", "--clock", "real", "--speed", "100");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.StartWith("Calling test-line (en-US, real time at 100× speed)."));
        Assert.That(result.Output, Does.Contain("Outcome: transferred to queue general (no input after 2 retries)"));
        // Start-up takes real milliseconds, which are seconds at 100×: the notes are found by their text, not their times.
        Assert.That(result.Output, Does.Match(@"IVR: Main menu\. For billing, press 1\. For orders, press 2\. For plans, press 3\.\n\[\d:\d\d\] · speaking for 0:05; keys or words cut in\n"));
        Assert.That(result.Output, Does.Match(@"\n\[\d:\d\d\] · listening\n"));
    }

    [Test]
    public async Task RealClock_KeysWhileTheLineSpeaks_CutThePromptShort()
    {
        var result = await CallAsync("1\n", "--clock", "real", "--speed", "2");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Match(@"\[0:0\d\] · cut short, 0:0\d before the prompt's end\n"));
    }

    [TestCase("0")]
    [TestCase("-2")]
    [TestCase("1001")]
    [TestCase("NaN")]
    [TestCase("fast")]
    public async Task Speed_OutsideItsRange_IsAUsageError(string speed)
    {
        var result = await CallAsync("", "--clock", "real", "--speed", speed);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("--speed: give a number from 0.01 to 1000"));
    }

    [Test]
    public async Task Speed_InVirtualTime_IsAUsageErrorThatSaysWhy()
    {
        var result = await CallAsync("", "--clock", "virtual", "--speed", "10");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error.Trim(), Is.EqualTo("ivr call: --speed runs the real clock faster; in virtual time the clock moves only with 'wait' (add --clock real)."));
    }

    [Test]
    public async Task PipedCall_WaitAloneOnVirtualTime_AdvancesToTheNextTimeout()
    {
        var result = await CallAsync("wait\n", "--clock", "virtual");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("[0:05] · no input (retry 1 of 2;"), result.ToString());
        Assert.That(result.Output, Does.Contain("IVR: Sorry, I didn't hear anything."));
        Assert.That(result.Output, Does.Contain("Outcome: caller hung up (at main)"));
    }

    [Test]
    public async Task PipedCall_EndOfInputWithoutHangup_IsTheCallerHangingUp()
    {
        var result = await CallAsync("1\n");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("(end of input: the caller hangs up)"));
        Assert.That(result.Output, Does.Contain("Outcome: caller hung up (at billing)"));
        Assert.That(result.Output, Does.Contain("Path: main > billing\n"));
    }

    [TestCase("hangup")]
    [TestCase("hang up")]
    [TestCase("bye")]
    public async Task PipedCall_Hangup_EndsTheCallAtOnce(string hangup)
    {
        var result = await CallAsync($"{hangup}\n1\n");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("Outcome: caller hung up (at main)"));
        Assert.That(result.Output, Does.Not.Contain("end of input"));
        Assert.That(result.Output, Does.Not.Contain("> 1\n"), "nothing is read after the call ended");
    }

    [Test]
    public async Task PipedCall_UnknownLinesAndHelp_AnswerWithoutEndingTheCall()
    {
        var result = await CallAsync("dance\nhelp\nwhere\n1\nhangup\n");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("Unknown command 'dance'."));
        Assert.That(result.Output, Does.Contain("say <words>"));
        Assert.That(result.Output, Does.Contain("node 'main' (InMenu), 0:00 into the call, path main, reference "));
        Assert.That(result.Output, Does.Contain("Outcome: caller hung up (at billing)"));
    }

    [Test]
    public async Task Transcript_IsWrittenAsJsonLinesStartingWithCallStarted_AndRepeatsByteForByte()
    {
        using var first = IvrProcess.WriteTempFile(null, ".jsonl");
        using var second = IvrProcess.WriteTempFile(null, ".jsonl");
        const string input = "1\nwait 3\n9\nsay orders\n4815#\nwait 2\n0\n";

        var run1 = await CallAsync(input, "--transcript", first.Path);
        var run2 = await CallAsync(input, "--transcript", second.Path);

        Assert.That(run1.ExitCode, Is.Zero, run1.ToString());
        Assert.That(run2.ExitCode, Is.Zero, run2.ToString());
        Assert.That(run1.Output, Does.Contain($"Transcript: {first.Path}"));
        var lines = await File.ReadAllLinesAsync(first.Path);
        Assert.That(lines, Has.Length.GreaterThan(5));
        Assert.That(lines[0], Does.StartWith("{\"at\":\"2026-11-30T14:15:00Z\",\"type\":\"call-started\""));
        Assert.That(lines, Has.All.StartWith("{\"at\":\"2026-11-30T14:").And.EndWith("}"));
        Assert.That(lines[^1], Does.Contain("\"type\":\"call-ended\""));
        Assert.That(await File.ReadAllBytesAsync(second.Path), Is.EqualTo(await File.ReadAllBytesAsync(first.Path)), "same seed, --at and input give the same bytes");
    }

    [Test]
    public async Task Transcript_ToAFolderThatDoesNotExist_IsAUsageErrorBeforeTheCallStarts()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ivr-no-such-dir-{Guid.NewGuid():N}", "t.jsonl");

        var result = await CallAsync("0\n", "--transcript", path);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain($"ivr call: --transcript: cannot write '{path}'"));
        Assert.That(result.Output, Does.Not.Contain("Calling"), "the call never starts");
        AssertNoStackTrace(result);
    }

    [Test]
    public async Task Locale_RuRU_GivesRussianPrompts()
    {
        var result = await CallAsync("1\n2\n", "--locale", "ru-RU");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("IVR: Главное меню. Оплата — 1. Заказы — 2. Тарифы — 3."));
        Assert.That(result.Output, Does.Contain("IVR: Пожалуйста, оставайтесь на линии, соединяю вас: отдел оплаты."));
        Assert.That(result.Output, Does.Contain("(ru-RU, virtual time)"));
        Assert.That(result.Output, Does.Contain("Outcome: transferred to queue billing"));
    }

    [Test]
    public async Task Locale_TheMenuDoesNotHave_IsAUsageErrorListingTheMenusLocales()
    {
        var result = await CallAsync("1\n", "--locale", "fr-FR");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("no locale 'fr-FR'").And.Contain("en-US, ru-RU"));
        Assert.That(result.Output, Does.Not.Contain("IVR:"), "no call was made");
    }

    [Test]
    public async Task UnknownOption_IsAUsageErrorPointingAtHelp()
    {
        var result = await CallAsync("", "--bogus");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("--bogus"));
        Assert.That(result.Error, Does.Contain("Run 'ivr call --help'"));
        AssertNoStackTrace(result);
    }

    [Test]
    public async Task Help_ExitsZeroAndListsTheOptions()
    {
        var result = await IvrProcess.RunAsync("", "call", "--help");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("--locale").And.Contain("--caller-id").And.Contain("--at").And.Contain("--clock").And.Contain("--transcript").And.Contain("--seed"));
        Assert.That(result.Output, Does.Contain("During a call:\n  1, 00, 21#      press keys").And.Contain("  say <words>").And.Contain("  hangup "));
    }

    [TestCase("validate")]
    [TestCase("diff")]
    [TestCase("simulate")]
    public async Task HelpOfACommandWithRequiredArguments_IsHelp_NotAUsageError(string command)
    {
        var result = await IvrProcess.RunAsync("", command, "--help");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Error, Is.Empty);
        Assert.That(result.Output, Does.Contain($"ivr {command}").And.Not.Contain("During a call:"));
    }

    [TestCase("abc")]
    [TestCase("12")]
    [TestCase("+1 202 555 0143")]
    public async Task CallerId_ThatIsNotAPhoneNumber_IsAUsageError(string callerId)
    {
        var result = await CallAsync("0\n", "--caller-id", callerId);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain($"--caller-id '{callerId}' is not a phone number"));
    }

    [Test]
    public async Task CallerId_IsShownMasked_WhenTheCallStarts()
    {
        var result = await CallAsync("0\n", "--caller-id", "+12025550143");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("caller +1 ••••••••43"));
        Assert.That(result.Output, Does.Not.Contain("5550143"), "phone numbers are masked in what the line logs");
    }

    [Test]
    public async Task At_ThatIsNotATime_IsAUsageErrorNamingTheOption()
    {
        var result = await IvrProcess.RunAsync("0\n", "call", _menu.Path, "--at", "next tuesday-ish");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("ivr call: --at:"));
        AssertNoStackTrace(result);
    }

    [Test]
    public async Task Clock_OtherThanRealOrVirtual_IsAUsageError()
    {
        var result = await CallAsync("0\n", "--clock", "fast");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("fast"));
    }

    [Test]
    public async Task MenuWithErrors_ExitsOneWithCompilerFormatLinesOnStderr()
    {
        using var broken = IvrProcess.WriteTempFile(CliMenus.WithUnknownNode);

        var result = await IvrProcess.RunAsync("1\n", "call", broken.Path, "--at", MondayMorning);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Match(CliMenus.ErrorLine(broken.Path)));
        Assert.That(result.Error, Does.Contain("IVR0006"));
        Assert.That(result.Error, Does.Contain($"ivr validate {broken.Path}"));
        Assert.That(result.Output, Does.Not.Contain("IVR:"));
    }

    [Test]
    public async Task MissingMenuFile_ExitsOneWithAClearMessageAndNoStackTrace()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"ivr-missing-{Guid.NewGuid():N}.json");

        var result = await IvrProcess.RunAsync("1\n", "call", missing);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain($"there is no menu file at '{missing}'"));
        AssertNoStackTrace(result);
    }

    [Test]
    public async Task NoMenuArgument_CallsTheBundledCarrierSupportMenu()
    {
        var bundled = Path.Combine(IvrProcess.OutputDirectory, "menus", "carrier-support.json");
        // The README's first command: a build without the bundled menu is broken, not a reason to skip.
        Assert.That(File.Exists(bundled), Is.True, $"the bundled menu is missing from the build ({bundled})");

        var result = await IvrProcess.RunAsync("0\n", "call", "--at", MondayMorning, "--seed", "7");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("Agents: 14 simulated, from carrier-support.staffing.json."));
        Assert.That(result.Output, Does.Contain("Outcome: abandoned in queue general (after 0 s)"), "the input ends while the caller waits");
    }

    private static void AssertNoStackTrace(IvrResult result)
    {
        Assert.That(result.Error, Does.Not.Contain("   at "), result.ToString());
        Assert.That(result.Error, Does.Not.Contain("Exception"), result.ToString());
    }

    [GeneratedRegex(@"Reference: (?<reference>[1-9][0-9]{2}-[0-9]{3}-[0-9]{3})\n")]
    private static partial Regex ReferenceLine();

    [GeneratedRegex(@"IVR: Sorry, I didn't hear anything\.")]
    private static partial Regex NoInputPrompts();
}
