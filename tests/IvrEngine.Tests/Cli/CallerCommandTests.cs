using IvrEngine.Cli.Console;
using NodaTime;

namespace IvrEngine.Tests.Cli;

public sealed class CallerCommandTests
{
    [TestCase("1", "1")]
    [TestCase("00", "00")]
    [TestCase("21#", "21#")]
    [TestCase("*", "*")]
    [TestCase("1 0", "10")]
    [TestCase("  4 8\t1 5  ", "4815")]
    [TestCase("*#*#", "*#*#")]
    public void DigitsStarsAndPounds_ArePressedAsKeys_IgnoringSpaces(string line, string keys)
    {
        Assert.That(CallerCommand.Parse(line), Is.EqualTo(new CallerCommand.PressKeys(keys)));
    }

    [TestCase("say I want billing", "I want billing")]
    [TestCase("SAY x", "x")]
    [TestCase("Say   pay my bill  ", "pay my bill")]
    [TestCase("say 1 2 3", "1 2 3")]
    [TestCase("say соедините с оператором", "соедините с оператором")]
    public void Say_SpeaksTheRestOfTheLine(string line, string utterance)
    {
        Assert.That(CallerCommand.Parse(line), Is.EqualTo(new CallerCommand.SayWords(utterance)));
    }

    [TestCase("say")]
    [TestCase("say   ")]
    public void Say_WithNothingToSay_IsUnknownWithAHint(string line)
    {
        var command = CallerCommand.Parse(line);

        Assert.That(command, Is.TypeOf<CallerCommand.Unknown>());
        Assert.That(((CallerCommand.Unknown)command).Message, Does.Contain("say billing"));
    }

    [TestCase("wait 5", 5.0)]
    [TestCase("wait 2.5", 2.5)]
    [TestCase("wait 5s", 5.0)]
    [TestCase("wait 2m", 120.0)]
    [TestCase("WAIT 10", 10.0)]
    [TestCase("wait 0.1", 0.1)]
    [TestCase("wait 86400", 86_400.0)]
    [TestCase("wait 250ms", 0.25)]
    [TestCase("wait 5h", 18_000.0)]
    public void Wait_WithATime_LetsThatMuchTimePass(string line, double seconds)
    {
        Assert.That(CallerCommand.Parse(line), Is.EqualTo(new CallerCommand.Wait(Duration.FromSeconds(seconds))));
    }

    [Test]
    public void Wait_Alone_WaitsForTheLineToAct()
    {
        Assert.That(CallerCommand.Parse("wait"), Is.EqualTo(new CallerCommand.Wait(null)));
    }

    [TestCase("wait -1")]
    [TestCase("wait 0")]
    [TestCase("wait abc")]
    [TestCase("wait 25h")]
    [TestCase("wait 5d")]
    [TestCase("wait 86401")]
    [TestCase("wait NaN")]
    [TestCase("wait Infinity")]
    [TestCase("wait 1,5")]
    public void Wait_WithSomethingThatIsNotATime_IsUnknownWithAnExample(string line)
    {
        var command = CallerCommand.Parse(line);

        Assert.That(command, Is.TypeOf<CallerCommand.Unknown>());
        Assert.That(((CallerCommand.Unknown)command).Message, Does.Contain("is not a time to wait").And.Contain("wait 5"));
    }

    [TestCase("hangup")]
    [TestCase("hang up")]
    [TestCase("HANG UP")]
    [TestCase("Hangup")]
    [TestCase("bye")]
    [TestCase("quit")]
    [TestCase("exit")]
    public void HangUp_HasSeveralSpellings(string line)
    {
        Assert.That(CallerCommand.Parse(line), Is.TypeOf<CallerCommand.HangUp>());
    }

    [TestCase("where", typeof(CallerCommand.Where))]
    [TestCase("WHERE", typeof(CallerCommand.Where))]
    [TestCase("help", typeof(CallerCommand.Help))]
    [TestCase("?", typeof(CallerCommand.Help))]
    [TestCase("", typeof(CallerCommand.Nothing))]
    [TestCase("   ", typeof(CallerCommand.Nothing))]
    [TestCase("\t", typeof(CallerCommand.Nothing))]
    public void OtherCommands_AreRecognised(string line, Type expected)
    {
        Assert.That(CallerCommand.Parse(line), Is.TypeOf(expected));
    }

    [TestCase("1a")]
    [TestCase("a1")]
    [TestCase("hang")]
    [TestCase("hang on")]
    [TestCase("billing")]
    [TestCase("#say")]
    [TestCase("-1")]
    public void AnythingElse_IsUnknown_QuotingTheLineAndListingWhatWorks(string line)
    {
        var command = CallerCommand.Parse(line);

        Assert.That(command, Is.TypeOf<CallerCommand.Unknown>());
        Assert.That(((CallerCommand.Unknown)command).Message, Does.Contain($"'{line}'").And.Contain(CallerCommand.Usage));
    }

    [Test]
    public void UnknownCommandWithControlCharacters_EchoesThemEscaped()
    {
        var command = CallerCommand.Parse("fro\u001b[2J\u0000b\u202e");

        Assert.That(command, Is.EqualTo(new CallerCommand.Unknown($"Unknown command 'fro\\u001b[2J\\u0000b\\u202e'. Try: {CallerCommand.Usage}.")));
    }

    [Test]
    public void WaitWithAnEscapeSequence_EchoesItEscaped()
    {
        var command = CallerCommand.Parse("wait \u001b[2J");

        Assert.That(command, Is.EqualTo(new CallerCommand.Unknown("'\\u001b[2J' is not a time to wait; write e.g. wait 5 (seconds) or wait 2m, up to a day.")));
    }

    [TestCase("press 1", "1")]
    [TestCase("PRESS 12 34#", "1234#")]
    public void Press_AsInFlows_PressesTheKeys(string line, string keys)
    {
        Assert.That(CallerCommand.Parse(line), Is.EqualTo(new CallerCommand.PressKeys(keys)));
    }

    [TestCase("press")]
    [TestCase("press x")]
    public void Press_WithoutKeys_SaysWhatToType(string line)
    {
        Assert.That(CallerCommand.Parse(line), Is.EqualTo(new CallerCommand.Unknown("Press which keys? For example: press 1 or press 1234#")));
    }
}
