using System.Text;

namespace IvrEngine.Calls;

/// <summary>
/// Fills <c>{name}</c> and <c>{name:digits}</c> placeholders in prompt text. <c>digits</c> reads a
/// value one digit at a time ("4 8 2, 1 7 3"), the way a person reads a number over the phone;
/// separators in the value become pauses. Braces that are not a placeholder stay as written.
/// </summary>
internal static class PromptRenderer
{
    public static string Render(string template, Func<string, string?> lookup)
    {
        if (!template.Contains('{')) return template;
        var output = new StringBuilder(template.Length + 16);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0) break;
            var close = template.IndexOf('}', open + 1);
            if (close < 0) break;
            output.Append(template, i, open - i);
            var placeholder = template.AsSpan(open + 1, close - open - 1);
            if (TryParsePlaceholder(placeholder, out var name, out var asDigits))
            {
                var value = lookup(name) ?? string.Empty;
                output.Append(asDigits ? SpellDigits(value) : value);
            }
            else
            {
                output.Append(template, open, close - open + 1);
            }
            i = close + 1;
        }
        output.Append(template, i, template.Length - i);
        return output.ToString();
    }

    /// <summary>Every placeholder name in <paramref name="template"/> (for validation).</summary>
    public static IEnumerable<string> PlaceholderNames(string template)
    {
        var i = 0;
        while (true)
        {
            var open = template.IndexOf('{', i);
            if (open < 0) yield break;
            var close = template.IndexOf('}', open + 1);
            if (close < 0) yield break;
            if (TryParsePlaceholder(template.AsSpan(open + 1, close - open - 1), out var name, out _)) yield return name;
            i = close + 1;
        }
    }

    private static bool TryParsePlaceholder(ReadOnlySpan<char> text, out string name, out bool asDigits)
    {
        asDigits = false;
        name = string.Empty;
        var colon = text.IndexOf(':');
        var namePart = colon < 0 ? text : text[..colon];
        if (colon >= 0)
        {
            if (!text[(colon + 1)..].SequenceEqual("digits")) return false;
            asDigits = true;
        }
        if (namePart.IsEmpty || !char.IsAsciiLetter(namePart[0])) return false;
        foreach (var c in namePart)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_') return false;
        }
        name = namePart.ToString();
        return true;
    }

    internal static string SpellDigits(string value)
    {
        var output = new StringBuilder(value.Length * 2);
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c) || c is '*' or '#')
            {
                if (output.Length > 0 && output[^1] != ' ') output.Append(' ');
                output.Append(c);
            }
            else if (output.Length > 0 && output[^1] != ',')
            {
                output.Append(',');
            }
        }
        return output.ToString().TrimEnd(',');
    }
}
