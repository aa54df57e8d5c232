using IvrEngine.Menus;

namespace IvrEngine.Tests.Menus;

/// <summary>
/// A syntax error is said as a person editing the file would put it, naming the line to fix (often
/// not the line where the reader noticed it), whatever comments and strings stand in between.
/// </summary>
public sealed class JsonSyntaxHintTests
{
    [Test]
    public void MissingCommaAtTheEndOfALine_NamesThatLine()
    {
        var diagnostic = Unreadable("{\n  \"name\": \"x\"\n  \"start\": \"main\"\n}");

        Assert.That(diagnostic.Message, Is.EqualTo("the file is not valid JSON: missing comma after line 2? A value ends there and another starts on line 3 (a '\"')"));
        Assert.That((diagnostic.Line, diagnostic.Column), Is.EqualTo((3, 3)));
    }

    [Test]
    public void MissingComma_LooksPastCommentsAndBlankLinesForTheLineToFix()
    {
        var diagnostic = Unreadable("{\n  \"name\": \"x\" // the line's name, \"quoted\" {\n\n  /* next: where calls start ] */\n  \"start\": \"main\"\n}");

        Assert.That(diagnostic.Message, Does.StartWith("the file is not valid JSON: missing comma after line 2? A value ends there and another starts on line 5"));
    }

    [Test]
    public void MissingCommaInsideOneLine_SaysCommaOrQuote()
    {
        var diagnostic = Unreadable("{ \"name\": \"x\" \"start\": \"main\" }");

        Assert.That(diagnostic.Message, Is.EqualTo("the file is not valid JSON: missing comma, or a quote too many or too few, on line 1 before a '\"'?"));
    }

    [Test]
    public void UnclosedQuote_NamesItsLine()
    {
        var diagnostic = Unreadable("{\n  \"name\": \"x,\n  \"start\": \"main\"\n}");

        Assert.That(diagnostic.Message, Is.EqualTo("the file is not valid JSON: unclosed quote on line 2? Text must end with \" on the line where it starts (write \\n for a line break)"));
        Assert.That(diagnostic.Line, Is.EqualTo(2));
    }

    [Test]
    public void UnclosedQuoteAtTheEndOfTheFile_NamesWhereTheTextStarts()
    {
        var diagnostic = Unreadable("{\n  \"name\": \"x\",\n  \"start\": \"main");

        Assert.That(diagnostic.Message, Is.EqualTo("the file is not valid JSON: unclosed quote on line 3? The file ends inside that text"));
    }

    [Test]
    public void MissingClosingBrace_NamesTheLineOfTheBraceLeftOpen()
    {
        var diagnostic = Unreadable("{\n  \"name\": \"x\",\n  \"nodes\": {\n    \"main\": { \"prompt\": \"Hi\" }\n");

        Assert.That(diagnostic.Message, Is.EqualTo("the file is not valid JSON: missing '}'? The file ends with the '{' on line 3 still open"));
    }

    [Test]
    public void AListLeftOpenBeforeTheNextProperty_NamesTheLineOfItsBracket()
    {
        var diagnostic = Unreadable("{\n  \"locales\": [\"en-US\",\n  \"name\": \"x\"\n}");

        Assert.That(diagnostic.Message, Is.EqualTo("the file is not valid JSON: missing ']'? The '[' on line 2 is still open where a property's ':' follows on line 3"));
    }

    [Test]
    public void AClosingBracketOfTheWrongKind_SaysWhichOneIsOpen()
    {
        var diagnostic = Unreadable("{\n  \"nodes\": {\n    \"main\": { \"prompt\": \"Hi\" }\n  ]\n}");

        Assert.That(diagnostic.Message, Is.EqualTo("the file is not valid JSON: missing '}'? The ']' on line 4 cannot close the '{' opened on line 2"));
    }

    [Test]
    public void ABraceTooMany_IsSaidAsSuch()
    {
        var diagnostic = Unreadable("{\n  \"name\": \"x\"\n}\n}");

        Assert.That(diagnostic.Message, Is.EqualTo("the file is not valid JSON: more follows the end of the file's object on line 4: a '}' too many earlier closed it too soon?"));
    }

    [Test]
    public void MissingColon_NamesThePropertyLine()
    {
        var diagnostic = Unreadable("{\n  \"name\" \"x\"\n}");

        Assert.That(diagnostic.Message, Is.EqualTo("the file is not valid JSON: missing ':' after the property name on line 2? A name is followed by ':' and its value"));
    }

    [Test]
    public void UnquotedPropertyName_ShowsItQuoted()
    {
        var diagnostic = Unreadable("{\n  name: \"x\"\n}");

        Assert.That(diagnostic.Message, Is.EqualTo("the file is not valid JSON: property names take double quotes on line 2: \"name\""));
    }

    [TestCase("{ \"name\": 'x' }", "text takes double quotes, not single ones, on line 1")]
    [TestCase("{ 'name': \"x\" }", "property names take double quotes, not single ones, on line 1")]
    [TestCase("{ \"enabled\": True }", "'True' on line 1 is not a JSON value: put text in double quotes, or write true, false or null in lower case")]
    [TestCase("{ \"locales\": [\"en-US\",, \"ru-RU\"] }", "a value is missing before the comma on line 1 (two commas in a row?)")]
    [TestCase("{ \"name\": }", "a value is missing before the '}' on line 1")]
    public void CommonHandEditingMistakes_AreNamed(string json, string hint)
    {
        Assert.That(Unreadable(json).Message, Is.EqualTo($"the file is not valid JSON: {hint}"));
    }

    [Test]
    public void AnUnusualError_KeepsTheReadersOwnWords()
    {
        var diagnostic = Unreadable("{ \"n\": 1e }");

        Assert.That(diagnostic.Message, Does.StartWith("the file is not valid JSON: "));
        Assert.That(diagnostic.Message, Does.Not.Contain("LineNumber"));
    }

    private static MenuDiagnostic Unreadable(string json) => DiagnosticAssert.Unreadable(MenuLoader.Load(json, "hand-edited.json"));
}
