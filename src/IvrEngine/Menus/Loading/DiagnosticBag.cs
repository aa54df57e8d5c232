using System.Collections.Immutable;

namespace IvrEngine.Menus.Loading;

/// <summary>Collects every problem found while loading one file; nothing stops at the first.</summary>
internal sealed class DiagnosticBag(string file)
{
    private readonly List<MenuDiagnostic> _items = [];

    public bool HasErrors => ErrorCount > 0;

    public int ErrorCount { get; private set; }

    public void Error(string code, SourcePoint at, string message) => Add(code, DiagnosticSeverity.Error, at, message);

    public void Warning(string code, SourcePoint at, string message) => Add(code, DiagnosticSeverity.Warning, at, message);

    /// <summary>In file order, so the list reads top to bottom like the file (a stable sort keeps ties in finding order).</summary>
    public ImmutableArray<MenuDiagnostic> ToSortedArray() =>
        [.. _items.OrderBy(d => d.Line).ThenBy(d => d.Column)];

    private void Add(string code, DiagnosticSeverity severity, SourcePoint at, string message)
    {
        if (severity == DiagnosticSeverity.Error) ErrorCount++;
        _items.Add(new MenuDiagnostic(code, severity, file, at.Line, at.Column, at.Path, message));
    }
}
