using IvrEngine.Menus;
using IvrEngine.Menus.Diff;

namespace IvrEngine.Tests.Menus.Diff;

/// <summary>The semantic diff on crafted pairs: each kind of change reads as itself, and formatting is no change.</summary>
public sealed class MenuDiffTests
{
    private static Menu Load(string json)
    {
        var result = MenuLoader.Load(json, SampleMenus.Path);
        Assert.That(result.Succeeded, Is.True, () => string.Join("\n", result.Diagnostics));
        return result.Menu!;
    }

    private static List<string> Changes(string newJson) =>
        [.. MenuDiff.Compare(Load(SampleMenus.Valid), Load(newJson)).Select(c => $"{c.Section}: {c.Description}")];

    [Test]
    public void CommentsWhitespaceAndPropertyOrder_AreNoChange()
    {
        var reformatted = SampleMenus.Valid.Replace("// the first is the default", string.Empty, StringComparison.Ordinal)
            .Replace("\"name\": \"carrier-support\",\n  \"timeZone\": \"America/New_York\",", "\"timeZone\": \"America/New_York\",   \"name\": \"carrier-support\",", StringComparison.Ordinal);

        Assert.That(Load(reformatted).Version, Is.Not.EqualTo(Load(SampleMenus.Valid).Version));
        Assert.That(Changes(reformatted), Is.Empty);
    }

    [Test]
    public void NodesAddedAndRemoved()
    {
        var json = SampleMenus.With("\"goodbye\": {", "\"extra\": { \"prompt\": { \"en-US\": \"x\", \"ru-RU\": \"x\" }, \"next\": { \"do\": \"back\" } },\n    \"farewell\": {")
            .Replace("\"goto\": \"goodbye\"", "\"goto\": \"farewell\"", StringComparison.Ordinal);

        Assert.That(Changes(json), Is.EqualTo(new[]
        {
            "nodes: removed node goodbye",
            "nodes: added node extra (announcement)",
            "nodes: added node farewell (announcement)",
            "node 'billing': collect: accountNumber, 6-10 digits, terminator #, pattern none, then goto goodbye -> accountNumber, 6-10 digits, terminator #, pattern none, then goto farewell",
            "node 'main': option 2 'goodbye' target: goto goodbye -> goto farewell",
        }));
    }

    [Test]
    public void OptionReKeyed_IsOneChange()
    {
        var json = SampleMenus.With("{ \"key\": \"2\",", "{ \"key\": \"3\",");

        Assert.That(Changes(json), Is.EqualTo(new[] { "node 'main': option 2 'goodbye' re-keyed: 2 -> 3" }));
    }

    [Test]
    public void KeysSwapped_ReadAsTwoReKeys()
    {
        var json = SampleMenus.With("{ \"key\": \"1\",", "{ \"key\": \"9\",").Replace("{ \"key\": \"2\",", "{ \"key\": \"1\",", StringComparison.Ordinal)
            .Replace("{ \"key\": \"9\",", "{ \"key\": \"2\",", StringComparison.Ordinal);

        Assert.That(Changes(json), Is.EqualTo(new[]
        {
            "node 'main': option 1 'billing' re-keyed: 1 -> 2",
            "node 'main': option 2 'goodbye' re-keyed: 2 -> 1",
        }));
    }

    [Test]
    public void OptionAddedRemovedAndPhrasesChanged()
    {
        var json = SampleMenus.With("{ \"key\": \"2\", \"say\": { \"en-US\": [\"goodbye\"] }, \"goto\": \"goodbye\" },",
                "{ \"key\": \"3\", \"queue\": \"general\" },")
            .Replace("\"ru-RU\": [\"оплата\"]", "\"ru-RU\": [\"оплата\", \"счёт\"]", StringComparison.Ordinal);

        Assert.That(Changes(json), Is.EqualTo(new[]
        {
            "node 'main': removed option 2 'goodbye' (goto goodbye)",
            "node 'main': added option 3 (queue general)",
            "node 'main': option 1 'billing' phrases (ru-RU): [оплата] -> [оплата, счёт]",
        }));
    }

    [Test]
    public void PromptChangedInOneLocale_ShowsBothTexts()
    {
        var json = SampleMenus.With("\"ru-RU\": \"По вопросам оплаты нажмите 1.\"", "\"ru-RU\": \"Оплата — 1.\"");

        Assert.That(Changes(json), Is.EqualTo(new[] { "node 'main': prompt (ru-RU):\n    - По вопросам оплаты нажмите 1.\n    + Оплата — 1." }));
    }

    [Test]
    public void EscapeAndPoliciesChanged()
    {
        var json = SampleMenus.With("\"noInput\": { \"retries\": 4 },", "\"noInput\": { \"retries\": 4 }, \"escape\": { \"mode\": \"confirm\", \"keys\": [\"0\"] },");

        var changes = Changes(json);

        Assert.That(changes, Has.Count.EqualTo(1));
        Assert.That(changes[0], Does.StartWith("node 'main': escape: immediate, keys [0 #], to queue general").And.Contain("-> confirm, keys [0], to queue general"));
    }

    [Test]
    public void QueueAddedAndRenamed()
    {
        var json = SampleMenus.With("\"queues\": { \"general\": { \"name\": { \"en-US\": \"customer care\",",
            "\"queues\": { \"sales\": { \"name\": { \"en-US\": \"sales\", \"ru-RU\": \"продажи\" } }, \"general\": { \"name\": { \"en-US\": \"our care team\",");

        Assert.That(Changes(json), Is.EqualTo(new[]
        {
            "queues: added queue sales (sales)",
            "queues: name of queue general (en-US):\n    - customer care\n    + our care team",
        }));
    }
}
