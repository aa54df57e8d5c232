using IvrEngine.Calls;

namespace IvrEngine.Tests.Calls;

/// <summary>The rules of keyed number entry, step by step: what ends an entry, what a try is, and when the line gives up.</summary>
public sealed class CallbackNumberEntryTests
{
    private static NumberEntryStep Keys(CallbackNumberEntry entry, string keys)
    {
        var step = default(NumberEntryStep);
        foreach (var key in keys) step = entry.Key(key);
        return step;
    }

    [Test]
    public void DigitsAreCollected_UntilPound_ThenReadBack()
    {
        var entry = new CallbackNumberEntry("US");

        Assert.That(Keys(entry, "202555014").Outcome, Is.EqualTo(NumberEntryOutcome.Collecting));
        var step = Keys(entry, "3#");

        Assert.That(step, Is.EqualTo(new NumberEntryStep(NumberEntryOutcome.Prompt, "+12025550143")));
        Assert.That(entry.ReadingBack, Is.EqualTo("+12025550143"));
        Assert.That(entry.Key('1'), Is.EqualTo(new NumberEntryStep(NumberEntryOutcome.Confirmed, "+12025550143")));
    }

    [Test]
    public void APause_EndsTheEntry_ButOnlyAfterADigit()
    {
        var entry = new CallbackNumberEntry("US");

        Assert.That(entry.Pause().Outcome, Is.EqualTo(NumberEntryOutcome.Collecting), "nothing keyed: still waiting");
        Keys(entry, "2025550143");

        Assert.That(entry.Pause().Number, Is.EqualTo("+12025550143"));
    }

    [Test]
    public void EntryEndsByItself_AtEighteenDigits()
    {
        var entry = new CallbackNumberEntry("US");

        var step = Keys(entry, new string('9', CallbackNumberEntry.MaxDigits));

        Assert.That((step.Outcome, step.Problem), Is.EqualTo((NumberEntryOutcome.Prompt, NumberEntryProblem.Invalid)));
    }

    [Test]
    public void EveryKindOfMiss_UsesATry_AndTheThirdGivesUp()
    {
        var entry = new CallbackNumberEntry("US");

        var invalid = Keys(entry, "12345#");
        Keys(entry, "2025550143#");
        var again = entry.Key('2');
        var silence = entry.Silence();

        Assert.That((invalid.Problem, invalid.Detail), Is.EqualTo((NumberEntryProblem.Invalid, "not a valid phone number (5 digits); try 2 of 3")));
        Assert.That((again.Outcome, again.Problem, again.Detail), Is.EqualTo((NumberEntryOutcome.Prompt, NumberEntryProblem.AskedAgain, "the caller asked to enter it again; try 3 of 3")));
        Assert.That((silence.Outcome, silence.Problem, silence.Detail), Is.EqualTo((NumberEntryOutcome.GaveUp, NumberEntryProblem.Silence, "no digits entered; 3 tries used")));
    }

    [Test]
    public void AtTheReadBack_AnotherKey_IsNotAChoice_AndTheNumberIsKept()
    {
        var entry = new CallbackNumberEntry("US");
        Keys(entry, "2025550143#");

        var step = entry.Key('7');

        Assert.That((step.Outcome, step.Number, step.Problem), Is.EqualTo((NumberEntryOutcome.Prompt, "+12025550143", NumberEntryProblem.NotAChoice)));
        Assert.That(entry.Key('1').Outcome, Is.EqualTo(NumberEntryOutcome.Confirmed));
    }

    [TestCase("")]
    [TestCase("2025")]
    [TestCase("2025550143#")]
    public void StarCancels_AtAnyPoint(string before)
    {
        var entry = new CallbackNumberEntry("US");
        Keys(entry, before);

        Assert.That(entry.Key('*').Outcome, Is.EqualTo(NumberEntryOutcome.Cancelled));
    }

    [Test]
    public void SpokenDigits_AreAnEntry_AndOtherWordsAreNot()
    {
        var entry = new CallbackNumberEntry("US");

        var words = entry.Speech("my number is");
        var digits = entry.Speech("два ноль два пять пять пять ноль один четыре три");

        Assert.That(words.Problem, Is.EqualTo(NumberEntryProblem.Invalid));
        Assert.That(digits.Number, Is.EqualTo("+12025550143"));
        Assert.That(entry.Speech("yes").Problem, Is.EqualTo(NumberEntryProblem.NotAChoice), "at the read-back, 1 or 2");
    }
}
