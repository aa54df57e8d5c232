using IvrEngine.Flows;

namespace IvrEngine.Tests.Flows;

/// <summary>
/// Every flow under <c>menus/</c> as its own NUnit test case, so CI runs the QA flows with
/// <c>dotnet test</c> and no extra step; a failure shows the runner's own message.
/// </summary>
public sealed class BundledFlowTests
{
    private static readonly Lazy<FlowSuite> Suite = new(() => new FlowLoader().Load(Directory.EnumerateFiles(RepoPaths.Menus, "*.flow", SearchOption.AllDirectories)));

    public static IEnumerable<TestCaseData> Cases() =>
        Suite.Value.Cases.Select(c => new TestCaseData(c).SetArgDisplayNames($"{Path.GetRelativePath(RepoPaths.Menus, c.File.Path)}: {c.Name}"));

    [Test]
    public void EveryBundledFlowFile_IsValid()
    {
        Assert.That(Suite.Value.Diagnostics.Select(d => d.ToString()), Is.Empty);
        Assert.That(Suite.Value.Cases, Is.Not.Empty);
    }

    [TestCaseSource(nameof(Cases))]
    public void Flow(FlowCase flowCase)
    {
        var result = new FlowRunner(TimeProvider.System).Run(flowCase);
        Assert.That(result.Failure, Is.Null, result.Failure);
    }

    [Test]
    public void BundledFlows_CoverEveryOptionAndEscape()
    {
        var results = new FlowRunner(TimeProvider.System).RunAll(Suite.Value.Cases);
        var reports = FlowCoverage.Of(results);
        // One report per menu the flows call: the bundled line and each example with flows.
        Assert.That(reports.Select(r => r.Menu.Name), Is.SupersetOf(new[] { "carrier-support", "three-languages" }));
        foreach (var report in reports)
        {
            Assert.That(report.HeadlinePercent, Is.EqualTo(100), $"{report.Menu.Name}: " + string.Join("\n", report.Rows.SelectMany(r => r.Missing)));
        }
    }
}
