using IvrEngine.Menus.Lint;

namespace IvrEngine.Tests.Menus.Lint;

/// <summary>Lint on a huge menu stays linear, and each finding stays one short line.</summary>
public sealed class HostileMenuLintTests
{
    [Test]
    public void IVRL004_TenThousandMenuChain_NamesTheEndsOfEachPathAndCountsTheRest()
    {
        var report = MenuLinter.Lint(HostileMenus.Chain(10_000, menus: true), "huge-chain.json");
        Assert.That(report.Load.Succeeded, Is.True, () => string.Join("\n", report.Load.Diagnostics.Take(5)));

        var deep = report.Findings.Where(f => f.Code == "IVRL004").ToList();

        Assert.That(deep, Has.Count.EqualTo(10_000 - 3), "every menu below level 4 is a finding");
        Assert.That(deep.Last().Message, Does.StartWith(
            "node 'a9999' is menu level 10001 (main > a0 > a1 > a2 > a3 > (9,991 more) > a9995 > a9996 > a9997 > a9998 > a9999); the limit is 4"));
        Assert.That(deep.Max(f => f.ToString().Length), Is.LessThan(400), "no finding carries its whole path");
    }

    [Test]
    public void IVRL004_PathOfTenNodes_IsSaidInFull()
    {
        var report = MenuLinter.Lint(HostileMenus.Chain(9, menus: true), "chain.json");

        var deepest = report.Findings.Last(f => f.Code == "IVRL004");

        Assert.That(deepest.Message, Does.StartWith("node 'a8' is menu level 10 (main > a0 > a1 > a2 > a3 > a4 > a5 > a6 > a7 > a8)"));
    }
}
