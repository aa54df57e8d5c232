namespace IvrEngine.Menus;

/// <summary>
/// One located problem in a menu file. <see cref="ToString"/> gives the compiler format that
/// editors and CI logs understand: <c>file(line,col): error IVR0001: message [$.json.path]</c>.
/// </summary>
/// <param name="Code">A stable code (<c>IVR0001</c>) documented in <c>docs/menu-format.md</c>.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column, counted in characters.</param>
/// <param name="JsonPath">Where in the document, e.g. <c>$.nodes.main.options[2].goto</c>.</param>
public sealed record MenuDiagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string File,
    int Line,
    int Column,
    string JsonPath,
    string Message)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <remarks>Control characters and bidi overrides from the file (in a key, a path) are escaped: one diagnostic, one line.</remarks>
    public override string ToString() =>
        PrintableText.Escape($"{File}({Line},{Column}): {(IsError ? "error" : "warning")} {Code}: {Message} [{JsonPath}]");
}
