using System.Xml.Linq;
using IvrEngine.Flows;

namespace IvrEngine.Tests.Flows;

public sealed class JUnitReportTests
{
    [Test]
    public void Report_HasTheShapeCiServersRead()
    {
        using var folder = new FlowFolder();
        var good = folder.Write("good.flow", "menu: test-line.json\nlocale: en-US, ru-RU\npress 1\nexpect node billing\n");
        var bad = folder.Write("bad.flow", "menu: test-line.json\npres 1\n");
        var failing = folder.Write("failing.flow", "menu: test-line.json\npress 1\nexpect node plans\n");
        var suite = new FlowLoader().Load([good, bad, failing]);
        var results = new FlowRunner(TimeProvider.System).RunAll(suite.Cases);

        using var stream = new MemoryStream();
        JUnitReport.Write(stream, results, suite.Diagnostics, TimeSpan.FromMilliseconds(12));
        stream.Position = 0;
        var root = XDocument.Load(stream).Root!;

        // The usual JUnit shape: testsuites > testsuite > testcase (> failure | error), counts as attributes.
        Assert.That(root.Name.LocalName, Is.EqualTo("testsuites"));
        Assert.That((string?)root.Attribute("tests"), Is.EqualTo("4"));
        Assert.That((string?)root.Attribute("failures"), Is.EqualTo("1"));
        Assert.That((string?)root.Attribute("errors"), Is.EqualTo("1"));
        Assert.That((string?)root.Attribute("time"), Is.EqualTo("0.012"));
        var suites = root.Elements("testsuite").ToList();
        Assert.That(suites.Select(s => (string?)s.Attribute("name")), Is.EqualTo(new[] { failing, good, bad }), "flow files in path order, then the bad ones");
        foreach (var testSuite in suites)
        {
            Assert.That(testSuite.Attributes().Select(a => a.Name.LocalName), Is.SupersetOf(new[] { "name", "tests", "failures", "errors", "skipped", "time" }));
            Assert.That(int.Parse((string)testSuite.Attribute("tests")!, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(testSuite.Elements("testcase").Count()));
            foreach (var testCase in testSuite.Elements("testcase"))
            {
                Assert.That(testCase.Attributes().Select(a => a.Name.LocalName), Is.SupersetOf(new[] { "name", "classname", "time" }));
                Assert.That(testCase.Elements().Select(e => e.Name.LocalName), Is.SubsetOf(new[] { "failure", "error" }));
            }
        }
        Assert.That(suites[1].Elements("testcase").Select(c => (string?)c.Attribute("name")), Is.EqualTo(new[] { "good [en-US]", "good [ru-RU]" }));
        var failure = suites[0].Element("testcase")!.Element("failure")!;
        Assert.That((string?)failure.Attribute("message"), Does.EndWith("`expect node plans` failed in failing [en-US]"));
        Assert.That(failure.Value, Does.Contain("expected the caller at node 'plans'"));
        Assert.That(suites[2].Element("testcase")!.Element("error")!.Value, Does.Contain("error FLOW0002: unknown step 'pres'"));
    }
}
