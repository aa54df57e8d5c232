using IvrEngine.Menus.Diff;

namespace IvrEngine.Tests.Menus.Diff;

/// <summary>In a long prompt the words that changed are marked in git's word-diff notation, with a little context.</summary>
public sealed class WordDiffTests
{
    private const string Billing = "Billing and payments. To make a payment, press 1. To hear about your balance and due date, press 2. For the main menu, press 9.";

    [Test]
    public void AWordAdded_IsMarkedWithContext_AndTheRestElided()
    {
        var marked = WordDiff.Mark(Billing, Billing.Replace("a payment,", "a payment now,", StringComparison.Ordinal));

        Assert.That(marked, Is.EqualTo("… To make a payment{+ now+}, press 1. To …"));
    }

    [Test]
    public void WordsReplaced_ShowTheRemovedBeforeTheAdded()
    {
        var marked = WordDiff.Mark(Billing, Billing.Replace("To make a payment", "To pay", StringComparison.Ordinal));

        Assert.That(marked, Is.EqualTo("… and payments. To [-make a payment-]{+pay+}, press 1. To …"));
    }

    [Test]
    public void ChangesFarApart_AreShownSeparately()
    {
        var marked = WordDiff.Mark(Billing, Billing.Replace("Billing and", "Bills and", StringComparison.Ordinal).Replace("press 9", "press 9 or say main menu", StringComparison.Ordinal));

        Assert.That(marked, Is.EqualTo("[-Billing-]{+Bills+} and payments. To … main menu, press 9{+ or say main menu+}."));
    }

    [TestCase("customer care", "our care team")]
    [TestCase(Billing, "Thank you for calling. Goodbye and have a good day, we will call you later on today.")]
    [TestCase(Billing, Billing)]
    public void ShortTexts_Rewrites_AndEqualTexts_GetNoMarks(string before, string after)
    {
        Assert.That(WordDiff.Mark(before, after), Is.Null);
    }

    [Test]
    public void HugeTexts_AreNotComparedWordByWord()
    {
        var huge = string.Join(' ', Enumerable.Range(0, 3_000).Select(i => $"w{i}"));

        Assert.That(WordDiff.Mark(huge, huge + " more"), Is.Null);
    }
}
