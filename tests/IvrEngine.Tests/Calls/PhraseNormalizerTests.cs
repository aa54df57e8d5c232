using IvrEngine.Calls;

namespace IvrEngine.Tests.Calls;

public sealed class PhraseNormalizerTests
{
    [TestCase("Customer-Service!", "customer service")]
    [TestCase("  I DON'T know  ", "i dont know")]
    [TestCase("Счёт", "счет")]
    [TestCase("ｏｐｅｒａｔｏｒ", "operator")]
    [TestCase("operator😀please", "operator please")]
    [TestCase("\u001b[31moperator", "31moperator")]
    [TestCase("\ud800 operator", "operator")]
    [TestCase("", "")]
    public void Normalize_FoldsCaseWidthAndPunctuation_IntoOneForm(string text, string expected)
    {
        Assert.That(PhraseNormalizer.Normalize(text), Is.EqualTo(expected));
    }
}
