using System.Collections.Immutable;

namespace IvrEngine.Menus.Loading;

/// <summary>Reads the policy properties of <c>defaults</c> or of a node into <see cref="PolicyOverrides"/>.</summary>
internal sealed class PolicyBinder(BindContext context, TextBinder texts, ActionBinder actions)
{
    public static readonly string[] PolicyProperties = ["noInput", "invalid", "onRetriesExhausted", "interDigitSeconds", "escape"];

    private static readonly string[] NoInputProperties = ["seconds", "retries", "message"];
    private static readonly string[] InvalidProperties = ["retries", "message"];
    private static readonly string[] EscapeProperties = ["mode", "keys", "say", "to", "deflect", "disabled"];
    private static readonly string[] Modes = ["immediate", "confirm", "disabled"];

    /// <param name="owner">The <c>defaults</c> object or a node; its other properties are not looked at.</param>
    /// <param name="what">"the defaults" or "node 'main'", for messages.</param>
    public PolicyOverrides Read(LocatedObject owner, string what)
    {
        double? noInputSeconds = null;
        int? noInputRetries = null;
        LocalizedText? noInputMessage = null;
        if (context.AsObject(owner["noInput"], $"noInput of {what}") is { } noInput)
        {
            context.CheckProperties(noInput, $"noInput of {what}", NoInputProperties);
            noInputSeconds = context.AsSeconds(noInput["seconds"], $"noInput.seconds of {what}");
            noInputRetries = context.AsInteger(noInput["retries"], $"noInput.retries of {what}", 0, 10);
            noInputMessage = texts.ReadText(noInput["message"], $"noInput.message of {what}", PlaceholderScope.Node);
        }

        int? invalidRetries = null;
        LocalizedText? invalidMessage = null;
        if (context.AsObject(owner["invalid"], $"invalid of {what}") is { } invalid)
        {
            context.CheckProperties(invalid, $"invalid of {what}", InvalidProperties);
            invalidRetries = context.AsInteger(invalid["retries"], $"invalid.retries of {what}", 0, 10);
            invalidMessage = texts.ReadText(invalid["message"], $"invalid.message of {what}", PlaceholderScope.Node);
        }

        return new PolicyOverrides(
            noInputSeconds,
            noInputRetries,
            noInputMessage,
            invalidRetries,
            invalidMessage,
            actions.ReadActionObject(owner["onRetriesExhausted"], $"onRetriesExhausted of {what}", ActionKinds.AllButRepeat),
            context.AsSeconds(owner["interDigitSeconds"], $"interDigitSeconds of {what}"),
            ReadEscape(owner["escape"], what));
    }

    private EscapeOverrides ReadEscape(LocatedValue? value, string what)
    {
        if (context.AsObject(value, $"escape of {what}") is not { } escape)
        {
            return EscapeOverrides.None;
        }

        context.CheckProperties(escape, $"escape of {what}", EscapeProperties);
        return new EscapeOverrides(
            escape.Where,
            ReadMode(escape["mode"], what),
            ReadKeys(escape["keys"], what),
            texts.ReadPhrases(escape["say"], $"escape.say of {what}"),
            actions.ReadActionObject(escape["to"], $"escape.to of {what}", ActionKinds.HandOn),
            texts.ReadText(escape["deflect"], $"escape.deflect of {what}", PlaceholderScope.Node),
            texts.ReadText(escape["disabled"], $"escape.disabled of {what}", PlaceholderScope.Node));
    }

    private EscapeMode? ReadMode(LocatedValue? value, string what)
    {
        switch (context.AsString(value, $"escape.mode of {what}"))
        {
            case null:
                return null;
            case "immediate":
                return EscapeMode.Immediate;
            case "confirm":
                return EscapeMode.Confirm;
            case "disabled":
                return EscapeMode.Disabled;
            case var other:
                context.Error(DiagnosticCodes.OutOfRange, value!.Where,
                    $"escape.mode of {what} is '{other}'; it must be immediate, confirm or disabled{Suggestions.DidYouMean(other, Modes)}");
                return null;
        }
    }

    private ImmutableArray<string>? ReadKeys(LocatedValue? value, string what)
    {
        if (context.AsArray(value, $"escape.keys of {what}") is not { } array)
        {
            return null;
        }

        var keys = ImmutableArray.CreateBuilder<string>();
        foreach (var item in array.Items)
        {
            if (context.AsString(item, $"an escape key of {what}") is not { } key)
            {
                continue;
            }

            if (!NameRules.IsKey(key))
            {
                context.Error(DiagnosticCodes.BadKey, item.Where, $"escape key '{key}' of {what} is not made of the keys 0-9, * and #");
                continue;
            }

            keys.Add(key);
        }

        return keys.ToImmutable();
    }
}
