namespace IvrEngine.Tests.Cli;

[NonParallelizable]
public sealed class ValidateCommandEndToEndTests
{
    [Test]
    public async Task ValidFile_ExitsZeroAndSaysOk()
    {
        using var menu = IvrProcess.WriteTempFile(CliMenus.Clean);

        var result = await IvrProcess.RunAsync("", "validate", menu.Path);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Is.EqualTo($"{menu.Path}: ok (6 nodes, 0 warnings)\n"));
        Assert.That(result.Error, Is.Empty);
    }

    [Test]
    public async Task InvalidFile_ExitsOneWithCompilerFormatLines()
    {
        using var menu = IvrProcess.WriteTempFile(CliMenus.WithUnknownNode);

        var result = await IvrProcess.RunAsync("", "validate", menu.Path);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Match(CliMenus.ErrorLine(menu.Path)));
        Assert.That(result.Output, Does.Contain("error IVR0006:").And.Contain("biling"));
        Assert.That(result.Output, Does.Contain("[$.nodes.main.options[0].goto]"));
        Assert.That(result.Output, Does.Contain("did you mean 'billing'?"));
        Assert.That(result.Output, Does.Not.Contain(": ok ("));
        Assert.That(result.Error, Does.Contain("1 of 1 file invalid."));
    }

    [Test]
    public async Task FileWithOnlyAWarning_PassesUnlessWarningsAreErrors()
    {
        using var menu = IvrProcess.WriteTempFile(CliMenus.WithUnreachableNode);

        var lenient = await IvrProcess.RunAsync("", "validate", menu.Path);
        var strict = await IvrProcess.RunAsync("", "validate", "--warnings-as-errors", menu.Path);

        Assert.That(lenient.ExitCode, Is.Zero, lenient.ToString());
        Assert.That(lenient.Output, Does.Match($@"(?m)^{System.Text.RegularExpressions.Regex.Escape(menu.Path)}\(\d+,\d+\): warning IVR0013: .*orphan.* \[\$\.nodes\.orphan\]$"));
        Assert.That(lenient.Output, Does.Contain($"{menu.Path}: ok (7 nodes, 1 warning)"));

        Assert.That(strict.ExitCode, Is.EqualTo(1), strict.ToString());
        Assert.That(strict.Output, Does.Contain("warning IVR0013"));
        Assert.That(strict.Output, Does.Not.Contain(": ok ("));
        Assert.That(strict.Error, Does.Contain("1 of 1 file invalid."));
    }

    [Test]
    public async Task NoArguments_IsAUsageError()
    {
        var result = await IvrProcess.RunAsync("", "validate");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("Run 'ivr validate --help'"));
    }

    [Test]
    public async Task SeveralFiles_AreEachReported()
    {
        using var good = IvrProcess.WriteTempFile(CliMenus.Clean);
        using var bad = IvrProcess.WriteTempFile(CliMenus.WithUnknownNode);
        var missing = Path.Combine(Path.GetTempPath(), $"ivr-missing-{Guid.NewGuid():N}.json");

        var result = await IvrProcess.RunAsync("", "validate", good.Path, bad.Path, missing);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain($"{good.Path}: ok ("));
        Assert.That(result.Output, Does.Match(CliMenus.ErrorLine(bad.Path)));
        Assert.That(result.Output, Does.Contain($"{missing}(1,1): error IVR0001: the file cannot be read"));
        Assert.That(result.Error, Does.Contain("2 of 3 files invalid."));
        Assert.That(result.Error, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task NoCommand_IsAUsageError()
    {
        var result = await IvrProcess.RunAsync("");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
    }

    [Test]
    public async Task StaffingFiles_AreCheckedAgainstTheMenuBesideThem()
    {
        var menus = Path.Combine(IvrProcess.OutputDirectory, "menus");
        var result = await IvrProcess.RunAsync("", "validate", Path.Combine(menus, "carrier-support.json"), Path.Combine(menus, "carrier-support.staffing.json"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("carrier-support.staffing.json: ok (14 agents for carrier-support.json)"));
    }
}
