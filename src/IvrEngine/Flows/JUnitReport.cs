using System.Globalization;
using System.Text;
using System.Xml;

namespace IvrEngine.Flows;

/// <summary>
/// Writes runs as JUnit XML, the shape CI servers (Jenkins, GitLab, GitHub actions, Azure DevOps)
/// read: <c>testsuites</c> / one <c>testsuite</c> per flow file / one <c>testcase</c> per run, with
/// <c>failure</c> for a failed flow and <c>error</c> for a flow file that could not be read.
/// </summary>
public static class JUnitReport
{
    public static void Write(Stream destination, IReadOnlyList<FlowResult> results, IReadOnlyList<FlowDiagnostic> problems, TimeSpan elapsed)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using var xml = XmlWriter.Create(destination, settings);
        var badFiles = problems.GroupBy(p => p.At.File, StringComparer.Ordinal).ToList();
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "ivr test");
        xml.WriteAttributeString("tests", Count(results.Count + badFiles.Count));
        xml.WriteAttributeString("failures", Count(results.Count(r => !r.Passed)));
        xml.WriteAttributeString("errors", Count(badFiles.Count));
        xml.WriteAttributeString("time", Seconds(elapsed));

        foreach (var file in results.GroupBy(r => r.Case.File.Path, StringComparer.Ordinal))
        {
            StartSuite(xml, file.Key, file.Count(), file.Count(r => !r.Passed), 0, file.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Elapsed));
            foreach (var result in file)
            {
                StartCase(xml, result.Case.Name, file.Key, result.Elapsed);
                if (result.Failure is { } failure) Problem(xml, "failure", "FlowFailed", failure);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }

        foreach (var file in badFiles)
        {
            StartSuite(xml, file.Key, 1, 0, 1, TimeSpan.Zero);
            StartCase(xml, Path.GetFileName(file.Key), file.Key, TimeSpan.Zero);
            Problem(xml, "error", "FlowFileInvalid", string.Join('\n', file));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void StartSuite(XmlWriter xml, string name, int tests, int failures, int errors, TimeSpan time)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("tests", Count(tests));
        xml.WriteAttributeString("failures", Count(failures));
        xml.WriteAttributeString("errors", Count(errors));
        xml.WriteAttributeString("skipped", "0");
        xml.WriteAttributeString("time", Seconds(time));
    }

    private static void StartCase(XmlWriter xml, string name, string file, TimeSpan time)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", name);
        // CI servers group by class name: the flow file, as a dotted path without its extension.
        xml.WriteAttributeString("classname", Path.ChangeExtension(file, null).Replace('\\', '/').TrimStart('.', '/').Replace('/', '.'));
        xml.WriteAttributeString("time", Seconds(time));
    }

    private static void Problem(XmlWriter xml, string element, string type, string text)
    {
        xml.WriteStartElement(element);
        xml.WriteAttributeString("message", text.Split('\n')[0]);
        xml.WriteAttributeString("type", type);
        xml.WriteString(text);
        xml.WriteEndElement();
    }

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
