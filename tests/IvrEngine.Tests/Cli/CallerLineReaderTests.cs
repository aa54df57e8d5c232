using IvrEngine.Cli.Console;

namespace IvrEngine.Tests.Cli;

public sealed class CallerLineReaderTests
{
    [TestCase("1\nsay billing\n")]
    [TestCase("1\r\nsay billing\r\n")]
    [TestCase("1\rsay billing")]
    public void ReadLine_EndsLinesAsTextReaderDoes(string input)
    {
        var reader = new CallerLineReader(new StringReader(input));

        Assert.That(reader.ReadLine(), Is.EqualTo(new CallerLine("1", 1)));
        Assert.That(reader.ReadLine(), Is.EqualTo(new CallerLine("say billing", 11)));
        Assert.That(reader.ReadLine(), Is.Null, "the end of the input");
    }

    [Test]
    public void ReadLine_EmptyLinesAreKept()
    {
        var reader = new CallerLineReader(new StringReader("\n\r\n1"));

        Assert.That(new[] { reader.ReadLine(), reader.ReadLine(), reader.ReadLine(), reader.ReadLine() },
            Is.EqualTo(new[] { new CallerLine("", 0), new CallerLine("", 0), new CallerLine("1", 1), null }));
    }

    [Test]
    public void ReadLine_ALineAtTheLimitIsKept()
    {
        var line = "say " + new string('a', CallerLineReader.MaxLineLength - 4);

        var read = new CallerLineReader(new StringReader(line + "\n")).ReadLine();

        Assert.That(read, Is.EqualTo(new CallerLine(line, CallerLineReader.MaxLineLength)));
    }

    [Test]
    public void ReadLine_ALongerLineIsReportedByItsLengthOnly_AndTheNextLineIsReadWhole()
    {
        // Longer than the reader's buffer too, so the line is skipped across several reads.
        var reader = new CallerLineReader(new StringReader("say " + new string('a', 20_000) + "\n0\n"));

        var tooLong = reader.ReadLine()!;

        Assert.That(tooLong, Is.EqualTo(new CallerLine(null, 20_004)));
        Assert.That(tooLong.IgnoredNote, Is.EqualTo("(ignored: a line of 20,004 characters; a line is at most 1,000)"));
        Assert.That(reader.ReadLine(), Is.EqualTo(new CallerLine("0", 1)));
    }

    [Test]
    public async Task ReadLineAsync_ReadsAsReadLineDoes()
    {
        var reader = new CallerLineReader(new StringReader("1\r\n" + new string('*', 5_000) + "\rhangup"));

        Assert.That(await reader.ReadLineAsync(CancellationToken.None), Is.EqualTo(new CallerLine("1", 1)));
        Assert.That(await reader.ReadLineAsync(CancellationToken.None), Is.EqualTo(new CallerLine(null, 5_000)));
        Assert.That(await reader.ReadLineAsync(CancellationToken.None), Is.EqualTo(new CallerLine("hangup", 6)));
        Assert.That(await reader.ReadLineAsync(CancellationToken.None), Is.Null);
    }
}
