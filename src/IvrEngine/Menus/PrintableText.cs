namespace IvrEngine.Menus;

/// <summary>
/// Text from a file or a caller on its way to a terminal or a log: control characters (a newline in
/// a locale key, ESC, NUL) and bidi overrides (U+202E in a key) show as a visible <c>\u001b</c>, so
/// one diagnostic stays on one line that reads in order and <c>file(line,col)</c> parsing holds.
/// </summary>
public static class PrintableText
{
    public static string Escape(string text)
    {
        if (!text.Any(IsUnsafe)) return text;
        var builder = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (IsUnsafe(c)) builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            else builder.Append(c);
        }
        return builder.ToString();
    }

    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069' or '\u200e' or '\u200f' or '\u061c' or '\u2028' or '\u2029';
}
