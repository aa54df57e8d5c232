using IvrEngine.Cli.Console;

namespace IvrEngine.Tests.Cli;

public sealed class CallLinePainterTests
{
    [Test]
    public void OnATerminal_WhatTheLineSaysIsBold_AndNotesAreDim()
    {
        var painter = CallLinePainter.For(outputIsTerminal: true, noColor: null, quietEvents: false);

        Assert.That(painter.Paint("[0:00] IVR: Hello.", spoken: true), Is.EqualTo("\u001b[1m[0:00] IVR: Hello.\u001b[0m"));
        Assert.That(painter.Paint("[0:00] · at node 'main'", spoken: false), Is.EqualTo("\u001b[2m[0:00] · at node 'main'\u001b[0m"));
    }

    [TestCase(false, null)]
    [TestCase(true, "1")]
    public void PipedOutputOrNoColor_StaysPlain(bool outputIsTerminal, string? noColor)
    {
        var painter = CallLinePainter.For(outputIsTerminal, noColor, quietEvents: false);

        Assert.That(painter.Paint("[0:00] IVR: Hello.", spoken: true), Is.EqualTo("[0:00] IVR: Hello."));
        Assert.That(painter.Paint("[0:00] · note", spoken: false), Is.EqualTo("[0:00] · note"));
    }

    [Test]
    public void QuietEvents_HidesTheNotes_AndKeepsWhatTheLineSays()
    {
        var painter = CallLinePainter.For(outputIsTerminal: false, noColor: null, quietEvents: true);

        Assert.That(painter.Paint("[0:00] · note", spoken: false), Is.Null);
        Assert.That(painter.Paint("[0:00] IVR: Hello.", spoken: true), Is.EqualTo("[0:00] IVR: Hello."));
    }
}
