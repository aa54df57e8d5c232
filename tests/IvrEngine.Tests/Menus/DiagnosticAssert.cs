using IvrEngine.Menus;

namespace IvrEngine.Tests.Menus;

/// <summary>Loads a test menu and pins down the one diagnostic a specification is about.</summary>
internal static class DiagnosticAssert
{
    /// <summary>The only diagnostic with <paramref name="code"/>; with an error code the menu must not load.</summary>
    public static MenuDiagnostic Single(string json, string code)
    {
        var result = MenuLoader.Load(json, SampleMenus.Path);
        var matching = result.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.That(matching, Has.Count.EqualTo(1), "diagnostics:\n" + string.Join("\n", result.Diagnostics));
        if (matching[0].IsError)
        {
            Assert.That(result.Menu, Is.Null);
        }

        Assert.That(matching[0].File, Is.EqualTo(SampleMenus.Path));
        return matching[0];
    }

    /// <summary>The diagnostic with <paramref name="code"/> sits at the first occurrence of <paramref name="needle"/> with this path.</summary>
    public static MenuDiagnostic At(string json, string code, string needle, string jsonPath)
    {
        var diagnostic = Single(json, code);
        var (line, column) = SampleMenus.PositionOf(json, needle);
        Assert.That((diagnostic.Line, diagnostic.Column, diagnostic.JsonPath), Is.EqualTo((line, column, jsonPath)), diagnostic.ToString());
        return diagnostic;
    }

    /// <summary>Exactly one diagnostic, an IVR0001 error, and no menu.</summary>
    public static MenuDiagnostic Unreadable(MenuLoadResult result)
    {
        Assert.That(result.Diagnostics, Has.Length.EqualTo(1), string.Join("\n", result.Diagnostics));
        var diagnostic = result.Diagnostics[0];
        Assert.That(diagnostic.Code, Is.EqualTo("IVR0001"));
        Assert.That(diagnostic.IsError, Is.True);
        Assert.That(result.Menu, Is.Null);
        return diagnostic;
    }
}
