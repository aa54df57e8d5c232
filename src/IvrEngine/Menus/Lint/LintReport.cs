using System.Collections.Immutable;

namespace IvrEngine.Menus.Lint;

/// <summary>What <see cref="MenuLinter"/> found in one file: the loader's result and the lint findings (both in the compiler format).</summary>
/// <param name="Suppressed">Findings switched off by <c>lint.disable</c> blocks.</param>
public sealed record LintReport(MenuLoadResult Load, ImmutableArray<MenuDiagnostic> Findings, int Suppressed)
{
    /// <summary>The loader's diagnostics and the findings together, in file order.</summary>
    public IEnumerable<MenuDiagnostic> All => Load.Diagnostics.Concat(Findings).OrderBy(d => d.Line).ThenBy(d => d.Column);
}
