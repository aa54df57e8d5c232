using IvrEngine.Calls;

namespace IvrEngine.Tests.Calls;

/// <summary>Whatever a caller keys or says on a menu that validated, the call answers it and never throws.</summary>
public sealed class HostileCallerTests
{
    private static readonly string CatastrophicPattern = TestMenus.Line.Replace(
        "\"minLength\": 4, \"maxLength\": 8, \"pattern\": \"^[1-9][0-9]*$\"",
        "\"minLength\": 4, \"maxLength\": 64, \"pattern\": \"^(\\\\d+)+x$\"",
        StringComparison.Ordinal);

    [Test]
    public void CollectDigits_PatternThatWouldBacktrackForever_FortyDigitsAreAnInvalidEntry()
    {
        Assert.That(CatastrophicPattern, Does.Contain("^(\\\\d+)+x$"), "the test menu must carry the pattern");
        var call = new TestCall(TestMenus.Load(CatastrophicPattern)).Press("2");

        call.Press(new string('1', 40) + "#");

        Assert.That(call.Events(CallEventType.InvalidInput).Single().Text, Is.EqualTo($"{new string('1', 40)} does not match the expected format"));
        Assert.That(call.Session.State, Is.EqualTo(CallState.CollectingDigits));
    }
}
