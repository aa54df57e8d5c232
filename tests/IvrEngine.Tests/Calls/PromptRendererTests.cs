using IvrEngine.Calls;

namespace IvrEngine.Tests.Calls;

public sealed class PromptRendererTests
{
    private static readonly Dictionary<string, string> Values = new()
    {
        ["name"] = "Ann",
        ["reference"] = "482-173-359",
        ["order_2"] = "4815",
        ["code"] = "12*#",
    };

    private static string Render(string template) => PromptRenderer.Render(template, name => Values.GetValueOrDefault(name));

    [TestCase("Hello {name}.", "Hello Ann.")]
    [TestCase("{name}", "Ann")]
    [TestCase("{name}{name}", "AnnAnn")]
    [TestCase("{order_2} shipped", "4815 shipped")]
    [TestCase("Your reference is {reference}.", "Your reference is 482-173-359.")]
    public void Placeholder_IsReplacedByItsValue(string template, string expected)
    {
        Assert.That(Render(template), Is.EqualTo(expected));
    }

    [TestCase("{reference:digits}", "4 8 2, 1 7 3, 3 5 9")]
    [TestCase("Order {order_2:digits}.", "Order 4 8 1 5.")]
    [TestCase("Code {code:digits}", "Code 1 2 * #")]
    public void DigitsPlaceholder_ReadsTheValueOneDigitAtATime(string template, string expected)
    {
        Assert.That(Render(template), Is.EqualTo(expected));
    }

    [TestCase("Hi {nobody}!", "Hi !")]
    [TestCase("[{nobody:digits}]", "[]")]
    public void UnknownPlaceholder_BecomesEmpty(string template, string expected)
    {
        Assert.That(Render(template), Is.EqualTo(expected));
    }

    [TestCase("No braces at all.")]
    [TestCase("{}")]
    [TestCase("{ name }")]
    [TestCase("{1st}")]
    [TestCase("{name:upper}")]
    [TestCase("{name:}")]
    [TestCase("{:digits}")]
    [TestCase("{na-me}")]
    [TestCase("json {\"a\": 1}")]
    [TestCase("a } b")]
    public void BracesThatAreNotAPlaceholder_StayAsWritten(string template)
    {
        Assert.That(Render(template), Is.EqualTo(template));
    }

    [TestCase("Press {name", "Press {name")]
    [TestCase("{", "{")]
    [TestCase("{name} then {name", "Ann then {name")]
    [TestCase("{{name}}", "{{name}}")]
    public void UnclosedOrDoubledBraces_AreKeptVerbatim(string template, string expected)
    {
        Assert.That(Render(template), Is.EqualTo(expected));
    }

    [Test]
    public void Render_AsksTheLookupOnlyForRealPlaceholders()
    {
        var asked = new List<string>();

        PromptRenderer.Render("{a} {b:digits} {c:x} {1} {d", name =>
        {
            asked.Add(name);
            return null;
        });

        Assert.That(asked, Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void PlaceholderNames_ListsEveryPlaceholderInOrder()
    {
        Assert.That(PromptRenderer.PlaceholderNames("{a} {b:digits} {c:x} {1} {a} {d"), Is.EqualTo(new[] { "a", "b", "a" }));
    }

    [TestCase("482-173-359", "4 8 2, 1 7 3, 3 5 9")]
    [TestCase("482173359", "4 8 2 1 7 3 3 5 9")]
    [TestCase("482 173", "4 8 2, 1 7 3")]
    [TestCase("-12-", "1 2")]
    [TestCase("1--2", "1, 2")]
    [TestCase("", "")]
    [TestCase("---", "")]
    public void SpellDigits_TurnsSeparatorsIntoPauses(string value, string expected)
    {
        Assert.That(PromptRenderer.SpellDigits(value), Is.EqualTo(expected));
    }
}
