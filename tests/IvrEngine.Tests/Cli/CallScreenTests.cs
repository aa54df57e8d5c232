using IvrEngine.Cli.Console;

namespace IvrEngine.Tests.Cli;

/// <summary>
/// The console a call runs in: at a terminal, keys read aside and lines from the call's threads meet
/// under one lock around the prompt; anywhere else, plain lines exactly as before.
/// </summary>
public sealed class CallScreenTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public async Task AtATerminal_TypedLinesAreReadWithEnter_AndTheCallsLinesPrintAboveTheHalfTypedOne()
    {
        var terminal = new ScreenModel(width: 40, height: 10);
        using var screen = new TerminalCallScreen(terminal);

        terminal.Type("1\n");
        var first = await screen.ReadLineAsync().WaitAsync(Patience);
        terminal.Type("say bil");
        await WhenAsync(() => terminal.Rows[^1] == "> say bil");
        // From another thread, as the line's timers print.
        await Task.Run(() => screen.WriteLine("[0:05] · no input (retry 1 of 2)"));
        var pending = screen.ReadLineAsync();
        terminal.Type("ling\n");
        var second = await pending.WaitAsync(Patience);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(new CallerLine("1", 1)));
            Assert.That(second, Is.EqualTo(new CallerLine("say billing", 11)));
            Assert.That(terminal.Rows, Is.EqualTo(new[] { "> 1", "[0:05] · no input (retry 1 of 2)", "> say billing", ">" }));
        });
    }

    [Test]
    public async Task AtATerminal_CtrlDOnAnEmptyLine_EndsTheInput_AndClosingTakesThePromptAway()
    {
        var terminal = new ScreenModel(width: 40, height: 10);
        var screen = new TerminalCallScreen(terminal);

        terminal.Press(ScreenModel.Control(ConsoleKey.D));
        var end = await screen.ReadLineAsync().WaitAsync(Patience);
        screen.WriteLine("(end of input: the caller hangs up)");
        screen.Dispose();
        screen.WriteLine("Reference: 123-456-789");
        var after = await screen.ReadLineAsync().WaitAsync(Patience);

        Assert.Multiple(() =>
        {
            Assert.That(end, Is.Null);
            Assert.That(after, Is.Null, "once ended, the input stays ended");
            Assert.That(terminal.Rows, Is.EqualTo(new[] { "(end of input: the caller hangs up)", "Reference: 123-456-789" }));
        });
    }

    [Test]
    public void LinesWrittenFromManyThreadsAtOnce_EachLandWhole_WithThePromptOnceAtTheBottom()
    {
        var terminal = new ScreenModel(width: 60, height: 50);
        using var screen = new TerminalCallScreen(terminal);
        terminal.Type("say hello");

        Parallel.For(0, 40, i => screen.WriteLine($"[0:{i:00}] · note number {i}"));

        var rows = terminal.Rows;
        Assert.Multiple(() =>
        {
            Assert.That(rows.Take(40).Order(), Is.EqualTo(Enumerable.Range(0, 40).Select(i => $"[0:{i:00}] · note number {i}").Order()));
            Assert.That(rows.Skip(40).Single(), Does.StartWith(">"));
        });
    }

    /// <summary>Piped or redirected (a script, a test, <c>ivr call &lt; file</c>): no prompt, and the very lines as before.</summary>
    [TestCase(true)]
    [TestCase(false)]
    public async Task AnythingButThisProcesssTerminal_GetsPlainLines(bool inputIsTerminal)
    {
        var output = new StringWriter();
        using var screen = CallScreen.For(new StringReader("1\nsay billing\n"), output, inputIsTerminal);

        screen.WriteLine("[0:00] IVR: Hello.");
        var lines = new[] { await screen.ReadLineAsync(), await screen.ReadLineAsync(), await screen.ReadLineAsync() };

        Assert.Multiple(() =>
        {
            Assert.That(screen, Is.TypeOf<PlainCallScreen>());
            Assert.That(output.ToString(), Is.EqualTo("[0:00] IVR: Hello." + Environment.NewLine));
            Assert.That(lines, Is.EqualTo(new[] { new CallerLine("1", 1), new CallerLine("say billing", 11), null }));
        });
    }

    private static async Task WhenAsync(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition() && waited.Elapsed < Patience) await Task.Delay(10);
        Assert.That(condition(), Is.True);
    }
}
