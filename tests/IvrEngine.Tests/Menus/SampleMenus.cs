namespace IvrEngine.Tests.Menus;

/// <summary>Menus written inline for the loader specifications; tests derive broken variants by replacing one fragment.</summary>
internal static class SampleMenus
{
    public const string Path = "menus/test.json";

    /// <summary>A small valid menu using comments, trailing commas, every node shape and a policy override.</summary>
    public const string Valid = """
        {
          "$schema": "./schema/menu.schema.json",
          "name": "carrier-support",
          "timeZone": "America/New_York",
          "locales": ["en-US", "ru-RU"], // the first is the default
          "start": "main",
          "defaults": {
            "noInput": { "seconds": 7, "retries": 1 },
            "escape": { "to": { "queue": "general" } },
          },
          "queues": { "general": { "name": { "en-US": "customer care", "ru-RU": "служба поддержки" } } },
          /* three nodes: a menu, a collector and an announcement */
          "nodes": {
            "main": {
              "prompt": { "en-US": "For billing, press 1.", "ru-RU": "По вопросам оплаты нажмите 1." },
              "noInput": { "retries": 4 },
              "options": [
                { "key": "1", "say": { "en-US": ["billing"], "ru-RU": ["оплата"] }, "goto": "billing" },
                { "key": "2", "say": { "en-US": ["goodbye"] }, "goto": "goodbye" },
              ],
            },
            "billing": {
              "prompt": { "en-US": "Enter your account number.", "ru-RU": "Введите номер счёта." },
              "collect": { "into": "accountNumber", "minLength": 6, "maxLength": 10, "next": { "goto": "goodbye" } },
            },
            "goodbye": {
              "prompt": { "en-US": "Account {accountNumber:digits}.", "ru-RU": "Счёт {accountNumber:digits}." },
              "next": { "hangup": { "en-US": "Goodbye, {callerId}.", "ru-RU": "До свидания." } },
            },
          },
        }
        """;

    /// <summary>The valid menu with one fragment replaced; fails loudly if the fragment is not there.</summary>
    public static string With(string fragment, string replacement) => Replace(Valid, fragment, replacement);

    public static string Replace(string json, string fragment, string replacement)
    {
        Assert.That(json, Does.Contain(fragment), "the test's fragment must exist in the sample menu");
        var index = json.IndexOf(fragment, StringComparison.Ordinal);
        return string.Concat(json.AsSpan(0, index), replacement, json.AsSpan(index + fragment.Length));
    }

    /// <summary>1-based line and character column of the first occurrence of <paramref name="needle"/>.</summary>
    public static (int Line, int Column) PositionOf(string json, string needle)
    {
        var index = json.IndexOf(needle, StringComparison.Ordinal);
        Assert.That(index, Is.GreaterThanOrEqualTo(0), $"'{needle}' must occur in the test input");
        var before = json[..index];
        var line = before.Count(c => c == '\n') + 1;
        var column = index - (before.LastIndexOf('\n') + 1) + 1;
        return (line, column);
    }
}
