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

    /// <summary>
    /// CJK characters take two cells each: "> say " and seven of them fill a 20-cell row exactly, and in a
    /// 21-cell row the eighth does not fit in the last cell and starts the next row, leaving it blank.
    /// </summary>
    [TestCase(20, false)]
    [TestCase(20, true)]
    [TestCase(21, false)]
    [TestCase(21, true)]
    public void APromptOfWideCharacters_WrapsWhereTheTerminalWrapsIt_AndIsErasedWhole(int width, bool likeDotNet)
    {
        var (screen, prompt) = Shown(width: width, likeDotNet: likeDotNet);
        Type(prompt, "say 我想和客服人员通话");

        Assert.Multiple(() =>
        {
            Assert.That(screen.Rows, Is.EqualTo(new[] { "> say 我想和客服人员", "通话" }));
            Assert.That(screen.Cursor, Is.EqualTo((4, 1)));
        });

        prompt.PrintAbove("[0:10] · listening");
        Assert.Multiple(() =>
        {
            Assert.That(screen.Rows, Is.EqualTo(new[] { "[0:10] · listening", "> say 我想和客服人员", "通话" }));
            Assert.That(screen.Cursor, Is.EqualTo((4, 2)));
        });

        // Back over the wrap: the second row goes, the first is whole again, the cursor after its last character.
        Type(prompt, "\b\b");
        prompt.PrintAbove("[0:11] · no input");
        Assert.Multiple(() =>
        {
            Assert.That(prompt.Typed, Is.EqualTo("say 我想和客服人员"));
            Assert.That(screen.Rows, Is.EqualTo(new[] { "[0:10] · listening", "[0:11] · no input", "> say 我想和客服人员" }));
            Assert.That(screen.Cursor, Is.EqualTo(width == 20 ? (0, 3) : (20, 2)));
        });
    }

    /// <summary>In an 11-cell row, "> say 中文" leaves one cell, too narrow for 字: it starts the next row.</summary>
    [TestCase(false)]
    [TestCase(true)]
    public void Backspace_OverAWideCharacterPushedToTheNextRow_TakesThatRowAway(bool likeDotNet)
    {
        var (screen, prompt) = Shown(width: 11, likeDotNet: likeDotNet);
        Type(prompt, "say 中文字");
        Assert.Multiple(() =>
        {
            Assert.That(screen.Rows, Is.EqualTo(new[] { "> say 中文", "字" }));
            Assert.That(screen.Cursor, Is.EqualTo((2, 1)));
        });

        Type(prompt, "\b");

        Assert.Multiple(() =>
        {
            Assert.That(prompt.Typed, Is.EqualTo("say 中文"));
            Assert.That(screen.Rows, Is.EqualTo(new[] { "> say 中文" }));
            Assert.That(screen.Cursor, Is.EqualTo((10, 0)));
        });

        Type(prompt, "\b");
        Assert.Multiple(() =>
        {
            Assert.That(screen.Rows, Is.EqualTo(new[] { "> say 中" }));
            Assert.That(screen.Cursor, Is.EqualTo((8, 0)));
        });
    }

    /// <summary>An emoji is typed as two keys (its surrogates), takes two cells, and one Backspace erases the whole of it.</summary>
    [TestCase(false)]
    [TestCase(true)]
    public void Emoji_TakeTwoCells_AndBackspaceErasesAWholeOne(bool likeDotNet)
    {
        var (screen, prompt) = Shown(width: 10, likeDotNet: likeDotNet);
        Type(prompt, "say 😀😀😀");

        Assert.Multiple(() =>
        {
            Assert.That(screen.Rows, Is.EqualTo(new[] { "> say 😀😀", "😀" }));
            Assert.That(screen.Cursor, Is.EqualTo((2, 1)));
        });

        Type(prompt, "\b");
        prompt.PrintAbove("note");

        Assert.Multiple(() =>
        {
            Assert.That(prompt.Typed, Is.EqualTo("say 😀😀"));
            Assert.That(screen.Rows, Is.EqualTo(new[] { "note", "> say 😀😀" }));
            Assert.That(screen.Cursor, Is.EqualTo((0, 2)), "a drawing that fills its row steps onto the next");
        });
    }

    [Test]
    public void AnEmojiHalfTypedWhenALineArrives_IsShownWholeOnceItsSecondHalfComes()
    {
        var (screen, prompt) = Shown(width: 10);
        Type(prompt, "say \ud83d");

        prompt.PrintAbove("note");
        Assert.That(screen.Rows, Is.EqualTo(new[] { "note", "> say" }));

        Type(prompt, "\ude00");
        Assert.Multiple(() =>
        {
            Assert.That(prompt.Typed, Is.EqualTo("say 😀"));
            Assert.That(screen.Rows, Is.EqualTo(new[] { "note", "> say 😀" }));
            Assert.That(screen.Cursor, Is.EqualTo((8, 1)));
        });
    }

    [Test]
    public void ALetterWithACombiningAccent_TakesOneCell_AndBackspaceErasesItWithItsAccent()
    {
        var (screen, prompt) = Shown();
        Type(prompt, "say cafe\u0301 au lait");
        Assert.That(screen.Rows, Is.EqualTo(new[] { "> say cafe\u0301 au lait" }));
        Assert.That(screen.Cursor, Is.EqualTo((18, 0)));

        Type(prompt, new string('\b', 9));

        Assert.Multiple(() =>
        {
            Assert.That(prompt.Typed, Is.EqualTo("say caf"));
            Assert.That(screen.Rows, Is.EqualTo(new[] { "> say caf" }));
            Assert.That(screen.Cursor, Is.EqualTo((9, 0)));
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
