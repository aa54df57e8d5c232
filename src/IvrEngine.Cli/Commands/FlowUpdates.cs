using IvrEngine.Flows;

namespace IvrEngine.Cli.Commands;

/// <summary>
/// <c>ivr test --update</c>: writes each failed expectation back to its file as what the line says
/// now (snapshot style) and prints the change as a diff, so a reviewer sees every rewritten line.
/// A step that runs in several locales and would need a different text in each is left alone and named.
/// </summary>
internal static class FlowUpdates
{
    /// <summary>Rewrites the files and returns how many steps changed.</summary>
    public static int Apply(IEnumerable<FlowResult> results, TextWriter output, TextWriter error)
    {
        var changed = 0;
        var byFile = results.SelectMany(r => r.Updates).GroupBy(u => u.At.File, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var file in byFile)
        {
            var lines = File.ReadAllText(file.Key).Split('\n');
            foreach (var step in file.GroupBy(u => (u.At.Line, u.At.Column)).OrderBy(g => g.Key.Line))
            {
                var versions = step.Select(u => u.New).Distinct(StringComparer.Ordinal).ToList();
                var first = step.First();
                if (versions.Count > 1)
                {
                    error.WriteLine($"{first.At}: not updated: the locales need different text ({string.Join(" / ", versions)}); tag the step per locale, e.g. [en-US] {versions[0]}");
                    continue;
                }
                var line = lines[first.At.Line - 1];
                var start = first.At.Column - 1;
                if (start > line.Length || string.CompareOrdinal(line, start, first.Old, 0, first.Old.Length) != 0) continue;
                lines[first.At.Line - 1] = line[..start] + versions[0] + line[(start + first.Old.Length)..];
                output.WriteLine($"{first.At}:");
                output.WriteLine($"-{line.TrimEnd('\r')}");
                output.WriteLine($"+{lines[first.At.Line - 1].TrimEnd('\r')}");
                changed++;
            }
            File.WriteAllText(file.Key, string.Join('\n', lines));
        }
        return changed;
    }
}
