using IvrEngine.Hosting.Simulation;

namespace IvrEngine.Tests.Simulation.Staffing;

/// <summary>
/// The service level of an interval over independent weeks and its 95% interval: the ratio
/// estimator Σ in time ÷ Σ judged, its delta-method standard error over the weeks and Student's t,
/// checked on numbers worked by hand.
/// </summary>
[TestFixture]
public sealed class ServiceLevelEstimateTests
{
    [Test]
    public void ThreeWeeksOfTenCallers_GiveTheHandWorkedInterval()
    {
        // 8, 7 and 6 of 10 in time: 0.7; residuals 1 + 0 + 1 = 2, standard error √(2 / 2 / 3) / 10
        // = 0.057735, t(2 degrees of freedom) = 4.303, so 0.7 ± 0.248434.
        var estimate = ServiceLevelEstimate.From([(8, 10), (7, 10), (6, 10)])!;

        Assert.Multiple(() =>
        {
            Assert.That(estimate.ServiceLevel, Is.EqualTo(0.7).Within(1e-12));
            Assert.That(estimate.Low, Is.EqualTo(0.7 - 0.248434).Within(1e-6));
            Assert.That(estimate.High, Is.EqualTo(0.7 + 0.248434).Within(1e-6));
            Assert.That(estimate.Weeks, Is.EqualTo(3));
            Assert.That(estimate.Callers, Is.EqualTo(30));
        });
    }

    [Test]
    public void WeeksOfDifferentSizes_ArePooledByCallers_NotAveragedByWeek()
    {
        // 45 of 50, 70 of 100, 36 of 50: 151 / 200 = 0.755 (the weeks' own levels average 0.78).
        // Residuals 45 − 37.75, 70 − 75.5, 36 − 37.75: 52.5625 + 30.25 + 3.0625 = 85.875;
        // standard error √(85.875 / 2 / 3) / (200 / 3) = 0.056748; ± 4.303 × that = 0.244186.
        var estimate = ServiceLevelEstimate.From([(45, 50), (70, 100), (36, 50)])!;

        Assert.Multiple(() =>
        {
            Assert.That(estimate.ServiceLevel, Is.EqualTo(0.755).Within(1e-12));
            Assert.That(estimate.Low, Is.EqualTo(0.755 - 0.244186).Within(1e-6));
            Assert.That(estimate.High, Is.EqualTo(0.755 + 0.244186).Within(1e-6), "not clipped: below 1");
        });
    }

    [Test]
    public void MoreWeeks_NarrowTheInterval_AtTheSameLevel()
    {
        (long, long)[] pattern = [(8, 10), (7, 10), (6, 10)];
        var three = ServiceLevelEstimate.From(pattern)!;
        var six = ServiceLevelEstimate.From([.. pattern, .. pattern])!;
        var thirtyThree = ServiceLevelEstimate.From([.. Enumerable.Repeat(pattern, 11).SelectMany(p => p)])!;

        Assert.Multiple(() =>
        {
            Assert.That(six.ServiceLevel, Is.EqualTo(three.ServiceLevel).Within(1e-12));
            // Six weeks: residuals 4, √(4 / 5 / 6) / 10 = 0.036515, t(5) = 2.571: ± 0.093880.
            Assert.That(six.High - six.ServiceLevel, Is.EqualTo(0.093880).Within(1e-6));
            // 33 weeks: residuals 22, √(22 / 32 / 33) / 10 = 0.014434, past 30 degrees of freedom the normal's 1.96: ± 0.028290.
            Assert.That(thirtyThree.High - thirtyThree.ServiceLevel, Is.EqualTo(0.028290).Within(1e-6));
            Assert.That(thirtyThree.High - thirtyThree.Low, Is.LessThan(six.High - six.Low));
            Assert.That(six.High - six.Low, Is.LessThan(three.High - three.Low));
        });
    }

    [Test]
    public void TheInterval_StaysWithinZeroAndOne()
    {
        var twoWeeks = ServiceLevelEstimate.From([(9, 10), (5, 10)])!;
        var allInTime = ServiceLevelEstimate.From([(10, 10), (12, 12)])!;

        Assert.Multiple(() =>
        {
            // 0.7 ± 12.706 × 0.2: far past both ends.
            Assert.That((twoWeeks.Low, twoWeeks.High), Is.EqualTo((0.0, 1.0)));
            Assert.That((allInTime.ServiceLevel, allInTime.Low, allInTime.High), Is.EqualTo((1.0, 1.0, 1.0)), "no spread between the weeks, no width");
        });
    }

    [Test]
    public void OneWeekWithCallers_IsNoEstimate_ButAnEmptyWeekStillCounts()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ServiceLevelEstimate.From([(8, 10)]), Is.Null, "no spread can be measured from one week");
            Assert.That(ServiceLevelEstimate.From([(8, 10), (0, 0)]), Is.Null);
            Assert.That(ServiceLevelEstimate.From([(0, 0), (0, 0), (0, 0)]), Is.Null);
            // An empty week is a replication too: it widens the interval (4 weeks, 3 degrees of freedom).
            var withEmpty = ServiceLevelEstimate.From([(8, 10), (7, 10), (6, 10), (0, 0)])!;
            Assert.That(withEmpty.Weeks, Is.EqualTo(4));
            Assert.That(withEmpty.ServiceLevel, Is.EqualTo(0.7).Within(1e-12));
        });
    }

    [TestCase(0.80, 0.95, 0.8, StaffingVerdict.Meets)]
    [TestCase(0.81, 0.95, 0.8, StaffingVerdict.Meets)]
    [TestCase(0.79, 0.95, 0.8, StaffingVerdict.WithinNoise)]
    [TestCase(0.70, 0.80, 0.8, StaffingVerdict.WithinNoise)]
    [TestCase(0.60, 0.7999, 0.8, StaffingVerdict.Misses)]
    public void AnInterval_MeetsOnlyWhollyAtOrAbove_AndMissesOnlyWhollyBelow(double low, double high, double target, StaffingVerdict verdict)
    {
        var estimate = new ServiceLevelEstimate((low + high) / 2, low, high, Weeks: 10, Callers: 7200);

        Assert.That(PlanChecker.VerdictOf(estimate, new ServiceTarget(target, NodaTime.Duration.FromSeconds(20))), Is.EqualTo(verdict));
    }
}
