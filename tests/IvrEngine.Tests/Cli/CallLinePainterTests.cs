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

    [Test]
    public void OnATerminalOfAKnownWidth_LongLinesWrapBetweenWords_UnderTheirText()
    {
        var painter = CallLinePainter.For(outputIsTerminal: true, noColor: "1", quietEvents: false, width: 40);

        var painted = painter.Paint("[0:00] IVR: Thanks for calling customer care. To pay your bill, press 1.", spoken: true);

        Assert.That(painted, Is.EqualTo("[0:00] IVR: Thanks for calling customer\n            care. To pay your bill,\n            press 1."));
        Assert.That(painted!.Split('\n'), Has.All.Length.LessThan(40));
    }

    [Test]
    public void ANoteWraps_UnderTheNotesText()
    {
        var painter = CallLinePainter.For(outputIsTerminal: true, noColor: "1", quietEvents: false, width: 40);

        Assert.That(painter.Paint("[0:00] · call started: carrier-support (version 40e2936fe7c1)", spoken: false),
            Is.EqualTo("[0:00] · call started: carrier-support\n         (version 40e2936fe7c1)"));
    }

    [Test]
    public void AWordLongerThanTheLine_StandsAlone_AndPipedOutputNeverWraps()
    {
        var terminal = CallLinePainter.For(outputIsTerminal: true, noColor: "1", quietEvents: false, width: 30);
        var piped = CallLinePainter.For(outputIsTerminal: false, noColor: null, quietEvents: false, width: 30);
        var line = "[0:00] IVR: Your code is 0123456789012345678901234567890 now.";

        Assert.That(terminal.Paint(line, spoken: true), Is.EqualTo("[0:00] IVR: Your code is\n            0123456789012345678901234567890\n            now."));
        Assert.That(piped.Paint(line, spoken: true), Is.EqualTo(line));
    }
}
