using IvrEngine.Flows;
using IvrEngine.Tests.Calls;

namespace IvrEngine.Tests.Flows;

/// <summary>A temporary folder holding the test menu (test-line.json) and flow files written by a test.</summary>
internal sealed class FlowFolder : IDisposable
{
    public FlowFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ivr-flows-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
        File.WriteAllText(System.IO.Path.Combine(Path, "test-line.json"), TestMenus.Line);
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> in the folder and returns its path.</summary>
    public string Write(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Loads and runs one flow file; asserts it is a valid file.</summary>
    public IReadOnlyList<FlowResult> Run(string name, string text)
    {
        var suite = new FlowLoader().Load([Write(name, text)]);
        Assert.That(suite.Diagnostics, Is.Empty, "the flow file should be valid");
        return new FlowRunner(TimeProvider.System).RunAll(suite.Cases);
    }

    /// <summary>Asserts a run of <paramref name="file"/> (header then steps) failed at its last step, naming it, what was expected and what happened.</summary>
    public void AssertFailedAtLastStep(FlowResult result, string file, string header, string steps, string expected, string actual)
    {
        var lastLine = header.Split('\n').Length - 1 + steps.Split('\n').Length;
        Assert.That(result.Failure, Does.StartWith($"{System.IO.Path.Combine(Path, file)}({lastLine},1): `{steps.Split('\n')[^1]}` failed in {System.IO.Path.GetFileNameWithoutExtension(file)} [en-US]"));
        Assert.That(result.Failure, Does.Contain("\n  " + expected));
        Assert.That(result.Failure, Does.Contain(actual));
        Assert.That(result.Failure, Does.Contain("  last lines of the call:\n    ["));
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
