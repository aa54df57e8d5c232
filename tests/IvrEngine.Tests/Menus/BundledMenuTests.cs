using IvrEngine.Calls;
using IvrEngine.Menus;
using IvrEngine.Tests.Calls;

namespace IvrEngine.Tests.Menus;

/// <summary>The bundled carrier-support menu: valid, deep enough, unambiguous, and it routes callers as the line promises.</summary>
public sealed class BundledMenuTests
{
    private static readonly Lazy<Menu> Bundled = new(() =>
    {
        var result = MenuLoader.LoadFile(RepoPaths.BundledMenu);
        Assert.That(result.Diagnostics, Is.Empty, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Menu!;
    });

    private static Menu Menu => Bundled.Value;

    private static IEnumerable<TestCaseData> NodesAndLocales() =>
        from node in Menu.Nodes.Values
        from locale in Menu.Locales
        select new TestCaseData(node.Id, locale).SetArgDisplayNames(node.Id, locale);

    [Test]
    public void LoadsWithoutErrorsOrWarnings_InEnglishAndRussian()
    {
        Assert.That(Menu.Locales, Is.EqualTo(new[] { "en-US", "ru-RU" }));
        Assert.That(Menu.TimeZone.Id, Is.EqualTo("America/New_York"));
    }

    [Test]
    public void IsAtLeastThreeLevelsDeep()
    {
        var depth = new Dictionary<string, int> { [Menu.StartNodeId] = 1 };
        var frontier = new Queue<string>([Menu.StartNodeId]);
        while (frontier.TryDequeue(out var id))
        {
            var node = Menu.Nodes[id];
            var targets = node.Options.Select(o => o.Action).Append(node.Next).Append(node.Collect?.Next).OfType<GoToNode>();
            foreach (var target in targets.Where(t => !depth.ContainsKey(t.NodeId)))
            {
                depth[target.NodeId] = depth[id] + 1;
                frontier.Enqueue(target.NodeId);
            }
        }

        Assert.That(depth.Values.Max(), Is.GreaterThanOrEqualTo(3));
    }

    [TestCaseSource(nameof(NodesAndLocales))]
    public void EveryPhraseOfEveryOption_ChoosesExactlyThatOption(string nodeId, string locale)
    {
        var node = Menu.Nodes[nodeId];
        var phrases = NodeInputs.PhrasesOf(node, locale);
        Assert.Multiple(() =>
        {
            foreach (var option in node.Options)
            {
                foreach (var phrase in option.Phrases.For(locale))
                {
                    var match = phrases.Match(phrase);
                    Assert.That(match.Choices, Is.EqualTo(new[] { new InputChoice(option) }), $"'{phrase}' at {nodeId}");
                }
            }
            foreach (var phrase in node.Escape.Phrases.For(locale))
            {
                Assert.That(phrases.Match(phrase).Choices, Is.EqualTo(new[] { InputChoice.Escape }), $"escape phrase '{phrase}' at {nodeId}");
            }
        });
    }

    [TestCase("en-US", "0", "general")]
    [TestCase("en-US", "#", "general")]
    [TestCase("en-US", "say I want to cancel my service", "retention")]
    [TestCase("en-US", "say customer service please", "general")]
    [TestCase("ru-RU", "say соедините с оператором", "general")]
    [TestCase("ru-RU", "say хочу отключить номер", "retention")]
    public void Callers_ReachTheRightQueue(string locale, string action, string queue)
    {
        var call = new TestCall(Menu, locale);
        if (action.StartsWith("say ", StringComparison.Ordinal)) call.Say(action[4..]);
        else call.Press(action);

        Assert.That(call.Session.Outcome?.QueueId, Is.EqualTo(queue));
        Assert.That(call.LastPrompt, Does.Contain(PromptDigits(call.Session.Reference)), "the caller is told the reference number");
    }

    [TestCase("оплатить")]
    [TestCase("я хочу оплатить счёт")]
    [TestCase("заплатить")]
    public void Russian_PayingPhrases_GoToQuickPay_NotAQuestion(string utterance)
    {
        var call = new TestCall(Menu, "ru-RU").Say(utterance);

        Assert.That(call.Session.CurrentNodeId, Is.EqualTo("quick-pay"));
    }

    [Test]
    public void TrackOrder_CollectsTheOrderNumber_AndReadsItBack()
    {
        var call = new TestCall(Menu).Say("where is my order").Press("1234567#");

        Assert.That(call.Session.Variables["orderNumber"], Is.EqualTo("1234567"));
        Assert.That(call.Prompts, Has.Some.Contains("1 2 3 4 5 6 7"));
    }

    [Test]
    public void ASilentCaller_IsHandedToAPerson_NotHungUpOn()
    {
        var call = new TestCall(Menu).Wait(600);

        Assert.That(call.Session.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.TransferredToQueue));
    }

    private static string PromptDigits(ReferenceNumber reference) => PromptRenderer.SpellDigits(reference.ToString());
}
