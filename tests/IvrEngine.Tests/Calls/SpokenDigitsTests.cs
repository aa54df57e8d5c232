using IvrEngine.Calls;

namespace IvrEngine.Tests.Calls;

public sealed class SpokenDigitsTests
{
    [TestCase("4 8 1 5", "4815")]
    [TestCase("4815", "4815")]
    [TestCase("four eight one five", "4815")]
    [TestCase("Oh, five, 5", "055")]
    [TestCase("четыре восемь один пять", "4815")]
    [TestCase("два ноль 7", "207")]
    public void Read_DigitsAndDigitWords(string utterance, string expected)
    {
        Assert.That(SpokenDigits.Read(utterance), Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("four hundred")]
    [TestCase("my number is 4815")]
    [TestCase("operator")]
    public void Read_AnythingButDigits_IsNull(string utterance)
    {
        Assert.That(SpokenDigits.Read(utterance), Is.Null);
    }
}
