using System.Globalization;
using System.Text;

namespace IvrEngine.Tests.Http;

/// <summary>
/// The samples of a Prometheus text exposition (format 0.0.4), read so a test can ask for one
/// series by name and labels instead of searching the text for a line spelled one exact way (label
/// order, the scope label OpenTelemetry adds, or a float printed as "1000" or "1e+03" would then
/// break the test without the figure being wrong).
/// </summary>
internal sealed class PrometheusText
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples = [];

    private PrometheusText()
    {
    }

    /// <summary>Reads every sample line; comments and blank lines are skipped; a line that is not a sample fails the read.</summary>
    public static PrometheusText Parse(string text)
    {
        var parsed = new PrometheusText();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#') continue;
            parsed._samples.Add(ParseSample(line));
        }
        return parsed;
    }

    /// <summary>The sum of the samples named <paramref name="name"/> whose labels include every given pair (0 when none).</summary>
    public double Sum(string name, params (string Label, string Value)[] labels) =>
        Matching(name, labels).Sum(s => s.Value);

    /// <summary>The samples named <paramref name="name"/>: each one's labels and value.</summary>
    public IReadOnlyList<(Dictionary<string, string> Labels, double Value)> Series(string name) =>
        [.. Matching(name, []).Select(s => (s.Labels, s.Value))];

    private IEnumerable<(string Name, Dictionary<string, string> Labels, double Value)> Matching(string name, (string Label, string Value)[] labels) =>
        _samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value));

    private static (string, Dictionary<string, string>, double) ParseSample(string line)
    {
        var at = 0;
        while (at < line.Length && line[at] != '{' && line[at] != ' ') at++;
        var name = line[..at];
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (at < line.Length && line[at] == '{')
        {
            at++;
            while (line[at] != '}')
            {
                var equals = line.IndexOf('=', at);
                var label = line[at..equals].Trim();
                at = equals + 1;
                if (line[at] != '"') throw new FormatException($"metrics line without a quoted label value: {line}");
                labels[label] = ReadQuoted(line, ref at);
                if (line[at] == ',') at++;
            }
            at++;
        }
        var fields = line[at..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 0) throw new FormatException($"metrics line without a value: {line}");
        var value = fields[0] switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            var number => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return (name, labels, value);
    }

    /// <summary>A quoted label value from its opening quote; leaves <paramref name="at"/> after the closing one.</summary>
    private static string ReadQuoted(string line, ref int at)
    {
        var value = new StringBuilder();
        for (at++; line[at] != '"'; at++)
        {
            if (line[at] == '\\')
            {
                at++;
                value.Append(line[at] == 'n' ? '\n' : line[at]);
            }
            else
            {
                value.Append(line[at]);
            }
        }
        at++;
        return value.ToString();
    }
}
