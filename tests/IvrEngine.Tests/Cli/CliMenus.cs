using System.Text.RegularExpressions;
using IvrEngine.Tests.Calls;

namespace IvrEngine.Tests.Cli;

/// <summary>Variants of the test line for the command-line tests: clean, with an error, with only a warning.</summary>
internal static class CliMenus
{
    /// <summary>The test line without plan 10, whose key 1 prefix draws the IVR0016 warning: no diagnostics at all.</summary>
    public static readonly string Clean = Replace(
        TestMenus.Line,
        "        { \"key\": \"10\", \"hangup\": { \"en-US\": \"Plan 10 is unlimited.\", \"ru-RU\": \"Тариф 10 безлимитный.\" } },\n",
        string.Empty);

    /// <summary>Main's billing option points at a node that does not exist (IVR0006).</summary>
    public static readonly string WithUnknownNode = Replace(Clean, "\"goto\": \"billing\"", "\"goto\": \"biling\"");

    /// <summary>Valid, but with a node nothing leads to (the IVR0013 warning).</summary>
    public static readonly string WithUnreachableNode = Replace(
        Clean,
        "    \"plan-info\": {",
        """
            "orphan": {
              "prompt": { "en-US": "Nobody hears this.", "ru-RU": "Этого никто не услышит." },
              "next": { "do": "mainMenu" },
            },
            "plan-info": {
        """.TrimStart());

    /// <summary>One diagnostic line in the compiler format for <paramref name="file"/>: <c>file(line,col): error IVR0006: ... [$....]</c>.</summary>
    public static Regex ErrorLine(string file) =>
        new($@"(?m)^{Regex.Escape(file)}\(\d+,\d+\): error IVR\d{{4}}: .+ \[\$.*\]$");

    private static string Replace(string text, string oldValue, string newValue)
    {
        Assert.That(text, Does.Contain(oldValue), "the test menu changed; update the variant");
        return text.Replace(oldValue, newValue, StringComparison.Ordinal);
    }
}
