using IvrEngine.Menus.Loading;

namespace IvrEngine.Tests.Menus;

/// <summary>"Did you mean": only for what looks like a slip of the keyboard.</summary>
public sealed class SuggestionsTests
{
    [TestCase("mian", "main", TestName = "Swapped letters are one slip")]
    [TestCase("promt", "prompt", TestName = "A dropped letter is one slip")]
    [TestCase("Retries", "retries", TestName = "Case does not count")]
    [TestCase("12", "1", TestName = "An extra digit after a key")]
    public void ANearMiss_IsSuggested(string typed, string expected)
    {
        Assert.That(Suggestions.Closest(typed, ["main", "prompt", "retries", "1", "2", "3"]), Is.EqualTo(expected));
    }

    [TestCase("9", TestName = "Another single key shares nothing with the real ones")]
    [TestCase("name", TestName = "A different word is not a typo")]
    [TestCase("xy", TestName = "Two characters, both different")]
    public void SomethingElse_GetsNoSuggestion(string typed)
    {
        Assert.That(Suggestions.Closest(typed, ["1", "2", "3", "nodes", "ab"]), Is.Null);
        Assert.That(Suggestions.DidYouMean(typed, ["1", "2", "3", "nodes", "ab"]), Is.Empty);
    }
}
