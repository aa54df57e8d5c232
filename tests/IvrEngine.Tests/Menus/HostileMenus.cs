using System.Globalization;
using System.Text;

namespace IvrEngine.Tests.Menus;

/// <summary>Large hostile menus, generated in the test rather than kept as huge files.</summary>
internal static class HostileMenus
{
    /// <summary>
    /// A start menu whose option 1 enters announcements a0 → a1 → … → a(n-1); the last one's <c>next</c>
    /// is <paramref name="lastNext"/> (a JSON action). With <paramref name="menus"/>, the chain is of
    /// menus instead, each with one option to the next (and a hang-up on 9).
    /// </summary>
    public static string Chain(int length, string lastNext = """{ "hangup": { "en-US": "Bye." } }""", bool menus = false, string defaults = """{ "escape": { "to": { "queue": "general" } } }""")
    {
        var json = new StringBuilder();
        json.Append(CultureInfo.InvariantCulture, $$"""
            {
              "name": "huge-chain", "timeZone": "America/New_York", "locales": ["en-US"], "start": "main",
              "defaults": {{defaults}},
              "queues": { "general": { "name": { "en-US": "customer care" } } },
              "nodes": {
                "main": { "prompt": { "en-US": "Press 1." }, "options": [ { "key": "1", "goto": "a0" } ] },
            """);
        for (var i = 0; i < length; i++)
        {
            var next = i + 1 < length ? $$"""{ "goto": "a{{i + 1}}" }""" : lastNext;
            if (menus) json.Append(CultureInfo.InvariantCulture, $$"""    "a{{i}}": { "prompt": { "en-US": "Press 1 or 9." }, "options": [ { "key": "1", {{next[1..^1].Trim()}} }, { "key": "9", "hangup": { "en-US": "Bye." } } ] },""");
            else json.Append(CultureInfo.InvariantCulture, $$"""    "a{{i}}": { "prompt": { "en-US": "Step {{i}}." }, "next": {{next}} },""");
            json.Append('\n');
        }
        json.Append("  }\n}\n");
        return json.ToString();
    }
}
