namespace IvrEngine.Tests.Cli;

/// <summary>
/// <c>ivr --help</c> (and bare <c>ivr</c>) from the built ivr: the command list says which arguments may be
/// left out, as each command's own usage line does, and nothing else in the help pages moves.
/// </summary>
public sealed class TopLevelHelpEndToEndTests
{
    private static string Row(string output, string start) =>
        output.Split('\n').SingleOrDefault(l => l.StartsWith(start, StringComparison.Ordinal)) ?? "";

    [Test]
    public async Task TopLevelHelp_ListsCall_WithItsMenuOptional()
    {
        var result = await IvrProcess.RunAsync("", "--help");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("\n  call [<MENU>]  ").And.Not.Contain("call <MENU>"));
    }

    [Test]
    public async Task BareIvr_ListsCall_WithItsMenuOptional()
    {
        var result = await IvrProcess.RunAsync("");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Output, Does.Contain("\n  call [<MENU>]  ").And.Not.Contain("call <MENU>"));
    }

    [Test]
    public async Task TopLevelHelp_CallsDescription_StaysInTheColumnOfTheOthers()
    {
        var result = await IvrProcess.RunAsync("", "--help");

        var call = Row(result.Output, "  call ");
        var validate = Row(result.Output, "  validate ");
        Assert.That(call.IndexOf("Call a menu:", StringComparison.Ordinal), Is.Positive.And.EqualTo(validate.IndexOf("Check menu files", StringComparison.Ordinal)), result.Output);
    }

    [TestCase("  validate <FILE>      Check menu files")]
    [TestCase("  test <PATH>          Run QA call flows")]
    [TestCase("  diff <OLD> <NEW>     Show what a menu change does")]
    [TestCase("  callbacks            The callbacks the line has promised")]
    [TestCase("  simulate <SCENARIO>  Simulate load on a menu")]
    public async Task TopLevelHelp_CommandsWithRequiredOrNoArguments_AreListedAsBefore(string row)
    {
        var result = await IvrProcess.RunAsync("", "--help");

        Assert.That(Row(result.Output, row), Is.Not.Empty, result.Output);
    }

    [Test]
    public async Task CallHelp_KeepsItsUsageAndArgumentRows()
    {
        var result = await IvrProcess.RunAsync("", "call", "--help");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("Usage:\n  ivr call [<MENU>] [options]\n"));
        Assert.That(result.Output, Does.Contain("Arguments:\n  <MENU>  The menu file to call"));
        Assert.That(result.Output, Does.Contain("During a call:"));
    }

    [TestCase(new[] { "callbacks", "--help" }, "  run <MENU>    Run the dialer alone")]
    [TestCase(new[] { "test", "--help" }, "  ivr test <PATH>... [options]")]
    [TestCase(new[] { "validate", "--help" }, "  <FILE>  ")]
    public async Task OtherCommandsHelp_IsTheStandardPage(string[] args, string row)
    {
        var result = await IvrProcess.RunAsync("", args);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(Row(result.Output, row), Is.Not.Empty, result.Output);
        Assert.That(result.Output, Does.Not.Contain("[<"), "no optional argument in these pages");
        Assert.That(result.Output, Does.Not.Contain("During a call:"));
    }
}
