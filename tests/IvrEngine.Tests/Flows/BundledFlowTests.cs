using IvrEngine.Flows;

namespace IvrEngine.Tests.Flows;

/// <summary>
/// Every flow under <c>menus/</c> as its own NUnit test case, so CI runs the QA flows with
/// <c>dotnet test</c> and no extra step; a failure shows the runner's own message.
/// </summary>
public sealed class BundledFlowTests
{
    private static readonly Lazy<FlowSuite> Suite = new(() => new FlowLoader().Load(Directory.EnumerateFiles(RepoPaths.Menus, "*.flow", SearchOption.AllDirectories)));

    /// <summary>
    /// The category of the flow cases eng/generate-bundled-flows.py writes from the menu itself (one per
    /// option, phrase and escape). They are most of the count, so CI reports them apart from the tests written by hand.
    /// </summary>
    public const string GeneratedCategory = "GeneratedFlow";

    public static IEnumerable<TestCaseData> Cases() =>
        Suite.Value.Cases.Select(c =>
        {
            var relative = Path.GetRelativePath(RepoPaths.Menus, c.File.Path).Replace('\\', '/');
            var data = new TestCaseData(c).SetArgDisplayNames($"{relative}: {c.Name}");
            return relative.Contains("/generated/", StringComparison.Ordinal) ? data.SetCategory(GeneratedCategory) : data;
        });

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

    /// <summary>Every menu that flows under <c>menus/</c> call, one case each.</summary>
    public static IEnumerable<TestCaseData> Menus() =>
        MenuFlowCoverage.ByMenu(Suite.Value.Cases).Select(m => new TestCaseData(m.MenuPath).SetArgDisplayNames(Path.GetRelativePath(RepoPaths.Menus, m.MenuPath).Replace('\\', '/')));

    [TestCaseSource(nameof(Menus))]
    public void EachMenusFlows_CoverEveryOptionAndEscape(string menuPath)
    {
        var report = MenuFlowCoverage.Report(MenuFlowCoverage.ByMenu(Suite.Value.Cases).Single(m => m.MenuPath == menuPath).Cases);
        Assert.That(report.HeadlinePercent, Is.EqualTo(100), string.Join("\n", report.Rows.Where(r => r.CountsTowardHeadline).SelectMany(r => r.Missing)));
    }

    [Test]
    public void TheBundledMenusFlows_CoverEveryRowOfTheCoverageTable()
    {
        var report = MenuFlowCoverage.Report(MenuFlowCoverage.ByMenu(Suite.Value.Cases).Single(m => m.MenuPath == Path.GetFullPath(RepoPaths.BundledMenu)).Cases);
        Assert.That(report.Rows.Where(r => r.Percent < 100).Select(r => $"{r.Name}: {string.Join(", ", r.Missing)}"), Is.Empty);
        Assert.That(report.AllPathsPercent, Is.EqualTo(100));
    }
}
