namespace IvrEngine.Cli.Commands;

/// <summary>Counts as the commands print them: "1 flow file", "3 flow files".</summary>
internal static class Counted
{
    public static string Plural(long count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
