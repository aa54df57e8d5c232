using System.Text.RegularExpressions;
using IvrEngine.Calls;

namespace IvrEngine.Tests.Calls;

public sealed partial class ReferenceNumberTests
{
    private const int GeneratedCount = 200;

    private static IEnumerable<ReferenceNumber> Generated()
    {
        var random = new Random(20261130);
        for (var i = 0; i < GeneratedCount; i++) yield return ReferenceNumber.Create(random);
    }

    [Test]
    public void Create_GivesNineDigitsInThreeGroups_WithNoLeadingZero()
    {
        foreach (var reference in Generated())
        {
            Assert.That(reference.ToString(), Does.Match(ThreeGroups()));
            Assert.That(reference.Digits, Has.Length.EqualTo(9));
            Assert.That(reference.Digits[0], Is.Not.EqualTo('0'), reference.ToString());
            Assert.That(reference.ToString().Replace("-", "", StringComparison.Ordinal), Is.EqualTo(reference.Digits));
        }
    }

    [Test]
    public void Create_UsesEveryLeadingDigitFromOneToNine()
    {
        Assert.That(Generated().Select(r => r.Digits[0]).Distinct().Order(), Is.EqualTo("123456789"));
    }

    [Test]
    public void Create_EndsInItsDammCheckDigit_SoEveryGeneratedNumberParsesBack()
    {
        foreach (var reference in Generated())
        {
            Assert.That(ReferenceNumber.CheckDigit(reference.Digits), Is.Zero, reference.ToString());
            Assert.That(ReferenceNumber.TryParse(reference.ToString(), out var parsed), Is.True, reference.ToString());
            Assert.That(parsed, Is.EqualTo(reference));
        }
    }

    [Test]
    public void TryParse_RejectsEverySingleDigitSubstitution()
    {
        var checkedCount = 0;
        foreach (var reference in Generated())
        {
            for (var position = 0; position < 9; position++)
            {
                foreach (var digit in "0123456789")
                {
                    if (digit == reference.Digits[position]) continue;
                    var wrong = reference.Digits.Remove(position, 1).Insert(position, digit.ToString());
                    Assert.That(ReferenceNumber.TryParse(wrong, out _), Is.False, $"{reference} misread as {wrong}");
                    checkedCount++;
                }
            }
        }
        Assert.That(checkedCount, Is.EqualTo(GeneratedCount * 9 * 9));
    }

    [Test]
    public void TryParse_RejectsEverySwapOfTwoDifferentAdjacentDigits()
    {
        var checkedCount = 0;
        foreach (var reference in Generated())
        {
            for (var position = 0; position < 8; position++)
            {
                var digits = reference.Digits.ToCharArray();
                if (digits[position] == digits[position + 1]) continue;
                (digits[position], digits[position + 1]) = (digits[position + 1], digits[position]);
                var swapped = new string(digits);
                Assert.That(ReferenceNumber.TryParse(swapped, out _), Is.False, $"{reference} misread as {swapped}");
                checkedCount++;
            }
        }
        Assert.That(checkedCount, Is.GreaterThan(GeneratedCount * 8 * 8 / 10), "most adjacent pairs differ, so most swaps were tried");
    }

    [TestCase("{0}")]
    [TestCase("{1}{2}{3}")]
    [TestCase("{1}-{2}-{3}")]
    [TestCase("{1} {2} {3}")]
    [TestCase(" {1} - {2} - {3} ")]
    [TestCase("{1}{2}-{3}")]
    public void TryParse_AcceptsTheDigitsWithOrWithoutDashesAndSpaces(string format)
    {
        var reference = Generated().First();
        var digits = reference.Digits;
        var text = format
            .Replace("{0}", reference.ToString(), StringComparison.Ordinal)
            .Replace("{1}", digits[..3], StringComparison.Ordinal)
            .Replace("{2}", digits[3..6], StringComparison.Ordinal)
            .Replace("{3}", digits[6..], StringComparison.Ordinal);

        Assert.That(ReferenceNumber.TryParse(text, out var parsed), Is.True, text);
        Assert.That(parsed, Is.EqualTo(reference));
        Assert.That(parsed.ToString(), Is.EqualTo(reference.ToString()));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("---")]
    [TestCase("12345678")]
    [TestCase("1234567890")]
    [TestCase("48217335")]
    [TestCase("482-173-35a")]
    [TestCase("abc-def-ghi")]
    [TestCase("482.173.359")]
    [TestCase("482_173_359")]
    [TestCase("482\t173\t359")]
    [TestCase("４８２１７３３５９")]
    [TestCase("+48217335")]
    public void TryParse_RejectsWhatIsNotNineDigits(string? text)
    {
        Assert.That(ReferenceNumber.TryParse(text, out var parsed), Is.False);
        Assert.That(parsed, Is.EqualTo(default(ReferenceNumber)));
    }

    [Test]
    public void TryParse_ReturnsDefaultWhenTheCheckDigitIsWrong()
    {
        var digits = Generated().First().Digits;
        var wrong = digits[..8] + (char)('0' + ((digits[8] - '0' + 1) % 10));

        Assert.That(ReferenceNumber.TryParse(wrong, out var parsed), Is.False);
        Assert.That(parsed.Digits, Is.Null);
        Assert.That(parsed.ToString(), Is.Empty);
    }

    [Test]
    public void Create_WithTheSameSeed_GivesTheSameNumbers()
    {
        var first = Enumerable.Range(0, 50).Select(_ => 0).Aggregate((Random: new Random(7), List: new List<ReferenceNumber>()), (acc, _) =>
        {
            acc.List.Add(ReferenceNumber.Create(acc.Random));
            return acc;
        }).List;
        var again = new Random(7);

        Assert.That(first, Is.EqualTo(first.Select(_ => ReferenceNumber.Create(again))));
    }

    [Test]
    public void Create_WithDifferentSeeds_GivesDifferentNumbers()
    {
        var numbers = Enumerable.Range(0, 20).Select(seed => ReferenceNumber.Create(new Random(seed)).Digits).ToList();

        Assert.That(numbers.Distinct().Count(), Is.GreaterThan(15));
    }

    [Test]
    public void CheckDigit_MatchesTheDammAlgorithmsPublishedExample()
    {
        // The standard worked example: 572 has check digit 4, and 5724 validates.
        Assert.That(ReferenceNumber.CheckDigit("572"), Is.EqualTo(4));
        Assert.That(ReferenceNumber.CheckDigit("5724"), Is.Zero);
    }

    [GeneratedRegex(@"^[1-9][0-9]{2}-[0-9]{3}-[0-9]{3}$")]
    private static partial Regex ThreeGroups();
}
