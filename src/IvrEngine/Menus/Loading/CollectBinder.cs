using System.Text.RegularExpressions;
using NodaTime;

namespace IvrEngine.Menus.Loading;

/// <summary>Binds a node's <c>collect</c> object into a <see cref="DigitCollection"/>.</summary>
internal sealed class CollectBinder(BindContext context, ActionBinder actions)
{
    public const int MaxDigits = 64;

    private static readonly string[] CollectProperties = ["into", "minLength", "maxLength", "terminator", "interDigitSeconds", "pattern", "next"];

    // Patterns run on every entry during calls. The non-backtracking engine matches in time linear in
    // the entry, so a pattern like ^(\d+)+x$ cannot stall the line; the timeout stays as a last guard.
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    /// <param name="nodeInterDigitSeconds">The node's resolved pause, the default for this collection.</param>
    public DigitCollection? Read(LocatedObject collect, string nodeId, double nodeInterDigitSeconds)
    {
        var what = $"collect of node '{nodeId}'";
        context.CheckProperties(collect, what, CollectProperties);

        var variable = context.AsString(context.Require(collect, "into", what), $"collect.into of node '{nodeId}'");
        if (variable is not null)
        {
            if (!NameRules.IsVariable(variable))
            {
                context.Error(DiagnosticCodes.Malformed, collect["into"]!.Where,
                    $"variable name '{variable}' in node '{nodeId}' must start with a letter or '_' and hold only letters, digits and '_'");
            }
            else if (NameRules.ReservedVariables.Contains(variable))
            {
                context.Error(DiagnosticCodes.Malformed, collect["into"]!.Where,
                    $"variable name '{variable}' in node '{nodeId}' is reserved for the engine's own placeholder; choose another name");
            }
        }

        var minLength = context.AsInteger(collect["minLength"], $"collect.minLength of node '{nodeId}'", 1, MaxDigits);
        var maxLength = context.AsInteger(collect["maxLength"], $"collect.maxLength of node '{nodeId}'", 1, MaxDigits);
        var min = minLength ?? BuiltInPolicies.CollectMinLength;
        var max = maxLength ?? BuiltInPolicies.CollectMaxLength;
        if (min > max)
        {
            var at = (collect["minLength"] ?? collect["maxLength"])!.Where;
            context.Error(DiagnosticCodes.OutOfRange, at, $"collect.minLength ({min}) of node '{nodeId}' is greater than maxLength ({max})");
        }

        var interDigit = context.AsSeconds(collect["interDigitSeconds"], $"collect.interDigitSeconds of node '{nodeId}'") ?? nodeInterDigitSeconds;
        var next = actions.ReadActionObject(context.Require(collect, "next", what), $"collect.next of node '{nodeId}'");

        return new DigitCollection(
            variable ?? string.Empty,
            min,
            max,
            ReadTerminator(collect["terminator"], nodeId),
            Duration.FromSeconds(interDigit),
            ReadPattern(collect["pattern"], nodeId),
            next ?? GoToMainMenu.Instance);
    }

    private char? ReadTerminator(LocatedValue? value, string nodeId)
    {
        switch (value)
        {
            case null:
                return '#';
            case LocatedNull:
                return null;
            default:
                var text = context.AsString(value, $"collect.terminator of node '{nodeId}'");
                if (text is "#" or "*")
                {
                    return text[0];
                }

                if (text is not null)
                {
                    context.Error(DiagnosticCodes.BadKey, value.Where,
                        $"collect.terminator of node '{nodeId}' is '{text}'; it must be \"#\", \"*\" or null (digits are data)");
                }

                return '#';
        }
    }

    private Regex? ReadPattern(LocatedValue? value, string nodeId)
    {
        if (context.AsString(value, $"collect.pattern of node '{nodeId}'") is not { } pattern)
        {
            return null;
        }

        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, PatternTimeout);
        }
        catch (ArgumentException ex)
        {
            context.Error(DiagnosticCodes.BadPattern, value!.Where, $"collect.pattern of node '{nodeId}' is not a valid regular expression: {ex.Message}");
            return null;
        }
        catch (NotSupportedException ex)
        {
            // Backreferences, lookarounds, atomic groups and conditionals need backtracking, which can take
            // exponential time on a caller's entry; patterns are matched without it, so they are refused.
            context.Error(DiagnosticCodes.BadPattern, value!.Where,
                $"collect.pattern of node '{nodeId}' uses a construct patterns may not use (backreferences, lookarounds, atomic groups and conditionals are refused, so every entry is matched in linear time): {ex.Message}");
            return null;
        }
    }
}
