namespace IvrEngine.Tests.Cli;

/// <summary>lint, diagram and diff as a user runs them: the built ivr, real files, exit codes 0/1/2.</summary>
public sealed class OpsCommandsEndToEndTests
{
    [Test]
    public async Task Lint_BundledMenu_IsCleanAndSaysWhatItSwitchedOff()
    {
        var result = await IvrProcess.RunAsync(string.Empty, "lint", RepoPaths.BundledMenu);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain(": 0 warnings, 10 findings switched off by lint.disable"));
    }

    [Test]
    public async Task Lint_Findings_FailOnlyWithWarningsAsErrors()
    {
        using var file = IvrProcess.WriteTempFile(IvrEngine.Tests.Menus.Lint.MenuLinterTests.Clean.Replace("For orders, press 2.", "For orders, press 2. For plans, press 3.", StringComparison.Ordinal));

        var lenient = await IvrProcess.RunAsync(string.Empty, "lint", file.Path);
        var strict = await IvrProcess.RunAsync(string.Empty, "lint", "--warnings-as-errors", file.Path);

        Assert.That(lenient.ExitCode, Is.EqualTo(0), lenient.ToString());
        Assert.That(lenient.Output, Does.Contain("warning IVRL002").And.Contain("[$.nodes.main.prompt['en-US']]"));
        Assert.That(strict.ExitCode, Is.EqualTo(1), strict.ToString());
    }

    [Test]
    public async Task Lint_BrokenMenu_ShowsTheLoadersErrors()
    {
        using var file = IvrProcess.WriteTempFile("{ \"name\": 5 }");

        var result = await IvrProcess.RunAsync(string.Empty, "lint", file.Path);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("error IVR0002"));
    }

    [Test]
    public async Task Diagram_WritesDotToAFile_AndTheStateMachine()
    {
        using var file = IvrProcess.WriteTempFile(null, ".dot");

        var menu = await IvrProcess.RunAsync(string.Empty, "diagram", RepoPaths.BundledMenu, "--format", "dot", "--out", file.Path);
        var machine = await IvrProcess.RunAsync(string.Empty, "diagram", RepoPaths.BundledMenu, "--state-machine", "--format", "dot");
        var bad = await IvrProcess.RunAsync(string.Empty, "diagram", RepoPaths.BundledMenu, "--format", "png");

        Assert.That(menu.ExitCode, Is.EqualTo(0), menu.ToString());
        Assert.That(File.ReadAllText(file.Path), Does.StartWith("digraph \"carrier-support\" {").And.Contain("n_main -> n_quick_pay"));
        Assert.That(machine.Output, Does.StartWith("digraph {").And.Contain("InMenu"));
        Assert.That(bad.ExitCode, Is.EqualTo(2));
    }

    [Test]
    public async Task Diagram_WritesAnSvgPictureToAFile_ButNotOfTheStateMachine()
    {
        using var file = IvrProcess.WriteTempFile(null, ".svg");

        var menu = await IvrProcess.RunAsync(string.Empty, "diagram", RepoPaths.BundledMenu, "--format", "svg", "--out", file.Path);
        var machine = await IvrProcess.RunAsync(string.Empty, "diagram", RepoPaths.BundledMenu, "--state-machine", "--format", "svg");

        Assert.That(menu.ExitCode, Is.EqualTo(0), menu.ToString());
        var svg = System.Xml.Linq.XDocument.Parse(File.ReadAllText(file.Path));
        Assert.That(svg.Root!.Name.LocalName, Is.EqualTo("svg"));
        Assert.That(svg.Descendants().Any(e => (string?)e.Attribute("id") == "node-main"), Is.True);
        Assert.That(machine.ExitCode, Is.EqualTo(2), machine.ToString());
        Assert.That(machine.Error, Does.Contain("--state-machine draws mermaid or dot only"));
    }

    [Test]
    public async Task Diff_ExitCodes()
    {
        var json = File.ReadAllText(RepoPaths.BundledMenu);
        using var same = IvrProcess.WriteTempFile("// a comment is no change\n" + json);
        using var changed = IvrProcess.WriteTempFile(json.Replace("\"goto\": \"quick-pay\"", "\"goto\": \"billing\"", StringComparison.Ordinal));
        using var broken = IvrProcess.WriteTempFile("{");

        var none = await IvrProcess.RunAsync(string.Empty, "diff", RepoPaths.BundledMenu, same.Path);
        var some = await IvrProcess.RunAsync(string.Empty, "diff", RepoPaths.BundledMenu, changed.Path);
        var invalid = await IvrProcess.RunAsync(string.Empty, "diff", RepoPaths.BundledMenu, broken.Path);

        Assert.That(none.ExitCode, Is.EqualTo(0), none.ToString());
        Assert.That(none.Output, Does.StartWith("No changes for callers"));
        Assert.That(some.ExitCode, Is.EqualTo(1), some.ToString());
        Assert.That(some.Output, Does.Contain("node 'main':\n  option 1 'pay my bill' target: goto quick-pay -> goto billing"));
        Assert.That(invalid.ExitCode, Is.EqualTo(2), invalid.ToString());
        Assert.That(invalid.Error, Does.Contain("error IVR0001"));
    }

    [Test]
    public async Task Lint_OfEveryJsonInTheMenusFolder_SkipsStaffingAndScenarioFiles_AndPasses()
    {
        string[] files = [.. new[] { "carrier-support.json", "carrier-support.scenario.json", "carrier-support.staffing.json" }.Select(f => Path.Combine(RepoPaths.Menus, f))];

        var result = await IvrProcess.RunAsync("", ["lint", .. files]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain($"{files[1]}: skipped, a scenario (lint reads menus; 'ivr validate {files[1]}' checks it)\n"));
        Assert.That(result.Output, Does.Contain($"{files[2]}: skipped, a staffing file (lint reads menus; 'ivr validate {files[2]}' checks it)\n"));
        Assert.That(result.Output, Does.Not.Contain("error"));
    }
}
