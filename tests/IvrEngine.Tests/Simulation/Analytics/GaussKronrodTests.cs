using IvrEngine.Simulation.Analytics;

namespace IvrEngine.Tests.Simulation.Analytics;

public sealed class GaussKronrodTests
{
    [Test]
    public void PolynomialsUpToDegree22_AreIntegratedExactly_InOnePiece()
    {
        // The 15-point Kronrod rule is exact to degree 3·7 + 1 = 22: ∫₀¹ x²² dx = 1/23.
        Assert.That(GaussKronrod.Integrate(x => Math.Pow(x, 22), 0, 1), Is.EqualTo(1.0 / 23).Within(1e-15));
        Assert.That(GaussKronrod.Integrate(x => (3 * x * x) - x + 2, -1, 2), Is.EqualTo(13.5).Within(1e-14));
    }

    [Test]
    public void SmoothIntegrands_ReachTheTolerance()
    {
        Assert.That(GaussKronrod.Integrate(Math.Exp, 0, 1), Is.EqualTo(Math.E - 1).Within(1e-15));
        Assert.That(GaussKronrod.Integrate(x => Math.Exp(-x * x), -10, 10), Is.EqualTo(Math.Sqrt(Math.PI)).Within(1e-13));
        Assert.That(GaussKronrod.Integrate(x => 1 / x, 1, 1000), Is.EqualTo(Math.Log(1000)).Within(1e-12));
    }

    [Test]
    public void AnEmptyOrReversedRange_IsZero()
    {
        Assert.That(GaussKronrod.Integrate(_ => 1, 2, 2), Is.Zero);
        Assert.That(GaussKronrod.Integrate(_ => 1, 3, 2), Is.Zero);
    }

    [TestCase(1e-9)]
    [TestCase(-1e-9)]
    [TestCase(1e-3)]
    [TestCase(0.7)]
    [TestCase(-2)]
    public void PreciseMath_KeepsItsDigitsNearZero(double x)
    {
        // The series as the reference: eˣ − 1 = x + Σₖ₌₂ xᵏ/k!, the tail kept apart so it is not rounded away.
        double term = x, tail = 0;
        for (var k = 2; k < 100; k++) tail += term *= x / k;
        var expM1 = x + tail;

        Assert.That(PreciseMath.ExpM1(x), Is.EqualTo(expM1).Within(4e-16 * Math.Abs(expM1)));
        Assert.That(PreciseMath.ExcessOverExpM1(-x), Is.EqualTo(tail).Within(1e-15 * Math.Abs(tail)), "y + e^(−y) − 1 at y = −x");
    }
}
