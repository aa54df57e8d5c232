using System.Text;
using IvrEngine.Menus;

namespace IvrEngine.Tests.Menus;

/// <summary>Whatever bytes arrive, the loader answers with one clear IVR0001, quickly, and never throws.</summary>
public sealed class MenuLoaderHostileInputTests
{
    [TestCase("")]
    [TestCase("   \r\n\t  \n")]
    public void Load_EmptyOrWhitespaceFile_SaysTheFileIsEmpty(string text)
    {
        var diagnostic = DiagnosticAssert.Unreadable(MenuLoader.Load(text, "empty.json"));

        Assert.That(diagnostic.Message, Is.EqualTo("the file is empty"));
        Assert.That((diagnostic.Line, diagnostic.Column, diagnostic.JsonPath), Is.EqualTo((1, 1, "$")));
    }

    [Test]
    public void Load_RandomBinaryBytes_IsOneUnreadableError()
    {
        var bytes = new byte[64 * 1024];
        new Random(1234).NextBytes(bytes);

        DiagnosticAssert.Unreadable(MenuLoader.Load(bytes, "binary.json"));
    }

    [Test]
    public void Load_Utf16LittleEndianWithBom_AsksForUtf8()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(SampleMenus.Valid)).ToArray();

        var diagnostic = DiagnosticAssert.Unreadable(MenuLoader.Load(bytes, "wide.json"));

        Assert.That(diagnostic.Message, Is.EqualTo("the file is UTF-16; save it as UTF-8"));
    }

    [Test]
    public void Load_Utf16WithoutBom_AsksForUtf8()
    {
        var diagnostic = DiagnosticAssert.Unreadable(MenuLoader.Load(Encoding.Unicode.GetBytes(SampleMenus.Valid), "wide.json"));

        Assert.That(diagnostic.Message, Is.EqualTo("the file is UTF-16; save it as UTF-8"));
    }

    [Test]
    public void Load_Utf32WithBom_AsksForUtf8()
    {
        var bytes = Encoding.UTF32.GetPreamble().Concat(Encoding.UTF32.GetBytes(SampleMenus.Valid)).ToArray();

        var diagnostic = DiagnosticAssert.Unreadable(MenuLoader.Load(bytes, "wide.json"));

        Assert.That(diagnostic.Message, Is.EqualTo("the file is UTF-32; save it as UTF-8"));
    }

    [Test]
    public void Load_HundredThousandNestedArrays_ReportsTheDepthLimitWhereItIsCrossed()
    {
        var diagnostic = DiagnosticAssert.Unreadable(MenuLoader.Load(new string('[', 100_000), "deep.json"));

        Assert.That(diagnostic.Message, Does.Contain("nested more than 64 levels"));
        Assert.That((diagnostic.Line, diagnostic.Column), Is.EqualTo((1, 65)));
    }

    [Test]
    public void Load_SixtyFourLevelsOfNesting_IsStillReadAsJson()
    {
        var json = new string('[', 64) + new string(']', 64);

        var result = MenuLoader.Load(json, "deep.json");

        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("IVR0002"), "the root must be an object, but the depth is fine");
    }

    [Test]
    public void Load_ThirtyMegabyteString_IsRejectedBySizeBeforeParsing()
    {
        var json = "{ \"name\": \"" + new string('a', 30 * 1024 * 1024) + "\" }";

        var diagnostic = DiagnosticAssert.Unreadable(MenuLoader.Load(json, "big.json"));

        Assert.That(diagnostic.Message, Is.EqualTo("the file is 30.0 MiB; a menu may be at most 4 MiB"));
    }

    [Test]
    public void LoadFile_ThirtyMegabyteFile_IsRejectedBySize()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ivr-big-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{ \"name\": \"" + new string('a', 30 * 1024 * 1024) + "\" }");
        try
        {
            var diagnostic = DiagnosticAssert.Unreadable(MenuLoader.LoadFile(path));

            Assert.That(diagnostic.Message, Is.EqualTo("the file is 30.0 MiB; a menu may be at most 4 MiB"));
            Assert.That(diagnostic.File, Is.EqualTo(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Load_InvalidUtf8_NamesTheByteAndWhereItIs()
    {
        var bytes = Encoding.UTF8.GetBytes("{\n  \"name\": \"ab").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\" }")).ToArray();

        var diagnostic = DiagnosticAssert.Unreadable(MenuLoader.Load(bytes, "bad.json"));

        Assert.That(diagnostic.Message, Is.EqualTo("the file is not valid UTF-8 (byte 0xC3); save it as UTF-8"));
        Assert.That((diagnostic.Line, diagnostic.Column), Is.EqualTo((2, 14)));
    }

    [Test]
    public void Load_NulBytes_SayTheFileLooksBinary()
    {
        var diagnostic = DiagnosticAssert.Unreadable(MenuLoader.Load("{ \"name\": \"a\0b\" }", "nul.json"));

        Assert.That(diagnostic.Message, Does.Contain("NUL bytes"));
    }

    [Test]
    public void LoadFile_MissingFile_IsOneUnreadableErrorAtTheStart()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ivr-missing-{Guid.NewGuid():N}.json");

        var diagnostic = DiagnosticAssert.Unreadable(MenuLoader.LoadFile(path));

        Assert.That((diagnostic.File, diagnostic.Line, diagnostic.Column, diagnostic.JsonPath), Is.EqualTo((path, 1, 1, "$")));
        Assert.That(diagnostic.Message, Does.StartWith("the file cannot be read"));
    }

    [Test]
    public void Load_SyntaxError_IsReportedAtTheOffendingCharacter()
    {
        var json = "{\n  \"name\": \"x\",\n  \"start\" \"main\"\n}";

        var diagnostic = DiagnosticAssert.Unreadable(MenuLoader.Load(json, "syntax.json"));

        Assert.That((diagnostic.Line, diagnostic.Column), Is.EqualTo((3, 11)));
        Assert.That(diagnostic.Message, Does.StartWith("the file is not valid JSON"));
        Assert.That(diagnostic.Message, Does.Not.Contain("LineNumber"));
    }

    [Test]
    public void Load_SyntaxErrorAfterCyrillic_CountsTheColumnInCharactersNotBytes()
    {
        var json = "{\n  \"prompt\": \"Введите номер\" ]\n}";

        var diagnostic = DiagnosticAssert.Unreadable(MenuLoader.Load(json, "ru.json"));

        var (line, column) = SampleMenus.PositionOf(json, "]");
        Assert.That((diagnostic.Line, diagnostic.Column), Is.EqualTo((line, column)));
    }

    [Test]
    public void Load_TruncatedFile_IsOneUnreadableError()
    {
        DiagnosticAssert.Unreadable(MenuLoader.Load(SampleMenus.Valid[..(SampleMenus.Valid.Length / 2)], "cut.json"));
    }

    [Test]
    public void Load_TextAfterTheRootObject_IsOneUnreadableError()
    {
        DiagnosticAssert.Unreadable(MenuLoader.Load(SampleMenus.Valid + "\n}", "extra.json"));
    }

    [Test]
    public void Load_OnlyComments_IsOneUnreadableError()
    {
        DiagnosticAssert.Unreadable(MenuLoader.Load("// nothing here\n/* still nothing */", "comments.json"));
    }

    [Test]
    public void Load_LoneSurrogateEscape_IsOneUnreadableError()
    {
        DiagnosticAssert.Unreadable(MenuLoader.Load("{ \"name\": \"\\uD800\" }", "surrogate.json"));
    }

    [Test]
    public void Load_MillionsOfValuesOnOneLine_IsOneUnreadableError()
    {
        var json = "{\"nodes\":[" + string.Concat(Enumerable.Repeat("1,", 2_000_000)) + "1]}";

        var diagnostic = DiagnosticAssert.Unreadable(MenuLoader.Load(json, "many.json"));

        Assert.That(diagnostic.Message, Does.Contain("JSON values"));
    }

    [Test]
    public void Load_LongMinifiedLine_LocatesAProblemAtItsEnd()
    {
        var filler = string.Concat(Enumerable.Range(0, 50_000).Select(i => $"\"p{i}\":{{\"ru-RU\":\"ё\"}},"));
        var json = "{" + filler + "\"zz\":}";

        var diagnostic = DiagnosticAssert.Unreadable(MenuLoader.Load(json, "minified.json"));

        Assert.That((diagnostic.Line, diagnostic.Column), Is.EqualTo((1, json.Length)));
    }
}
