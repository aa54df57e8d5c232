using System.Globalization;
using IvrEngine.Calls;

namespace IvrEngine.Menus.Lint;

/// <summary>IVRL008: a prompt takes longer to say than the limit, at the locale's speaking rate.</summary>
internal sealed class LongPromptRule : LintRule
{
    public override string Code => "IVRL008";

    public override string Why => "callers stop listening, and wait longer before they can act";

    public override IEnumerable<LintFinding> Check(LintContext context)
    {
        foreach (var node in context.Nodes)
        {
            foreach (var locale in context.Menu.Locales)
            {
                var seconds = SpeakingTime.Of(node.Prompt.For(locale), locale).TotalSeconds;
                if (seconds > context.Options.MaxPromptSeconds)
                {
                    yield return new LintFinding(node.Id, context.Source.Locate("nodes", node.Id, "prompt", locale), string.Create(CultureInfo.InvariantCulture,
                        $"the {locale} prompt of node '{node.Id}' takes about {seconds:0} s to say at {SpeakingTime.WordsPerMinute(locale)} words a minute; the limit is {context.Options.MaxPromptSeconds:0.#} s"));
                }
            }
        }
    }
}
