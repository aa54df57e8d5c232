using System.Collections.Immutable;
using NodaTime;

namespace IvrEngine.Menus.Loading;

/// <summary>
/// Binds one node: its prompts, its shape (options, collect or next) and its policies, resolved
/// against the menu defaults so the engine never merges anything during a call.
/// </summary>
internal sealed class NodeBinder(
    BindContext context,
    TextBinder texts,
    ActionBinder actions,
    PolicyBinder policies,
    CollectBinder collects,
    OptionChecks optionChecks)
{
    private static readonly string[] NodeProperties =
        ["prompt", "reprompt", "options", "collect", "next", "description", "lint", "hours", .. PolicyBinder.PolicyProperties];

    private static readonly string[] OptionProperties = ["key", "say", "message", .. ActionBinder.ActionProperties];

    private static readonly string[] ShapeProperties = ["options", "collect", "next"];

    private static readonly LocalizedText NoText = new(ImmutableDictionary<string, string>.Empty);

    /// <summary>Everything the nodes inherit: merged <c>defaults</c>, the line's messages, and where defaults are written.</summary>
    /// <param name="BuiltInEscape">The built-in escape wording cut to the menu's locales, made once rather than per node.</param>
    public sealed record Inherited(
        PolicyOverrides Defaults,
        SystemMessages Messages,
        SourcePoint EscapeOrigin,
        InheritedProblems Problems,
        (LocalizedPhrases Phrases, LocalizedText Deflect, LocalizedText Disabled) BuiltInEscape);

    public MenuNode? Bind(LocatedProperty property, Inherited inherited)
    {
        var id = property.Name;
        var what = $"node '{id}'";
        if (context.AsObject(property.Value, what) is not { } node)
        {
            return null;
        }

        context.CheckProperties(node, what, NodeProperties);
        LintBlockChecks.Check(context, node["lint"], what);
        var prompt = texts.ReadText(context.Require(node, "prompt", what), $"the prompt of {what}", PlaceholderScope.Node) ?? NoText;
        var reprompt = texts.ReadText(node["reprompt"], $"the reprompt of {what}", PlaceholderScope.Node) ?? prompt;

        var own = policies.Read(node, what);
        var merged = inherited.Defaults.Under(own);
        var interDigit = merged.InterDigitSeconds ?? BuiltInPolicies.InterDigitSeconds;
        var escapeOrigin = own.Escape.Where ?? inherited.EscapeOrigin;
        var escape = ResolveEscape(id, merged.Escape, escapeOrigin, inherited);

        CheckShape(node, id);
        var options = ReadOptions(node["options"], id, escape.Keys, interDigit);
        var collect = context.AsObject(node["collect"], $"collect of {what}") is { } collectObject
            ? collects.Read(collectObject, id, interDigit)
            : null;
        var next = actions.ReadActionObject(node["next"], $"next of {what}", ActionKinds.AllButRepeat);

        var takesInput = !options.IsEmpty || collect is not null;
        var onRetriesExhausted = merged.OnRetriesExhausted ?? merged.Escape.To;
        if (onRetriesExhausted is null && takesInput && escape.Mode == EscapeMode.Disabled)
        {
            // With escape enabled the missing escape.to is already reported; this is the case nothing else covers.
            context.Error(DiagnosticCodes.MissingProperty, node.Where.WithPath(JsonPaths.Property(node.Path, "onRetriesExhausted")),
                $"{what} needs 'onRetriesExhausted' (here or in defaults): its escape is disabled and has no 'to' to fall back on");
        }

        return new MenuNode(
            id,
            prompt,
            reprompt,
            options,
            collect,
            next,
            new NoInputPolicy(
                Duration.FromSeconds(merged.NoInputSeconds ?? BuiltInPolicies.NoInputSeconds),
                merged.NoInputRetries ?? BuiltInPolicies.NoInputRetries,
                merged.NoInputMessage ?? inherited.Messages.NoInput),
            new InvalidInputPolicy(
                merged.InvalidRetries ?? BuiltInPolicies.InvalidRetries,
                merged.InvalidMessage ?? (collect is null ? inherited.Messages.Invalid : inherited.Messages.InvalidNumber)),
            onRetriesExhausted ?? escape.Target,
            escape,
            Duration.FromSeconds(interDigit));
    }

    private EscapePolicy ResolveEscape(string nodeId, EscapeOverrides merged, SourcePoint origin, Inherited inherited)
    {
        var problems = inherited.Problems;
        var locales = context.Locales;
        var mode = merged.Mode ?? BuiltInPolicies.Mode;
        var toPath = origin.WithPath(JsonPaths.Property(origin.Path, "to"));
        if (merged.To is null && mode != EscapeMode.Disabled)
        {
            problems.Add(DiagnosticCodes.MissingProperty, toPath,
                "escape needs 'to' (where a caller who asks for a human goes) unless its mode is 'disabled'", nodeId);
        }

        if (context.LocalesKnown && mode == EscapeMode.Confirm && merged.Deflect is null && !BuiltInPolicies.Covers(BuiltInPolicies.Deflect, locales))
        {
            problems.Add(DiagnosticCodes.MissingLocale, origin.WithPath(JsonPaths.Property(origin.Path, "deflect")),
                $"escape mode 'confirm' needs 'deflect' text: there is no built-in wording for {Uncovered(BuiltInPolicies.Deflect)}", nodeId);
        }

        if (context.LocalesKnown && mode == EscapeMode.Disabled && merged.Disabled is null && !BuiltInPolicies.Covers(BuiltInPolicies.Disabled, locales))
        {
            problems.Add(DiagnosticCodes.MissingLocale, origin.WithPath(JsonPaths.Property(origin.Path, "disabled")),
                $"escape mode 'disabled' needs 'disabled' text: there is no built-in wording for {Uncovered(BuiltInPolicies.Disabled)}", nodeId);
        }

        var disabledText = merged.Disabled ?? inherited.BuiltInEscape.Disabled;
        return new EscapePolicy(
            mode,
            merged.Keys ?? BuiltInPolicies.EscapeKeys,
            merged.Phrases ?? inherited.BuiltInEscape.Phrases,

            // With no 'to' (only valid when disabled) nothing transfers; saying the disabled text is the honest stand-in.
            merged.To ?? new SayAndHangUp(disabledText),
            merged.Deflect ?? inherited.BuiltInEscape.Deflect,
            disabledText);
    }

    private string Uncovered(LocalizedText builtIn) =>
        string.Join(", ", context.Locales.Where(l => !builtIn.Has(l)).Select(l => $"'{l}'"));

    private void CheckShape(LocatedObject node, string id)
    {
        var present = node.Properties
            .Where(p => ShapeProperties.Contains(p.Name) && !(p.Name == "options" && p.Value is LocatedArray { Items.Count: 0 }))
            .ToList();
        if (present.Count == 0)
        {
            var emptyOptions = node["options"] is LocatedArray ? " (an empty options list counts as none)" : string.Empty;
            context.Error(DiagnosticCodes.BadNodeShape, node.Where,
                $"node '{id}' needs one of 'options', 'collect' or 'next'{emptyOptions}");
        }

        foreach (var extra in present.Skip(1))
        {
            context.Error(DiagnosticCodes.BadNodeShape, extra.NameWhere,
                $"node '{id}' has both '{present[0].Name}' and '{extra.Name}'; a node has exactly one of options, collect or next");
        }
    }

    private ImmutableArray<MenuOption> ReadOptions(LocatedValue? value, string nodeId, ImmutableArray<string> escapeKeys, double interDigit)
    {
        if (context.AsArray(value, $"options of node '{nodeId}'") is not { } array)
        {
            return [];
        }

        var options = ImmutableArray.CreateBuilder<MenuOption>(array.Items.Count);
        var entries = new List<OptionChecks.Entry>(array.Items.Count);
        for (var i = 0; i < array.Items.Count; i++)
        {
            var what = $"options[{i}] of node '{nodeId}'";
            if (context.AsObject(array.Items[i], what) is not { } option)
            {
                continue;
            }

            context.CheckProperties(option, what, OptionProperties);
            var key = context.AsString(option["key"], $"the key of {what}");
            if (key is not null && !NameRules.IsKey(key))
            {
                context.Error(DiagnosticCodes.BadKey, option["key"]!.Where, $"key '{key}' of {what} is not made of the keys 0-9, * and #");
                key = null;
            }

            var phrases = texts.ReadPhrases(option["say"], $"'say' of {what}");
            if (option["key"] is null && option["say"] is null)
            {
                context.Error(DiagnosticCodes.MissingProperty, option.Where.WithPath(JsonPaths.Property(option.Path, "key")),
                    $"{what} needs a 'key' or a 'say' (or both)");
            }

            var message = texts.ReadText(option["message"], $"the message of {what}", PlaceholderScope.Node);
            var action = actions.ReadAction(option, what) ?? GoToMainMenu.Instance;
            options.Add(new MenuOption(key, phrases ?? LocalizedPhrases.None, message, action));
            entries.Add(new OptionChecks.Entry(i, key, key is null ? null : option["key"]!.Where, phrases ?? LocalizedPhrases.None, option["say"] as LocatedObject));
        }

        optionChecks.Check(nodeId, entries, escapeKeys, interDigit);
        return options.ToImmutable();
    }
}
