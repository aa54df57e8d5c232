using IvrEngine.Flows;
using IvrEngine.Menus;
using IvrEngine.Simulation;
using IvrEngine.Tests.Flows;

namespace IvrEngine.Tests.Files;

/// <summary>Every loader reads through the bounded reader: a device or a pipe is one located error, at once.</summary>
[Platform("Linux,MacOsX")]
public sealed class SpecialFileLoaderTests
{
    [Test]
    public void MenuLoader_EndlessDevice_IsOneUnreadableErrorNotAnEndlessRead()
    {
        var result = MenuLoader.LoadFile(SpecialFiles.Endless);

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[] { "/dev/zero(1,1): error IVR0001: the path is a device, not a file [$]" }));
    }

    [Test]
    public void MenuLoader_NamedPipe_IsRefusedWithoutWaitingForAWriter()
    {
        var fifo = SpecialFiles.MakeFifo(".json");
        try
        {
            var result = SpecialFiles.WithinHangGuard(() => MenuLoader.LoadFile(fifo));

            Assert.That(result.Diagnostics.Single().Message, Is.EqualTo("the path is a named pipe (FIFO), not a file"));
        }
        finally
        {
            File.Delete(fifo);
        }
    }

    [Test]
    public void FlowParser_NamedPipe_IsFlow0001()
    {
        var fifo = SpecialFiles.MakeFifo(".flow");
        try
        {
            var result = SpecialFiles.WithinHangGuard(() => FlowParser.ParseFile(fifo));

            Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[] { $"{fifo}(1,1): error FLOW0001: cannot read '{fifo}': the path is a named pipe (FIFO), not a file" }));
        }
        finally
        {
            File.Delete(fifo);
        }
    }

    [Test]
    public void FlowLoader_MenuLineNamingTheEndlessDevice_IsFlow0006()
    {
        using var folder = new FlowFolder();
        var flow = folder.Write("zero.flow", "menu: /dev/zero\npress 1\n");

        var suite = new FlowLoader().Load([flow]);

        Assert.That(suite.Diagnostics.Single().Code, Is.EqualTo("FLOW0006"));
        Assert.That(suite.BadFiles, Is.EqualTo(1));
    }

    [Test]
    public void ScenarioLoader_MenuNamingTheEndlessDevice_ListsTheMenuError()
    {
        using var folder = new FlowFolder();
        var scenario = folder.Write("zero.scenario.json", """{ "menu": "/dev/zero", "arrivals": { "callsPerHour": 10 } }""");

        var result = ScenarioLoader.LoadFile(scenario);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Does.Contain("/dev/zero(1,1): error IVR0001: the path is a device, not a file [$]"));
    }

    [Test]
    public void FlowParser_FileWithANulByte_SaysItLooksBinaryAndWhere()
    {
        using var folder = new FlowFolder();
        var path = folder.Write("nul.flow", "menu: test-line.json\npress 1\u0000\n");

        var result = FlowParser.ParseFile(path);

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[] { $"{path}(2,8): error FLOW0001: '{path}' contains NUL bytes; it looks like a binary file, not flow text" }));
    }
}
