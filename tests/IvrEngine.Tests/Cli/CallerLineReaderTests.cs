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

    [Test]
    public async Task ALineTypedAtATerminal_IsReadAtEnter_WithoutAskingForKeysNotYetTyped()
    {
        // A terminal's reader has only what was typed so far; a read past it would wait for keys never typed.
        var terminal = new TypedSoFar("2\n");
        var reader = new CallerLineReader(terminal);

        Assert.That(reader.ReadLine(), Is.EqualTo(new CallerLine("2", 1)));
        terminal.Type("say billing\n");
        Assert.That(await reader.ReadLineAsync(CancellationToken.None), Is.EqualTo(new CallerLine("say billing", 11)));
    }

    /// <summary>Like the console's reader: characters typed so far, and a read beyond them is a test failure instead of a hang.</summary>
    private sealed class TypedSoFar(string typed) : TextReader
    {
        private readonly Queue<char> _keys = new(typed);

        public void Type(string text)
        {
            foreach (var c in text) _keys.Enqueue(c);
        }

        public override int Peek() => _keys.TryPeek(out var c) ? c : throw new AssertionException("peeked past what was typed");

        public override int Read() => _keys.TryDequeue(out var c) ? c : throw new AssertionException("read past what was typed: a terminal would wait here for ever");
    }
}
