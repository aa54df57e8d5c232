using IvrEngine.Calls;

namespace IvrEngine.Tests.Calls;

/// <summary>docs/call-state-machine.md shows the machine Stateless describes; this fails when it drifts.</summary>
public sealed class StateMachineDocumentTests
{
    private static string DocumentPath => Path.Combine(RepoPaths.Root, "docs", "call-state-machine.md");

    /// <summary>The document as it should read, built from the running machine's own description.</summary>
    internal static string ExpectedDocument()
    {
        return $"""
            # The call state machine

            Generated from the code by Stateless (`CallSession.ToMermaidGraph()`); a test fails when
            this file and the code disagree. To refresh it after changing the machine, run
            `IVR_UPDATE_DOCS=1 dotnet test --filter StateMachineDocumentTests`.

            Digits, speech and timeouts are internal transitions of `InMenu` and `CollectingDigits`:
            the caller moves between nodes without leaving those states. Any trigger a state does not
            use (a key pressed after the call ended) is noted in the transcript as `input-ignored`.

            ```mermaid
            {CallStateDiagram.Mermaid().ReplaceLineEndings("\n")}
            ```

            """.ReplaceLineEndings("\n");
    }

    [Test]
    public void TheDocumentedStateMachine_MatchesTheCode()
    {
        var expected = ExpectedDocument();
        if (Environment.GetEnvironmentVariable("IVR_UPDATE_DOCS") == "1") File.WriteAllText(DocumentPath, expected);

        Assert.That(File.Exists(DocumentPath), Is.True, $"{DocumentPath} is missing; run IVR_UPDATE_DOCS=1 dotnet test --filter StateMachineDocumentTests");
        Assert.That(File.ReadAllText(DocumentPath).ReplaceLineEndings("\n"), Is.EqualTo(expected),
            "docs/call-state-machine.md is stale; run IVR_UPDATE_DOCS=1 dotnet test --filter StateMachineDocumentTests");
    }
}
