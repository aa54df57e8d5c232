using IvrEngine.Menus;

namespace IvrEngine.Tests.Menus;

/// <summary>Each problem code fires on a crafted file, at the exact line, column and JSON path.</summary>
public sealed class MenuLoaderDiagnosticTests
{
    [Test]
    public void Load_WrongType_SaysWhatWasExpectedAndWhatWasFound()
    {
        var json = SampleMenus.With("\"start\": \"main\"", "\"start\": 5");

        var diagnostic = DiagnosticAssert.At(json, "IVR0002", "5,", "$.start");

        Assert.That(diagnostic.Message, Is.EqualTo("start must be a string, but it is the number 5"));
    }

    [Test]
    public void Load_UnknownProperty_SuggestsTheClosestName()
    {
        var json = SampleMenus.With("\"noInput\": { \"retries\": 4 },", "\"noInput\": { \"retires\": 4 },");

        var diagnostic = DiagnosticAssert.At(json, "IVR0003", "\"retires\"", "$.nodes.main.noInput.retires");

        Assert.That(diagnostic.Message, Does.EndWith("did you mean 'retries'?"));
    }

    [Test]
    public void Load_UnknownPropertyFarFromAnyName_HasNoSuggestion()
    {
        var json = SampleMenus.With("\"start\": \"main\",", "\"start\": \"main\", \"colour\": \"blue\",");

        var diagnostic = DiagnosticAssert.At(json, "IVR0003", "\"colour\"", "$.colour");

        Assert.That(diagnostic.Message, Is.EqualTo("the menu has no property 'colour'"));
    }

    [Test]
    public void Load_MissingRequiredProperty_IsReportedAtItsObjectWithThePropertysPath()
    {
        var json = SampleMenus.With(
            "\"prompt\": { \"en-US\": \"Enter your account number.\", \"ru-RU\": \"Введите номер счёта.\" },", string.Empty);

        var diagnostic = DiagnosticAssert.At(json, "IVR0004", "{\n      \n", "$.nodes.billing.prompt");

        Assert.That(diagnostic.Message, Is.EqualTo("node 'billing' needs 'prompt'"));
    }

    [Test]
    public void Load_DuplicateNodeId_ReportsTheSecondAndNamesTheLineOfTheFirst()
    {
        var json = SampleMenus.With("\"goodbye\": {", "\"main\": { \"prompt\": { \"en-US\": \"x\", \"ru-RU\": \"x\" }, \"next\": { \"do\": \"back\" } },\n      \"goodbye\": {");
        var firstLine = SampleMenus.PositionOf(json, "\"main\": {").Line;

        var diagnostic = DiagnosticAssert.At(json, "IVR0005", "\"main\": { \"prompt\": { \"en-US\": \"x\"", "$.nodes.main");

        Assert.That(diagnostic.Message, Is.EqualTo($"node id 'main' is defined twice; the first definition is at line {firstLine}"));
    }

    [Test]
    public void Load_GotoMissingNode_NamesItAndSuggestsAnExistingOne()
    {
        var json = SampleMenus.With("\"goto\": \"billing\"", "\"goto\": \"biling\"");

        var diagnostic = DiagnosticAssert.At(json, "IVR0006", "\"biling\"", "$.nodes.main.options[0].goto");

        Assert.That(diagnostic.Message, Is.EqualTo("options[0] of node 'main' goes to node 'biling', which does not exist; did you mean 'billing'?"));
    }

    [Test]
    public void Load_DuplicateOptionKey_NamesTheKeyTheFirstOptionAndTheNode()
    {
        var json = SampleMenus.With("{ \"key\": \"2\",", "{ \"key\": \"1\",");

        var diagnostic = DiagnosticAssert.At(json, "IVR0007", "\"1\", \"say\": { \"en-US\": [\"goodbye\"]", "$.nodes.main.options[1].key");

        Assert.That(diagnostic.Message, Is.EqualTo("option key '1' is already used by options[0] in node 'main'"));
    }

    [Test]
    public void Load_DuplicatePhraseAfterNormalisation_IsAnError()
    {
        var json = SampleMenus.With("\"say\": { \"en-US\": [\"goodbye\"] }", "\"say\": { \"en-US\": [\"goodbye\"], \"ru-RU\": [\"ОПЛАТА!\"] }");

        var diagnostic = DiagnosticAssert.At(json, "IVR0008", "\"ОПЛАТА!\"", "$.nodes.main.options[1].say['ru-RU'][0]");

        Assert.That(diagnostic.Message, Is.EqualTo("phrase 'ОПЛАТА!' (ru-RU) is already used by options[0] in node 'main'"));
    }

    [Test]
    public void Load_KeyOutsideTheKeypad_IsABadKey()
    {
        var json = SampleMenus.With("{ \"key\": \"2\",", "{ \"key\": \"2a\",");

        var diagnostic = DiagnosticAssert.At(json, "IVR0009", "\"2a\"", "$.nodes.main.options[1].key");

        Assert.That(diagnostic.Message, Does.Contain("'2a'"));
    }

    [Test]
    public void Load_UnknownTimeZone_SuggestsTheIntendedZone()
    {
        var json = SampleMenus.With("\"America/New_York\"", "\"America/New_Yrok\"");

        var diagnostic = DiagnosticAssert.At(json, "IVR0010", "\"America/New_Yrok\"", "$.timeZone");

        Assert.That(diagnostic.Message, Does.EndWith("did you mean 'America/New_York'?"));
    }

    [Test]
    public void Load_StartNodeMissing_IsReportedAtStart()
    {
        var json = SampleMenus.With("\"start\": \"main\"", "\"start\": \"mian\"");

        var diagnostic = DiagnosticAssert.At(json, "IVR0011", "\"mian\"", "$.start");

        Assert.That(diagnostic.Message, Is.EqualTo("start node 'mian' does not exist; did you mean 'main'?"));
    }

    [Test]
    public void Load_TextMissingADeclaredLocale_NamesTheLocale()
    {
        var json = SampleMenus.With(", \"ru-RU\": \"До свидания.\"", string.Empty);

        var diagnostic = DiagnosticAssert.At(json, "IVR0012", "{ \"en-US\": \"Goodbye", "$.nodes.goodbye.next.hangup");

        Assert.That(diagnostic.Message, Is.EqualTo("'hangup' of next of node 'goodbye' has no 'ru-RU' text; every declared locale needs one"));
    }

    [Test]
    public void Load_LocaleWithoutBuiltInMessages_RequiresEveryMessage()
    {
        var json = SampleMenus.With("\"locales\": [\"en-US\", \"ru-RU\"]", "\"locales\": [\"en-US\", \"ru-RU\", \"de-DE\"]");

        var result = MenuLoader.Load(json, SampleMenus.Path);

        var missing = result.Diagnostics.Where(d => d.Code == "IVR0012" && d.JsonPath.StartsWith("$.messages.", StringComparison.Ordinal)).ToList();
        Assert.That(missing.Select(d => d.JsonPath), Is.EqualTo(new[]
        {
            "$.messages.noInput", "$.messages.invalid", "$.messages.invalidNumber", "$.messages.ambiguous", "$.messages.transfer", "$.messages.budgetExceeded", "$.messages.queuePosition", "$.messages.queueWait", "$.messages.queueWaitUnknown", "$.messages.queueOverflow",
        }));
        Assert.That(missing[0].Message, Does.Contain("'de-DE'"));
    }

    [Test]
    public void Load_UndeclaredQueue_IsAnUnknownQueue()
    {
        var json = SampleMenus.With("\"escape\": { \"to\": { \"queue\": \"general\" } }", "\"escape\": { \"to\": { \"queue\": \"genral\" } }");

        var diagnostic = DiagnosticAssert.At(json, "IVR0014", "\"genral\"", "$.defaults.escape.to.queue");

        Assert.That(diagnostic.Message, Does.EndWith("did you mean 'general'?"));
    }

    [Test]
    public void Load_OptionKeyThatIsAlsoAnEscapeKey_IsAnError()
    {
        var json = SampleMenus.With("{ \"key\": \"2\",", "{ \"key\": \"0\",");

        var diagnostic = DiagnosticAssert.At(json, "IVR0015", "\"0\", \"say\"", "$.nodes.main.options[1].key");

        Assert.That(diagnostic.Message, Does.StartWith("option key '0' in node 'main' is also an escape key"));
    }

    [Test]
    public void Load_PrefixKeys_WarnButTheMenuLoads()
    {
        var json = SampleMenus.With("{ \"key\": \"2\",", "{ \"key\": \"10\",");

        var diagnostic = DiagnosticAssert.At(json, "IVR0016", "\"10\"", "$.nodes.main.options[1].key");

        Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(diagnostic.Message, Does.StartWith("key '1' (options[0]) is a prefix of key '10' (options[1]) in node 'main'"));
        Assert.That(MenuLoader.Load(json, SampleMenus.Path).Succeeded, Is.True);
    }

    [Test]
    public void Load_OptionKeyPrefixedByAnEscapeKey_Warns()
    {
        var json = SampleMenus.With("{ \"key\": \"2\",", "{ \"key\": \"#5\",");

        DiagnosticAssert.At(json, "IVR0016", "\"#5\"", "$.nodes.main.options[1].key");
    }

    [Test]
    public void Load_InvalidPattern_IsReportedAtThePattern()
    {
        var json = SampleMenus.With("\"maxLength\": 10,", "\"maxLength\": 10, \"pattern\": \"^[0-9\",");

        DiagnosticAssert.At(json, "IVR0017", "\"^[0-9\"", "$.nodes.billing.collect.pattern");
    }

    [TestCase("\"noInput\": { \"retries\": 4 }", "\"noInput\": { \"seconds\": 0 }", "0 }", "$.nodes.main.noInput.seconds")]
    [TestCase("\"noInput\": { \"retries\": 4 }", "\"noInput\": { \"seconds\": 3601 }", "3601", "$.nodes.main.noInput.seconds")]
    [TestCase("\"noInput\": { \"retries\": 4 }", "\"noInput\": { \"retries\": 11 }", "11", "$.nodes.main.noInput.retries")]
    [TestCase("\"maxLength\": 10", "\"maxLength\": 65", "65", "$.nodes.billing.collect.maxLength")]
    [TestCase("\"minLength\": 6", "\"minLength\": 0", "0, \"maxLength\"", "$.nodes.billing.collect.minLength")]
    [TestCase("\"minLength\": 6", "\"minLength\": 12", "12", "$.nodes.billing.collect.minLength")]
    [TestCase("\"start\": \"main\",", "\"start\": \"main\", \"budget\": { \"maxFailedInputs\": 0 },", "0 }", "$.budget.maxFailedInputs")]
    public void Load_ValueOutOfRange_IsReportedAtTheValue(string fragment, string replacement, string needle, string path)
    {
        DiagnosticAssert.At(SampleMenus.With(fragment, replacement), "IVR0018", needle, path);
    }

    [Test]
    public void Load_StringLongerThanTenThousandCharacters_IsOutOfRange()
    {
        var json = SampleMenus.With("\"Goodbye, {callerId}.\"", $"\"{new string('x', 10_001)}\"");

        var diagnostic = DiagnosticAssert.At(json, "IVR0018", "\"xxx", "$.nodes.goodbye.next.hangup['en-US']");

        Assert.That(diagnostic.Message, Does.Contain("10,001 characters"));
    }

    [Test]
    public void Load_OptionWithTwoActions_IsReportedAtTheSecond()
    {
        var json = SampleMenus.With("\"goto\": \"goodbye\" }", "\"goto\": \"goodbye\", \"queue\": \"general\" }");

        var diagnostic = DiagnosticAssert.At(json, "IVR0019", "\"queue\": \"general\" },\n", "$.nodes.main.options[1].queue");

        Assert.That(diagnostic.Message, Is.EqualTo("options[1] of node 'main' has both 'goto' and 'queue'; an action has exactly one of goto, queue, hangup, callback or do"));
    }

    [Test]
    public void Load_OptionWithoutAction_IsReportedAtTheOption()
    {
        var json = SampleMenus.With(", \"goto\": \"goodbye\" }", " }");

        DiagnosticAssert.At(json, "IVR0019", "{ \"key\": \"2\"", "$.nodes.main.options[1]");
    }

    [Test]
    public void Load_UnknownDoVerb_SuggestsAKnownOne()
    {
        var json = SampleMenus.With("\"goto\": \"goodbye\" }", "\"do\": \"mainmenu\" }");

        var diagnostic = DiagnosticAssert.At(json, "IVR0019", "\"mainmenu\"", "$.nodes.main.options[1].do");

        Assert.That(diagnostic.Message, Does.EndWith("did you mean 'mainMenu'?"));
    }

    [Test]
    public void Load_UnknownPlaceholder_NamesItAndSuggestsTheVariable()
    {
        var json = SampleMenus.With("Account {accountNumber:digits}.", "Account {acountNumber}.");

        var diagnostic = DiagnosticAssert.At(json, "IVR0020", "\"Account", "$.nodes.goodbye.prompt['en-US']");

        Assert.That(diagnostic.Message, Does.Contain("'{acountNumber}'"));
        Assert.That(diagnostic.Message, Does.EndWith("did you mean 'accountNumber'?"));
    }

    [Test]
    public void Load_SystemMessagePlaceholdersOutsideMessages_AreUnknown()
    {
        var json = SampleMenus.With("Goodbye, {callerId}.", "Goodbye from {queue}.");

        DiagnosticAssert.At(json, "IVR0020", "\"Goodbye from", "$.nodes.goodbye.next.hangup['en-US']");
    }

    [Test]
    public void Load_BracesThatAreNotPlaceholders_AreLiteralText()
    {
        var json = SampleMenus.With("Goodbye, {callerId}.", "Press { or } or {1} to {not a name}.");

        Assert.That(MenuLoader.Load(json, SampleMenus.Path).Succeeded, Is.True);
    }

    [Test]
    public void Load_TextForAnUndeclaredLocale_IsAnError()
    {
        var json = SampleMenus.With("\"ru-RU\": \"До свидания.\"", "\"ru-RU\": \"До свидания.\", \"fr-FR\": \"Au revoir.\"");

        var diagnostic = DiagnosticAssert.At(json, "IVR0021", "\"fr-FR\"", "$.nodes.goodbye.next.hangup['fr-FR']");

        Assert.That(diagnostic.Message, Does.Contain("'fr-FR', which is not in 'locales'"));
    }

    [Test]
    public void Load_MalformedNodeId_IsQuotedInThePath()
    {
        var json = SampleMenus.With("\"goodbye\": {", "\"my node\": { \"prompt\": { \"en-US\": \"x\", \"ru-RU\": \"x\" }, \"next\": { \"do\": \"back\" } },\n      \"goodbye\": {");

        DiagnosticAssert.At(json, "IVR0022", "\"my node\"", "$.nodes['my node']");
    }

    [TestCase("\"name\": \"carrier-support\"", "\"name\": \"Carrier Support\"", "\"Carrier Support\"", "$.name")]
    [TestCase("[\"en-US\", \"ru-RU\"]", "[\"en-US\", \"russian_RU\"]", "\"russian_RU\"", "$.locales[1]")]
    [TestCase("\"into\": \"accountNumber\"", "\"into\": \"account-number\"", "\"account-number\"", "$.nodes.billing.collect.into")]
    public void Load_MalformedNames_AreReported(string fragment, string replacement, string needle, string path)
    {
        DiagnosticAssert.At(SampleMenus.With(fragment, replacement), "IVR0022", needle, path);
    }

    [Test]
    public void Load_NodeWithEmptyOptions_HasNoShape()
    {
        var json = SampleMenus.With("\"goodbye\": {", "\"empty\": { \"prompt\": { \"en-US\": \"x\", \"ru-RU\": \"x\" }, \"options\": [] },\n      \"goodbye\": {");

        var diagnostic = DiagnosticAssert.At(json, "IVR0023", "{ \"prompt\": { \"en-US\": \"x\"", "$.nodes.empty");

        Assert.That(diagnostic.Message, Is.EqualTo("node 'empty' needs one of 'options', 'collect' or 'next' (an empty options list counts as none)"));
    }

    [Test]
    public void Load_LocaleListedTwice_IsADuplicate()
    {
        var json = SampleMenus.With("[\"en-US\", \"ru-RU\"]", "[\"en-US\", \"ru-RU\", \"EN-us\"]");

        DiagnosticAssert.At(json, "IVR0005", "\"EN-us\"", "$.locales[2]");
    }

    [Test]
    public void Load_NodeWithOptionsAndNext_IsReportedAtTheSecond()
    {
        var json = SampleMenus.With("\"noInput\": { \"retries\": 4 },", "\"next\": { \"do\": \"repeat\" },");

        var diagnostic = DiagnosticAssert.At(json, "IVR0023", "\"options\": [", "$.nodes.main.options");

        Assert.That(diagnostic.Message, Does.Contain("has both 'next' and 'options'"));
    }

    [Test]
    public void Load_PropertyNameThatIsNotAnIdentifier_IsQuotedInThePath()
    {
        var json = SampleMenus.With("\"$schema\": \"./schema/menu.schema.json\"", "\"$schema\": 5");

        DiagnosticAssert.At(json, "IVR0002", "5,", "$['$schema']");
    }

    [Test]
    public void Load_DuplicatePropertyInAnOption_NamesThePropertyAndTheFirstLine()
    {
        var json = SampleMenus.With("{ \"key\": \"2\",", "{ \"key\": \"2\", \"key\": \"3\",");
        var line = SampleMenus.PositionOf(json, "\"key\": \"3\"").Line;

        var diagnostic = DiagnosticAssert.At(json, "IVR0005", "\"key\": \"3\"", "$.nodes.main.options[1].key");

        Assert.That(diagnostic.Message, Is.EqualTo($"property 'key' is defined twice; the first definition is at line {line}"));
    }

    [Test]
    public void Load_NullTerminator_MeansNoTerminator()
    {
        var json = SampleMenus.With("\"maxLength\": 10,", "\"maxLength\": 10, \"terminator\": null,");

        var menu = MenuLoader.Load(json, SampleMenus.Path).Menu!;

        Assert.That(menu.Nodes["billing"].Collect!.Terminator, Is.Null);
    }

    [Test]
    public void Load_DigitTerminator_IsABadKey()
    {
        var json = SampleMenus.With("\"maxLength\": 10,", "\"maxLength\": 10, \"terminator\": \"5\",");

        DiagnosticAssert.At(json, "IVR0009", "\"5\"", "$.nodes.billing.collect.terminator");
    }
}
