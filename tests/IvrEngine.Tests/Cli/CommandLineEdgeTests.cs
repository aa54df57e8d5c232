using IvrEngine.Cli;

namespace IvrEngine.Tests.Cli;

/// <summary>
/// Edges of the command line: every numeric option given text that is not a number in its range,
/// start times near the ends of time, unknown commands. Exit 2 and
/// one line naming the range, never "Cannot parse argument" with a stack trace (that was exit 134).
/// </summary>
public sealed class CommandLineEdgeTests
{
    private static readonly string Menu = RepoPaths.BundledMenu;

    [TestCase("call", "--seed", "abc", "--seed must be a whole number, 0 or more.")]
    [TestCase("call", "--seed", "1.5", "--seed must be a whole number, 0 or more.")]
    [TestCase("call", "--seed", "", "--seed must be a whole number, 0 or more.")]
    [TestCase("call", "--seed", "4294967296", "--seed must be a whole number, 0 or more.")]
    [TestCase("call", "--seed", "-1", "--seed must be a whole number, 0 or more.")]
    [TestCase("call", "--busy", "abc", "--busy must be a whole number from 1 to 10000.")]
    [TestCase("call", "--busy", "-1", "--busy must be a whole number from 1 to 10000.")]
    [TestCase("call", "--busy", "0", "--busy must be a whole number from 1 to 10000.")]
    [TestCase("call", "--busy", "2.5", "--busy must be a whole number from 1 to 10000.")]
    [TestCase("call", "--busy", "10001", "--busy must be a whole number from 1 to 10000.")]
    [TestCase("hours", "--days", "abc", "--days must be a whole number from 1 to 366.")]
    [TestCase("hours", "--days", "99999999999", "--days must be a whole number from 1 to 366.")]
    [TestCase("hours", "--days", "0", "--days must be a whole number from 1 to 366.")]
    [TestCase("test", "--min-coverage", "abc", "--min-coverage is a percentage, a number from 0 to 100.")]
    [TestCase("test", "--min-coverage", "NaN", "--min-coverage is a percentage, a number from 0 to 100.")]
    [TestCase("test", "--min-coverage", "Infinity", "--min-coverage is a percentage, a number from 0 to 100.")]
    [TestCase("test", "--min-coverage", "100.5", "--min-coverage is a percentage, a number from 0 to 100.")]
    [TestCase("lint", "--max-options", "abc", "--max-options must be a whole number, 1 or more.")]
    [TestCase("lint", "--max-options", "0", "--max-options must be a whole number, 1 or more.")]
    [TestCase("lint", "--max-depth", "99999999999", "--max-depth must be a whole number, 1 or more.")]
    [TestCase("lint", "--max-prompt-seconds", "NaN", "--max-prompt-seconds must be a number of seconds, more than 0 and at most 86400.")]
    [TestCase("lint", "--max-prompt-seconds", "-Infinity", "--max-prompt-seconds must be a number of seconds, more than 0 and at most 86400.")]
    [TestCase("lint", "--max-prompt-seconds", "0", "--max-prompt-seconds must be a number of seconds, more than 0 and at most 86400.")]
    [TestCase("lint", "--max-prompt-seconds", "1e400", "--max-prompt-seconds must be a number of seconds, more than 0 and at most 86400.")]
    [TestCase("simulate", "--seed", "abc", "--seed must be a whole number (from -2147483648 to 2147483647).")]
    [TestCase("simulate", "--calls", "NaN", "--calls must be a whole number from 1 to 1,000,000,000.")]
    [TestCase("simulate", "--threads", "1.5", "--threads must be a whole number from 1 to 256.")]
    [TestCase("simulate", "--duration", "P99999W", "--duration: 'P99999W' must be more than zero and at most 520 weeks.")]
    [TestCase("simulate", "--duration", "PT9999999999999H", "--duration: 'PT9999999999999H' must be more than zero and at most 520 weeks.")]
    [TestCase("simulate", "--duration", "PT99999999999999999M", "--duration: 'PT99999999999999999M' must be more than zero and at most 520 weeks.")]
    [TestCase("staff", "--weeks", "99999999999", "--weeks must be a whole number from 2 to 52 (a confidence interval needs two weeks at least).")]
    [TestCase("staff", "--rounds", "abc", "--rounds must be a whole number from 1 to 20.")]
    [TestCase("staff", "--seed", "", "--seed must be a whole number (from -2147483648 to 2147483647).")]
    public async Task BadNumber_IsAUsageErrorOfOneLine(string command, string option, string value, string message)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] args = [command, Menu, option, value];

        var exit = await IvrCommandLine.InvokeAsync(args, TextReader.Null, output, error, inputIsTerminal: false);

        Assert.That(exit, Is.EqualTo(2), error.ToString());
        Assert.That(error.ToString(), Is.EqualTo($"ivr: {message}\nRun 'ivr {command} --help' for usage.\n"));
        Assert.That(output.ToString(), Is.Empty);
    }

    [TestCase("--max-prompt-seconds", "2.5")]
    [TestCase("--max-options", "12")]
    [TestCase("--max-depth", "2147483647")]
    public async Task GoodNumber_IsAccepted(string option, string value)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await IvrCommandLine.InvokeAsync(["lint", Menu, option, value], TextReader.Null, output, error, inputIsTerminal: false);

        Assert.That(error.ToString(), Does.Not.Contain("must be"));
        Assert.That(exit, Is.EqualTo(0), error.ToString());
    }

    [TestCase("call", "9999-12-31T23:59 America/New_York", "ivr call: --at: '9999-12-31T23:59 America/New_York' is out of range; a start time is from 1900-01-01 to 8999-12-31\n")]
    [TestCase("call", "0000-01-01T00:00 America/New_York", "ivr call: --at: '0000-01-01T00:00 America/New_York' is out of range; a start time is from 1900-01-01 to 8999-12-31\n")]
    [TestCase("hours", "9999-12-31T23:59 America/New_York", "ivr: --at: '9999-12-31T23:59 America/New_York' is out of range; a start time is from 1900-01-01 to 8999-12-31\nRun 'ivr hours --help' for usage.\n")]
    public async Task AtNearTheEndsOfTime_IsAUsageErrorNotAnOverflow(string command, string at, string expected)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await IvrCommandLine.InvokeAsync([command, Menu, "--at", at], TextReader.Null, output, error, inputIsTerminal: false);

        Assert.That(exit, Is.EqualTo(2), error.ToString());
        Assert.That(error.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public async Task HoursForAYearFromTheLatestStart_ListsEveryDay()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await IvrCommandLine.InvokeAsync(["hours", Menu, "--at", "8999-12-31T23:59 America/New_York", "--days", "366"], TextReader.Null, output, error, inputIsTerminal: false);

        Assert.That(exit, Is.Zero, error.ToString());
        Assert.That(output.ToString(), Does.Contain("9000-12-30"));
    }

    [TestCase(new[] { "callbacks", "frob" }, "ivr: 'frob' is not an ivr callbacks command; the commands are list, show, cancel, run.\nRun 'ivr callbacks --help' for usage.\n")]
    [TestCase(new[] { "callbacks", "--bogus" }, "ivr: '--bogus' is not an option of ivr callbacks; choose a command first: list, show, cancel, run.\nRun 'ivr callbacks --help' for usage.\n")]
    [TestCase(new[] { "callbacks", "list", "--bogus" }, "ivr: Unrecognized command or argument '--bogus'.\nRun 'ivr callbacks list --help' for usage.\n")]
    public async Task UsageErrorsUnderACommandGroup_NameTheWholeCommand(string[] args, string expected)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await IvrCommandLine.InvokeAsync(args, TextReader.Null, output, error, inputIsTerminal: false);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error.ToString(), Is.EqualTo(expected));
    }

    [TestCase("--bogus", "ivr: '--bogus' is not an option of ivr; choose a command first: call, validate, test, lint, diagram, serve, diff, callbacks, hours, simulate, staff.")]
    [TestCase("frobnicate", "ivr: 'frobnicate' is not an ivr command; the commands are call, validate, test, lint, diagram, serve, diff, callbacks, hours, simulate, staff.")]
    [TestCase("fro\u001b[2J\u0000b", "ivr: 'fro\\u001b[2J\\u0000b' is not an ivr command; the commands are call, validate, test, lint, diagram, serve, diff, callbacks, hours, simulate, staff.")]
    public async Task UnknownCommandOrOption_SaysSoInOneLine_WithControlCharactersEscaped(string arg, string message)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await IvrCommandLine.InvokeAsync([arg], TextReader.Null, output, error, inputIsTerminal: false);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error.ToString(), Is.EqualTo($"{message}\nRun 'ivr --help' for usage.\n"));
    }
}
