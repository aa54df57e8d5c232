using IvrEngine.Cli.Console;

namespace IvrEngine.Tests.Cli;

/// <summary>
/// The '> ' prompt of <c>ivr call</c> at a terminal, drawn on a model of the screen: what is typed stays
/// on the bottom line, whole, while the call's lines arrive above it.
/// </summary>
public sealed class CallerPromptTests
{
    private static (ScreenModel Screen, CallerPrompt Prompt) Shown(int width = 40, int height = 10, bool likeDotNet = false)
    {
        var screen = new ScreenModel(width, height) { ReportsLikeDotNet = likeDotNet };
        var prompt = new CallerPrompt(screen);
        prompt.Show();
        return (screen, prompt);
    }

    private static List<PromptKey> Type(CallerPrompt prompt, string keys) => keys.Select(c => prompt.Press(ScreenModel.Key(c))).ToList();

    [Test]
    public void TypedKeys_ShowAfterThePrompt_WithTheCursorAtTheirEnd()
    {
        var (screen, prompt) = Shown();

        var results = Type(prompt, "12");

        Assert.Multiple(() =>
        {
            Assert.That(screen.Rows, Is.EqualTo(new[] { "> 12" }));
            Assert.That(screen.Cursor, Is.EqualTo((4, 0)));
            Assert.That(prompt.Typed, Is.EqualTo("12"));
            Assert.That(results, Is.All.TypeOf<PromptKey.Editing>());
        });
    }

    [Test]
    public void Backspace_ErasesTheLastCharacter_AndNothingOnAnEmptyLine()
    {
        var (screen, prompt) = Shown();

        Type(prompt, "123\b");
        Assert.That(screen.Rows, Is.EqualTo(new[] { "> 12" }));
        Assert.That(screen.Cursor, Is.EqualTo((4, 0)));

        Type(prompt, "\b\b\b\b");
        Assert.Multiple(() =>
        {
            Assert.That(screen.Rows, Is.EqualTo(new[] { ">" }));
            Assert.That(screen.Cursor, Is.EqualTo((2, 0)));
            Assert.That(prompt.Typed, Is.Empty);
        });
    }

    [Test]
    public void ALineArrivingMidTyping_IsPrintedAbove_AndTheHalfTypedLineIsDrawnAgainUnderIt()
    {
        var (screen, prompt) = Shown();
        Type(prompt, "12");

        prompt.PrintAbove("[0:22] · no input (retry 1 of 2)");

        Assert.Multiple(() =>
        {
            Assert.That(screen.Rows, Is.EqualTo(new[] { "[0:22] · no input (retry 1 of 2)", "> 12" }));
            Assert.That(screen.Cursor, Is.EqualTo((4, 1)));
            Assert.That(prompt.Typed, Is.EqualTo("12"));
        });

        // Typing goes on where it left off.
        Type(prompt, "3");
        Assert.That(screen.Rows[^1], Is.EqualTo("> 123"));
    }

    [Test]
    public void ColouredAndSeveralLineOutput_LandsAboveThePrompt_LineByLine()
    {
        var (screen, prompt) = Shown();
        Type(prompt, "say hi");

        prompt.PrintAbove("\u001b[1m[0:05] IVR: Pay your bill, 1.\n            Billing, 2.\u001b[0m");
        prompt.PrintAbove("\u001b[2m[0:05] · listening\u001b[0m");

        Assert.That(screen.Rows, Is.EqualTo(new[] { "[0:05] IVR: Pay your bill, 1.", "            Billing, 2.", "[0:05] · listening", "> say hi" }));
        Assert.That(screen.Cursor, Is.EqualTo((8, 3)));
    }

    [Test]
    public void Enter_EntersTheLine_LeavesItOnTheScreen_AndStartsAnEmptyPromptUnderIt()
    {
        var (screen, prompt) = Shown();

        var results = Type(prompt, "12\n");

        Assert.Multiple(() =>
        {
            Assert.That(results[^1], Is.EqualTo(new PromptKey.Entered("12")));
            Assert.That(screen.Rows, Is.EqualTo(new[] { "> 12", ">" }));
            Assert.That(screen.Cursor, Is.EqualTo((2, 1)));
            Assert.That(prompt.Typed, Is.Empty);
        });

        // What the call prints next goes between the entered line and the new prompt.
        prompt.PrintAbove("[0:30] · chose 'pay-bill'");
        Assert.That(screen.Rows, Is.EqualTo(new[] { "> 12", "[0:30] · chose 'pay-bill'", ">" }));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void APromptWrappedOverSeveralRows_IsErasedWhole_AndDrawnAgainUnderTheOutput(bool likeDotNet)
    {
        var (screen, prompt) = Shown(width: 20, likeDotNet: likeDotNet);
        Type(prompt, "say I want to talk to a person");

        Assert.That(screen.Rows, Is.EqualTo(new[] { "> say I want to talk", " to a person" }));
        prompt.PrintAbove("[0:10] · listening");

        Assert.Multiple(() =>
        {
            Assert.That(screen.Rows, Is.EqualTo(new[] { "[0:10] · listening", "> say I want to talk", " to a person" }));
            Assert.That(screen.Cursor, Is.EqualTo((12, 2)));
        });

        // Backspace back over the wrap: the second row goes, the first is whole again.
        Type(prompt, new string('\b', 13));
        Assert.Multiple(() =>
        {
            Assert.That(screen.Rows, Is.EqualTo(new[] { "[0:10] · listening", "> say I want to tal" }));
            Assert.That(screen.Cursor, Is.EqualTo((19, 1)));
        });
    }

    [TestCase(false)]
    [TestCase(true)]
    public void APromptAtTheBottom_StaysWholeAsTheScreenScrolls(bool likeDotNet)
    {
        var (screen, prompt) = Shown(width: 20, height: 4, likeDotNet: likeDotNet);
        Type(prompt, "say I want to talk to a person");

        for (var second = 1; second <= 5; second++) prompt.PrintAbove($"[0:0{second}] · note {second}");

        Assert.Multiple(() =>
        {
            Assert.That(screen.Rows, Is.EqualTo(new[] { "[0:04] · note 4", "[0:05] · note 5", "> say I want to talk", " to a person" }));
            Assert.That(screen.Cursor, Is.EqualTo((12, 3)));
            Assert.That(screen.ScrolledOff, Is.EqualTo(3));
        });

        // Typing on past the bottom row scrolls the screen; the next line still finds the prompt's first row.
        Type(prompt, " about my bill");
        prompt.PrintAbove("[0:06] · note 6");
        Assert.That(screen.Rows, Is.EqualTo(new[] { "[0:06] · note 6", "> say I want to talk", " to a person about m", "y bill" }));
    }

    /// <summary>
    /// Where the prompt or a line exactly fills its row, the terminal holds the cursor at the margin and
    /// .NET counts it on the next row; with either count the prompt must be found and erased whole.
    /// </summary>
    [TestCase(false)]
    [TestCase(true)]
    public void LinesThatExactlyFillTheirRows_KeepThePromptWhole(bool likeDotNet)
    {
        var (screen, prompt) = Shown(width: 20, height: 6, likeDotNet: likeDotNet);
        Type(prompt, "say 12345678901234");
        Assert.That(screen.Rows, Is.EqualTo(new[] { "> say 12345678901234" }));

        prompt.PrintAbove(new string('a', 20));
        prompt.PrintAbove(new string('b', 40));

        Assert.Multiple(() =>
        {
            Assert.That(screen.Rows, Is.EqualTo(new[] { new string('a', 20), new string('b', 20), new string('b', 20), "> say 12345678901234" }));
            Assert.That(screen.Cursor, Is.EqualTo((0, 4)));
        });

        // Enter on a full row: the entered line stays, with no blank row before the next prompt.
        var entered = prompt.Press(ScreenModel.Key('\n'));
        prompt.PrintAbove("[0:01] · ignored");
        Assert.Multiple(() =>
        {
            Assert.That(entered, Is.EqualTo(new PromptKey.Entered("say 12345678901234")));
            Assert.That(screen.Rows.Skip(1), Is.EqualTo(new[] { new string('b', 20), new string('b', 20), "> say 12345678901234", "[0:01] · ignored", ">" }));
        });
    }

    [Test]
    public void CtrlD_EndsTheInputOnAnEmptyLineOnly_AndCtrlU_ClearsTheLine()
    {
        var (screen, prompt) = Shown();
        Type(prompt, "say hello");

        Assert.That(prompt.Press(ScreenModel.Control(ConsoleKey.D)), Is.TypeOf<PromptKey.Editing>(), "a stray Ctrl+D must not lose a typed line");
        Assert.That(prompt.Typed, Is.EqualTo("say hello"));

        prompt.Press(ScreenModel.Control(ConsoleKey.U));
        Assert.Multiple(() =>
        {
            Assert.That(prompt.Typed, Is.Empty);
            Assert.That(screen.Rows, Is.EqualTo(new[] { ">" }));
        });

        Assert.That(prompt.Press(ScreenModel.Control(ConsoleKey.D)), Is.TypeOf<PromptKey.Ended>());
    }

    [Test]
    public void UpAndDown_BringBackEnteredLines_AndThenTheLineBeingTyped()
    {
        var (screen, prompt) = Shown();
        var up = new ConsoleKeyInfo('\0', ConsoleKey.UpArrow, false, false, false);
        var down = new ConsoleKeyInfo('\0', ConsoleKey.DownArrow, false, false, false);
        // An empty line and a repeat of the last are not kept twice.
        Type(prompt, "1\nsay billing\n\nsay billing\nwa");

        prompt.Press(up);
        Assert.That(screen.Rows[^1], Is.EqualTo("> say billing"));
        prompt.Press(up);
        prompt.Press(up);
        Assert.That(prompt.Typed, Is.EqualTo("1"), "no further back than the first line");
        prompt.Press(down);
        Assert.That(prompt.Typed, Is.EqualTo("say billing"));
        prompt.Press(down);
        prompt.Press(down);
        Assert.Multiple(() =>
        {
            Assert.That(prompt.Typed, Is.EqualTo("wa"), "the half-typed line comes back");
            Assert.That(screen.Rows[^1], Is.EqualTo("> wa"));
            Assert.That(screen.Cursor, Is.EqualTo((4, 4)));
        });

        // A recalled line is entered as typed.
        prompt.Press(up);
        Assert.That(prompt.Press(ScreenModel.Key('\n')), Is.EqualTo(new PromptKey.Entered("say billing")));
    }

    [Test]
    public void ControlKeys_EditNothing_AndTypedEscapesShowAsText()
    {
        var (screen, prompt) = Shown();

        prompt.Press(new ConsoleKeyInfo('\0', ConsoleKey.LeftArrow, false, false, false));
        prompt.Press(new ConsoleKeyInfo('\t', ConsoleKey.Tab, false, false, false));
        prompt.Press(new ConsoleKeyInfo('\u001b', ConsoleKey.Escape, false, false, false));
        Type(prompt, "say \u202eab");

        Assert.Multiple(() =>
        {
            Assert.That(prompt.Typed, Is.EqualTo("say \u202eab"));
            // A bidi override would reorder the screen: it is shown, not obeyed.
            Assert.That(screen.Rows, Is.EqualTo(new[] { "> say \\u202eab" }));
            Assert.That(screen.Cursor, Is.EqualTo((14, 0)));
        });
    }

    [Test]
    public void ALineIsKeptNoLongerThanTheConsoleReads()
    {
        var (_, prompt) = Shown(width: 80, height: 30);

        Type(prompt, new string('1', CallerLineReader.MaxLineLength + 5));

        Assert.That(prompt.Typed, Has.Length.EqualTo(CallerLineReader.MaxLineLength));
    }

    [Test]
    public void Close_TakesThePromptOffTheScreen()
    {
        var (screen, prompt) = Shown(width: 30);
        prompt.PrintAbove("[0:00] · call started");
        Type(prompt, "say I want to talk to a person");

        prompt.Close();
        prompt.PrintAbove("Reference: 123-456-789");

        Assert.That(screen.Rows, Is.EqualTo(new[] { "[0:00] · call started", "Reference: 123-456-789" }));
    }
}
